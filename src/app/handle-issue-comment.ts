// `/dpg recheck` in a comment: the way out when a webhook was missed or a result looks stale.
// Only people with write access can trigger it; from anyone else it does nothing.
import type { Context } from "probot";
import { fetchRepositoryHead } from "../snapshot/fetch-repository-head.js";
import { messageOf } from "../snapshot/github-client.js";
import { screenContext, type AppServices } from "./app-services.js";
import { ensureIssuesAfterScreen } from "./ensure-issues-after-screen.js";
import { metadataFromPayload } from "./payload-metadata.js";

/** The command on a line of its own, so quoting it in prose does not trigger a screen. */
export const RECHECK_COMMAND = /^\s*\/dpg\s+recheck\s*$/im;

/** Collaborator permissions that count as write access ("maintain" is reported as "write"). */
const WRITE_PERMISSIONS = new Set(["admin", "write"]);

export async function handleIssueComment(
  context: Context<"issue_comment.created">,
  services: AppServices,
): Promise<void> {
  const { comment, issue, repository, sender } = context.payload;
  if (!RECHECK_COMMAND.test(comment.body) || sender.type === "Bot") return;
  const target = { owner: repository.owner.login, repo: repository.name };
  const log = { repository: `${target.owner}/${target.repo}`, user: sender.login, issue: issue.number };

  // 1. Only people who could push a fix may spend the App's requests on a re-screen.
  if (!(await hasWriteAccess(context, target, sender.login))) {
    context.log.info(log, "Ignored /dpg recheck from someone without write access");
    return;
  }
  // 2. Acknowledge at once: a screen takes seconds and the commenter should know it was heard.
  //    The reaction is a courtesy: when GitHub refuses it, the re-screen still runs.
  try {
    await context.octokit.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
      ...target,
      comment_id: comment.id,
      content: "eyes",
    });
  } catch (error) {
    context.log.warn(
      { ...log, error: messageOf(error) },
      "Could not react to the /dpg recheck comment; re-screening anyway",
    );
  }

  // 3. A pull request re-screens its head; an issue re-screens the default branch and its issues.
  const metadata = metadataFromPayload(repository);
  const screening = screenContext(context as unknown as Context);
  if (issue.pull_request !== undefined && issue.pull_request !== null) {
    const pullRequest = await context.octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...target,
      pull_number: issue.number,
    });
    await services.screener.screen(
      { ...target, headSha: pullRequest.data.head.sha, metadata, trigger: "issue_comment.recheck", force: true },
      screening,
    );
    return;
  }
  const head = await fetchRepositoryHead(screening.client, target.owner, target.repo);
  if (head.commit === undefined) {
    context.log.info(log, "Ignored /dpg recheck: the repository has no commits");
    return;
  }
  const result = await services.screener.screen(
    { ...target, headSha: head.commit, metadata, trigger: "issue_comment.recheck", force: true },
    screening,
  );
  await ensureIssuesAfterScreen(context as unknown as Context, services, result, {
    ...target,
    metadata,
    fixIssuesRequested: false,
    defaultBranch: true,
  });
}

async function hasWriteAccess(
  context: Context<"issue_comment.created">,
  target: { owner: string; repo: string },
  username: string,
): Promise<boolean> {
  try {
    const response = await context.octokit.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
      ...target,
      username,
    });
    return WRITE_PERMISSIONS.has(response.data.permission);
  } catch (error) {
    // 404: not a collaborator at all. Anything else: do not guess in the commenter's favour.
    context.log.info(
      { ...target, user: username, error: messageOf(error) },
      "Could not read the commenter's permission",
    );
    return false;
  }
}
