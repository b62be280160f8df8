// The one place a handler turns a finished screen into issue side effects (#6). A failure here
// is logged, never thrown: the check run is already complete and must stay the answer.
import type { Context } from "probot";
import type { RepositoryMetadata } from "../core/snapshot.js";
import { ensureScreenIssues, type ScreenIssuesOutcome } from "../github/ensure-screen-issues.js";
import { messageOf } from "../snapshot/github-client.js";
import type { AppServices } from "./app-services.js";
import type { ScreenResult } from "./run-screen.js";

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
  context: Context,
  services: AppServices,
  result: ScreenResult,
  intent: IssueIntent,
): Promise<ScreenIssuesOutcome | undefined> {
  const installationId = (context.payload as { installation?: { id: number } }).installation?.id;
  if (result.status !== "screened" || installationId === undefined) return undefined;
  try {
    const creator = await services.botLogin();
    return await ensureScreenIssues({
      ...intent,
      ...(creator === undefined ? {} : { creator }),
      client: context.octokit,
      queue: services.issueQueue,
      installationId,
      report: result.report,
      config: result.config,
      checkRunId: result.checkRunId,
      log: context.log,
    });
  } catch (error) {
    context.log.error(
      { repository: `${intent.owner}/${intent.repo}`, error: messageOf(error) },
      "Could not bring the DPG issues in line",
    );
    return undefined;
  }
}
