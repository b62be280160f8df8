// What `/dpg recheck` does once a comment asked for it. Only people with write access can
// trigger it; from anyone else it does nothing.
import type { RepositoryMetadata } from "../core/snapshot.js";
import { messageOf } from "../snapshot/github-client.js";
import type { AppServices } from "./app-services.js";
import { screenDefaultBranch } from "./screen-default-branch.js";
import type { ScreenContext } from "./screener.js";

/** Collaborator permissions that count as write access ("maintain" is reported as "write"). */
const WRITE_PERMISSIONS = new Set(["admin", "write"]);

export interface RecheckRequest {
  owner: string;
  repo: string;
  metadata: RepositoryMetadata;
  commentId: number;
  /** The issue or pull request the comment is on. */
  issueNumber: number;
  isPullRequest: boolean;
  /** Who commented. */
  user: string;
}

export async function recheck(request: RecheckRequest, screening: ScreenContext, services: AppServices): Promise<void> {
  const { owner, repo, metadata } = request;
  const repository = screening.github.repository(owner, repo);
  const log = { repository: `${owner}/${repo}`, user: request.user, issue: request.issueNumber };

  // 1. Only people who could push a fix may spend the App's requests on a re-screen.
  if (!(await hasWriteAccess(request, screening))) {
    screening.log.info(log, "Ignored /dpg recheck from someone without write access");
    return;
  }
  // 2. Acknowledge at once: a screen takes seconds and the commenter should know it was heard.
  //    The reaction is a courtesy: when GitHub refuses it, the re-screen still runs.
  try {
    await repository.reactToComment(request.commentId, "eyes");
  } catch (error) {
    screening.log.warn(
      { ...log, error: messageOf(error) },
      "Could not react to the /dpg recheck comment; re-screening anyway",
    );
  }

  // 3. A pull request re-screens its head; an issue re-screens the default branch and its issues.
  const common = { owner, repo, metadata, trigger: "issue_comment.recheck", force: true };
  if (request.isPullRequest) {
    const headSha = await repository.pullRequestHead(request.issueNumber);
    await services.screener.screen({ ...common, headSha }, screening);
    return;
  }
  const head = await repository.head();
  if (head.commit === undefined) {
    screening.log.info(log, "Ignored /dpg recheck: the repository has no commits");
    return;
  }
  await screenDefaultBranch({ ...common, headSha: head.commit }, screening, services);
}

async function hasWriteAccess(request: RecheckRequest, screening: ScreenContext): Promise<boolean> {
  try {
    const permission = await screening.github.repository(request.owner, request.repo).permissionOf(request.user);
    return WRITE_PERMISSIONS.has(permission);
  } catch (error) {
    // 404: not a collaborator at all. Anything else: do not guess in the commenter's favour.
    screening.log.info(
      { owner: request.owner, repo: request.repo, user: request.user, error: messageOf(error) },
      "Could not read the commenter's permission",
    );
    return false;
  }
}
