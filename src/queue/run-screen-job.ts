// The queue's policy for one job, independent of GitHub and of the worker pool: pauses, supersede,
// dedup against the store, retry and rate-limit waits. The screen itself is a dependency.
import type { Report } from "../core/report.js";
import { classifyGitHubError, type GitHubFailure } from "../github/rate-limit.js";
import type { InstallationBudget } from "../store/installation-budget.js";
import type { ReportStore, StoredScreen } from "../store/report-store.js";
import { repositoryName, type ScreenJob } from "./screen-job.js";
import type { JobAttempt } from "./screen-queue.js";

export type ScreenOutcome =
  | {
      status: "screened";
      report: Report;
      configFingerprint: string;
      conclusion: string;
      checkRunId: number;
      /** The stored screen of this commit and config was reused: nothing was written to GitHub. */
      reused: boolean;
    }
  | { status: "skipped"; reason: string }
  | {
      status: "failed";
      error: string;
      /** A completed check run of this attempt exists on GitHub; retrying would add a second one. */
      published: boolean;
      /** The attempt left its run in progress for the next attempt of this job to complete. */
      leftOpen?: boolean;
      /** The run the attempt completed with the reason, when it wrote one. */
      checkRunId?: number;
      cause?: unknown;
    };

export type JobResult = "screened" | "reused" | "skipped" | "superseded" | "deferred" | "already-screened" | "failed";

export interface ScreenJobDependencies {
  store: ReportStore;
  budget: InstallationBudget;
  queue: { enqueue(job: ScreenJob, options?: { startAfter?: Date }): Promise<string | null> };
  /** Runs the pipeline. `previous` is the stored screen of the same commit, if any. */
  screen(job: ScreenJob, previous: StoredScreen | undefined): Promise<ScreenOutcome>;
  /**
   * Keeps the issues after a default-branch screen; `tracking` says this commit owns the tracking
   * issue. Resolves to the tracking issue's number when there is one, which the store keeps for
   * the dashboard.
   */
  afterScreen?(
    job: ScreenJob,
    outcome: ScreenOutcome & { status: "screened" },
    tracking: boolean,
  ): Promise<number | undefined>;
  now?: () => number;
}

/** Thrown to make pg-boss retry the job (with its backoff). */
export class RetryScreenError extends Error {}

export async function runScreenJob(
  job: ScreenJob,
  attempt: JobAttempt,
  dependencies: ScreenJobDependencies,
): Promise<JobResult> {
  const { store, budget, queue } = dependencies;
  const now = dependencies.now ?? Date.now;
  const repository = repositoryName(job);

  // 1. A rate-limited installation waits for its reset, whoever noticed the limit.
  const paused = await budget.pausedUntil(job.installationId);
  if (paused !== undefined) {
    await queue.enqueue(job, { startAfter: paused });
    return "deferred";
  }

  // 2. A newer head of the default branch makes an older queued commit moot.
  if (job.defaultBranch) {
    const head = await store.head(repository);
    if (head !== undefined && head !== job.headSha) return "superseded";
  }

  // 3. The same commit and config screened already (redelivery, a second replica, a sweep).
  const previous = await store.findScreen(repository, job.headSha);
  if (
    job.force !== true &&
    previous !== undefined &&
    (previous.configFingerprint === job.configKey || previous.configKey === job.configKey) &&
    job.configKey !== "unknown"
  )
    return "already-screened";

  const outcome = await dependencies.screen(job, previous);
  if (outcome.status === "screened") {
    if (outcome.reused) return "reused";
    await store.saveScreen({
      installationId: job.installationId,
      repository,
      commit: job.headSha,
      configFingerprint: outcome.configFingerprint,
      configKey: job.configKey,
      defaultBranch: job.defaultBranch,
      conclusion: outcome.conclusion,
      checkRunId: outcome.checkRunId,
      private: job.metadata.private,
      report: outcome.report,
    });
    if (job.defaultBranch) {
      const tracking = await store.claimTracking(job.installationId, repository, job.headSha);
      const issue = await dependencies.afterScreen?.(job, outcome, tracking);
      if (tracking && typeof issue === "number") await store.recordTrackingIssue(repository, issue);
    }
    return "screened";
  }
  if (outcome.status === "skipped") return "skipped";

  // 4. Failed. Only an attempt that published nothing may be repeated without a second check run.
  const failure = classifyGitHubError(outcome.cause, now());
  if (!outcome.published && failure.kind === "rate-limited") {
    await budget.pauseUntil(job.installationId, failure.until);
    await queue.enqueue(outcome.leftOpen === true ? { ...job, resumed: true } : job, { startAfter: failure.until });
    return "deferred";
  }
  if (!outcome.published && retries(failure, attempt)) {
    throw new RetryScreenError(`${repository}@${job.headSha.slice(0, 7)}: ${outcome.error}`);
  }
  // A later screen of this commit (the next sweep, a re-run) completes this run again.
  if (outcome.checkRunId !== undefined) await store.recordFailedRun(repository, job.headSha, outcome.checkRunId);
  return "failed";
}

/**
 * Whether step 4 runs the job again after `error`, provided the attempt published nothing: a
 * rate limit always (the job waits for the reset), a 5xx or network error while retries are left.
 * The screen asks before it writes an error run, so that a retried job leaves no run behind.
 */
export function willRetry(error: unknown, attempt: JobAttempt, now: number = Date.now()): boolean {
  return retries(classifyGitHubError(error, now), attempt);
}

function retries(failure: GitHubFailure, attempt: JobAttempt): boolean {
  return failure.kind === "rate-limited" || (failure.kind === "transient" && attempt.retryCount < attempt.retryLimit);
}
