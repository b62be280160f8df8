// A maintainer's explicit request for one suggested-fix issue per unmet indicator of a commit.
import type { RepositoryMetadata } from "../core/snapshot.js";
import { messageOf } from "../snapshot/github-client.js";
import type { AppServices } from "./app-services.js";
import { ensureIssuesAfterScreen } from "./ensure-issues-after-screen.js";
import type { ScreenContext } from "./screener.js";

export interface OpenFixIssuesRequest {
  owner: string;
  repo: string;
  metadata: RepositoryMetadata;
  /** The commit of the check run whose button was pressed. */
  headSha: string;
  /** The run's check suite is on the default branch (its tip is still looked up). */
  onDefaultBranch: boolean;
}

export async function openFixIssues(
  request: OpenFixIssuesRequest,
  screening: ScreenContext,
  services: AppServices,
): Promise<void> {
  const { owner, repo, metadata, headSha } = request;
  // Usually answered from the Screener's memory of this commit; screened again otherwise.
  const result = await services.screener.screen(
    { owner, repo, headSha, metadata, trigger: "check_run.requested_action" },
    screening,
  );
  if (result.status !== "screened") return;
  // The button may be pressed on an old run. Its fix issues come from that commit's report, but
  // only the default branch's tip may rewrite the tracking issue, or it would show stale data.
  const defaultBranch = request.onDefaultBranch && (await isDefaultBranchTip(request, screening));
  await ensureIssuesAfterScreen(screening, services, result, {
    owner,
    repo,
    metadata,
    fixIssuesRequested: true,
    defaultBranch,
  });
}

/** One GraphQL lookup of the default branch's tip; a failed lookup counts as "not the tip". */
async function isDefaultBranchTip(request: OpenFixIssuesRequest, screening: ScreenContext): Promise<boolean> {
  const repository = `${request.owner}/${request.repo}`;
  try {
    const head = await screening.github.repository(request.owner, request.repo).head();
    const isTip = head.commit?.toLowerCase() === request.headSha.toLowerCase();
    if (!isTip)
      screening.log.info(
        { repository, commit: request.headSha, tip: head.commit },
        "Open fix issues on an older commit: fix issues from its report, tracking issue left alone",
      );
    return isTip;
  } catch (error) {
    screening.log.warn(
      { repository, commit: request.headSha, error: messageOf(error) },
      "Could not read the default branch's tip; the tracking issue is left alone",
    );
    return false;
  }
}
