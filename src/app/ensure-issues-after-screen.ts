// The one place a finished screen turns into issue side effects. A failure here is logged,
// never thrown: the check run is already complete and must stay the answer.
import type { RepositoryMetadata } from "../core/snapshot.js";
import { ensureScreenIssues, type ScreenIssuesOutcome } from "../github/ensure-screen-issues.js";
import { messageOf } from "../snapshot/github-client.js";
import type { AppServices } from "./app-services.js";
import type { ScreenResult } from "./run-screen.js";
import type { ScreenContext } from "./screener.js";

export interface IssueIntent {
  owner: string;
  repo: string;
  metadata: RepositoryMetadata;
  /** A maintainer clicked "Open fix issues". */
  fixIssuesRequested: boolean;
  /** The screened commit is the default branch's tip (only then is the tracking issue touched). */
  defaultBranch: boolean;
}

export async function ensureIssuesAfterScreen(
  screening: ScreenContext,
  services: AppServices,
  result: ScreenResult,
  intent: IssueIntent,
): Promise<ScreenIssuesOutcome | undefined> {
  const installationId = screening.github.installationId;
  if (result.status !== "screened" || installationId === undefined) return undefined;
  try {
    const creator = await services.botLogin();
    return await ensureScreenIssues({
      ...intent,
      ...(creator === undefined ? {} : { creator }),
      issues: screening.github.repository(intent.owner, intent.repo).issues,
      queue: services.issueQueue,
      installationId,
      report: result.report,
      config: result.config,
      checkRunId: result.checkRunId,
      log: screening.log,
    });
  } catch (error) {
    screening.log.error(
      { repository: `${intent.owner}/${intent.repo}`, error: messageOf(error) },
      "Could not bring the DPG issues in line after a webhook's screen",
    );
    return undefined;
  }
}
