// After a default-branch screen (or a maintainer's request), brings the App's issues in line
// with the report: which issues the config asks for (opt-in, never bulk by surprise), one
// listing, then the fix issues and the tracking issue, all in the installation's write queue.
import type { Report } from "../core/report.js";
import type { RepositoryMetadata } from "../core/snapshot.js";
import type { ISSUE_MODES } from "../declaration/app-settings-schema.js";
import { ensureFixIssues, type FixIssuesEnsured } from "./ensure-fix-issues.js";
import type { OwnIssueOutcome } from "./ensure-own-issue.js";
import { ensureTrackingIssue } from "./ensure-tracking-issue.js";
import { IssueQueueFullError, type IssueWriteQueue } from "./issue-write-queue.js";
import type { IssuesClient } from "./issues-client.js";
import {
  skipWhenIssuesUnavailable,
  whyIssuesAreUnavailable,
  type IssueLog,
  type IssuesSkipped,
} from "./issues-availability.js";
import type { LoadedConfig } from "../declaration/resolve-config.js";

export type IssueMode = (typeof ISSUE_MODES)[number];

/** What to do with issues after one screen. */
export interface IssuePlan {
  /** The mode in force, after the opt-in rules; undefined when the repository has not opted in. */
  mode: IssueMode | undefined;
  tracking: boolean;
  /** "create" opens missing fix issues; "sync" only keeps existing ones in line (closes met ones). */
  fixIssues: "create" | "sync" | "none";
}

/**
 * The opt-in rules: an explicit `issues.mode` wins; a repository with its own
 * .github/dpg.yml, or whose organisation config sets `issues.mode`, gets "tracking"; every
 * other repository gets check runs only. A click on "Open fix issues" is itself the permission.
 */
export function decideIssuePlan(
  config: Pick<LoadedConfig, "settings" | "hasRepositoryFile" | "organizationSetsIssuesMode">,
  request: {
    fixIssuesRequested: boolean;
    defaultBranch: boolean;
    /** False when the App's store knows fix issues were never asked for here; unknown counts as true. */
    mayHaveFixIssues?: boolean;
  },
): IssuePlan {
  const optedIn = config.hasRepositoryFile || config.organizationSetsIssuesMode;
  const mode = config.settings.issues.mode ?? (optedIn ? "tracking" : undefined);
  const tracking = request.defaultBranch && (mode === "tracking" || mode === "per-indicator");
  if (request.fixIssuesRequested) return { mode, tracking, fixIssues: "create" };
  // Only default-branch screens touch issues, and `issues.mode: off` is an explicit opt-out.
  if (!request.defaultBranch || mode === "off") return { mode, tracking: false, fixIssues: "none" };
  // Not opted in: never open anything, but fix issues a maintainer opened with the button must
  // still close when their indicator is met. That costs one listing per default-branch screen
  // (GitHub gives no cheaper way to know whether such issues exist), unless the store knows the
  // button was never pressed here; no write when there are none.
  if (mode === undefined)
    return { mode, tracking: false, fixIssues: request.mayHaveFixIssues === false ? "none" : "sync" };
  return { mode, tracking, fixIssues: mode === "per-indicator" ? "create" : "sync" };
}

export interface EnsureScreenIssuesOptions {
  /** The repository's issues (the GitHub adapter in the App, a fake in tests). */
  issues: IssuesClient;
  queue: IssueWriteQueue;
  installationId: number;
  owner: string;
  repo: string;
  report: Report;
  config: Pick<LoadedConfig, "settings" | "hasRepositoryFile" | "organizationSetsIssuesMode">;
  metadata: RepositoryMetadata;
  checkRunId?: number;
  fixIssuesRequested: boolean;
  defaultBranch: boolean;
  /** See decideIssuePlan; undefined where no store is kept (then issues are listed). */
  mayHaveFixIssues?: boolean;
  /** The App's bot login ("<slug>[bot]"): only its issues are ours. Unknown → only bots' issues. */
  creator?: string;
  log: IssueLog & { info(fields: Record<string, unknown>, message: string): void };
}

export interface ScreenIssuesOutcome {
  plan: IssuePlan;
  skipped?: string;
  fixIssues?: FixIssuesEnsured;
  tracking?: OwnIssueOutcome | IssuesSkipped;
}

export async function ensureScreenIssues(options: EnsureScreenIssuesOptions): Promise<ScreenIssuesOutcome> {
  const plan = decideIssuePlan(options.config, options);
  if (plan.fixIssues === "none" && !plan.tracking) return { plan };
  const repository = `${options.owner}/${options.repo}`;
  const unavailable = whyIssuesAreUnavailable(options.metadata);
  if (unavailable !== undefined) return log(options, { plan, skipped: unavailable });
  const label = options.config.settings.issues.label;
  const outcome = await options.queue
    .run(options.installationId, options.issues, async (paced): Promise<ScreenIssuesOutcome> => {
      try {
        // 1. One listing serves both the fix issues and the tracking issue.
        const creator = options.creator === undefined ? {} : { creator: options.creator };
        const listed = await paced.listIssues({ label, ...creator });
        const common = {
          issues: paced,
          report: options.report,
          repository: options.metadata,
          label,
          listed,
          log: options.log,
          ...creator,
        };
        // 2. Fix issues first, so the tracking issue can list the open ones.
        const fixIssues = await ensureFixIssues({ ...common, createMissing: plan.fixIssues === "create" });
        if (fixIssues.action === "skipped") return { plan, skipped: fixIssues.reason };
        if (!plan.tracking) return { plan, fixIssues };
        // 3. The tracking issue.
        const checkRunUrl =
          options.checkRunId === undefined || options.metadata.url === undefined
            ? undefined
            : `${options.metadata.url}/runs/${options.checkRunId}`;
        const tracking = await ensureTrackingIssue({
          ...common,
          fixIssues: fixIssues.open,
          ...(checkRunUrl === undefined ? {} : { checkRunUrl }),
        });
        return { plan, fixIssues, tracking };
      } catch (error) {
        return { plan, skipped: skipWhenIssuesUnavailable(error, options.log, repository).reason };
      }
    })
    .catch((error: unknown): ScreenIssuesOutcome => {
      if (!(error instanceof IssueQueueFullError)) throw error;
      // Dropped, not lost: the issues follow the report of the next default-branch screen.
      options.log.warn(
        { repository, installation: error.installationId, waiting: error.waiting },
        `Issue update for ${repository} dropped: ${error.message}; the next screen of ${repository} will redo it`,
      );
      return { plan, skipped: `the issue queue is full (${error.message})` };
    });
  return log(options, outcome);
}

/** One structured line per issue sync: the plan and what changed. */
function log(options: EnsureScreenIssuesOptions, outcome: ScreenIssuesOutcome): ScreenIssuesOutcome {
  options.log.info(
    {
      repository: `${options.owner}/${options.repo}`,
      issueMode: outcome.plan.mode ?? "not opted in",
      tracking: outcome.tracking?.action,
      trackingIssue:
        outcome.tracking !== undefined && "issue" in outcome.tracking ? outcome.tracking.issue?.number : undefined,
      fixIssueChanges: outcome.fixIssues?.changes,
      skipped: outcome.skipped,
    },
    `DPG issues ${outcome.skipped === undefined ? "in line" : "skipped"}: ${options.owner}/${options.repo}`,
  );
  return outcome;
}
