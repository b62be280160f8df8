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
  // Usually answered from the Screener's memory of this commit; screened again otherwise. Not
  // through the queue: the fix issues need this commit's report now, and a queued job would only
  // keep issues in line, never open them.
  const result = await services.screener.screenNow(
    { owner, repo, headSha, metadata, trigger: "check_run.requested_action" },
    screening,
  );
  if (result.status !== "screened") return;
  // The button may be pressed on an old run. Its fix issues come from that commit's report, but
  // only the default branch's tip may rewrite the tracking issue, or it would show stale data.
  const defaultBranch = request.onDefaultBranch && (await isDefaultBranchTip(request, screening));
  // Remembered before any issue is opened, so later screens keep these issues in line even when
  // the repository never opts in to issues.
  const installationId = screening.github.installationId;
  if (services.jobs !== undefined && installationId !== undefined)
    await services.jobs.store
      .recordFixIssuesRequested(installationId, `${owner}/${repo}`)
      .catch((error: unknown) =>
        screening.log.warn(
          { repository: `${owner}/${repo}`, error: messageOf(error) },
          "Could not note in the store that fix issues were asked for: screens may leave them open until the repository opts in to issues or the button is pressed again",
        ),
      );
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
