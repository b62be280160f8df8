// The "Open fix issues" button on the check run: a maintainer's explicit request for one
// suggested-fix issue per unmet indicator of that commit.
import type { Context } from "probot";
import { ACTION_OPEN_FIX_ISSUES } from "../reporters/check-run.js";
import { fetchRepositoryHead } from "../snapshot/fetch-repository-head.js";
import { messageOf } from "../snapshot/github-client.js";
import { screenContext, type AppServices } from "./app-services.js";
import { ensureIssuesAfterScreen } from "./ensure-issues-after-screen.js";
import { metadataFromPayload } from "./payload-metadata.js";

export async function handleOpenFixIssues(
  context: Context<"check_run.requested_action">,
  services: AppServices,
): Promise<void> {
  if (context.payload.requested_action?.identifier !== ACTION_OPEN_FIX_ISSUES) return;
  const { repository, check_run: run } = context.payload;
  const metadata = metadataFromPayload(repository);
  const target = { owner: repository.owner.login, repo: repository.name };
  // Usually answered from the Screener's memory of this commit; screened again otherwise.
  const result = await services.screener.screen(
    { ...target, headSha: run.head_sha, metadata, trigger: "check_run.requested_action" },
    screenContext(context),
  );
  if (result.status !== "screened") return;
  // The button may be pressed on an old run. Its fix issues come from that commit's report, but
  // only the default branch's tip may rewrite the tracking issue, or it would show stale data.
  const onDefaultBranch =
    run.check_suite?.head_branch === repository.default_branch &&
    (await isDefaultBranchTip(context, target, run.head_sha));
  await ensureIssuesAfterScreen(context as unknown as Context, services, result, {
    ...target,
    metadata,
    fixIssuesRequested: true,
    defaultBranch: onDefaultBranch,
  });
}

/** One GraphQL lookup of the default branch's tip; a failed lookup counts as "not the tip". */
async function isDefaultBranchTip(
  context: Context<"check_run.requested_action">,
  target: { owner: string; repo: string },
  sha: string,
): Promise<boolean> {
  try {
    const head = await fetchRepositoryHead(context.octokit, target.owner, target.repo);
    const isTip = head.commit?.toLowerCase() === sha.toLowerCase();
    if (!isTip)
      context.log.info(
        { repository: `${target.owner}/${target.repo}`, commit: sha, tip: head.commit },
        "Open fix issues on an older commit: fix issues from its report, tracking issue left alone",
      );
    return isTip;
  } catch (error) {
    context.log.warn(
      { repository: `${target.owner}/${target.repo}`, commit: sha, error: messageOf(error) },
      "Could not read the default branch's tip; the tracking issue is left alone",
    );
    return false;
  }
}
