// The App's one pipeline, from a commit to a completed check run. Every trigger (push, pull
// request, check suite, re-run, installation, the recheck comment) ends here. It knows no
// webhook framework: GitHub is reached only through the ScreenGitHub view of src/github.
import { countOutcomes, type Report } from "../core/report.js";
import type { RepositoryMetadata, RepositorySnapshot } from "../core/snapshot.js";
import { screenRepository } from "../engine/screen-repository.js";
import { DECLARATION_PATH } from "../declaration/declaration-path.js";
import type { LoadedConfig } from "../declaration/resolve-config.js";
import { decideIssuePlan } from "../github/ensure-screen-issues.js";
import { whyIssuesAreUnavailable } from "../github/issues-availability.js";
import type { PrefetchedConfigFiles } from "../github/load-config.js";
import type { ScreenGitHub } from "../github/repository-github.js";
import {
  renderCheckRun,
  renderCheckRunError,
  type CheckConclusion,
  type ExternalConfigProblem,
} from "../reporters/check-run.js";
import { messageOf } from "../snapshot/github-client.js";
import type { AppLog } from "./app-log.js";

export interface ScreenRequest {
  owner: string;
  repo: string;
  /** The commit to screen; for a fork pull request, its head SHA read through the base repository. */
  headSha: string;
  /** Metadata from the webhook payload (or a lookup); archived, fork and private decide skipping. */
  metadata: RepositoryMetadata;
  /** What asked for the screen, for the log line: "push", "pull_request", "installation", … */
  trigger: string;
  /** Screen again even when this commit and config were screened already (re-run, recheck). */
  force?: boolean;
  /** The commit is the default branch's tip (push, recheck, installation): it may move the tracking issue. */
  defaultBranch?: boolean;
  /** Config files already read for this commit (the sweep's batched heads query); the rest are read. */
  configFiles?: PrefetchedConfigFiles;
  /**
   * Write the check run once, completed, at the end (bulk screens: nobody watches them start,
   * and it is one write instead of two). Otherwise the run is opened in progress first.
   */
  publishOnce?: boolean;
}

export interface ScreenDependencies {
  /** The screened repository on GitHub, through the installation's client. */
  github: ScreenGitHub;
  log: AppLog;
  deliveryId?: string;
  tool: { name: string; version: string };
  now: () => Date;
  /** Called once the config is loaded; returning a result ends the pipeline there (dedupe). */
  reuse?: (config: LoadedConfig) => ScreenResult | undefined;
  /**
   * The number of the repository's tracking issue when it is known before the issue is written
   * (the queued App's store keeps it), so the check run links the issue itself.
   */
  trackingIssue?: () => Promise<number | undefined>;
  /** Evaluates the snapshot; the App passes its worker pool so screens leave the event loop. */
  evaluate?: (snapshot: RepositorySnapshot, tool: { name: string; version: string }) => Promise<Report>;
  /**
   * A retried job: runs of this commit still in progress that started before this time were
   * left by a process that died, and runs opened with `runKey` by an earlier attempt; the newest
   * is reused for this screen, any older one completed.
   */
  staleRunsBefore?: Date;
  /** The queued job's key, written as the external id of the run this screen opens. */
  runKey?: string;
  /**
   * The error run an earlier failed screen completed on this commit: this screen completes it
   * again with its result instead of adding a second run (GitHub lets a completed run be updated).
   */
  failedRun?: number;
  /**
   * The caller runs this screen again after `error` (a queue on a rate limit or a 5xx). The
   * attempt then ends without an error run: a bulk screen writes nothing, an opened run stays in
   * progress for the retry to take over (by `runKey`), so the retry's run is the commit's only one.
   */
  retryLater?: (error: unknown) => boolean;
}

export type ScreenResult =
  | { status: "skipped"; reason: string; config?: LoadedConfig }
  | {
      status: "screened";
      report: Report;
      config: LoadedConfig;
      checkRunId: number;
      conclusion: CheckConclusion;
      reused: boolean;
    }
  | {
      status: "failed";
      error: string;
      config?: LoadedConfig;
      checkRunId?: number;
      /** A run this attempt opened and left in progress, because the caller tries again. */
      openCheckRunId?: number;
      /** The error itself, so a queue can tell a rate limit or a 5xx from a lasting failure. */
      cause?: unknown;
    };

/** Archived repositories are read-only on GitHub: a check run cannot be written there at all. */
export function skipWithoutConfig(metadata: RepositoryMetadata): string | undefined {
  return metadata.archived === true ? "the repository is archived" : undefined;
}

/** Forks and private repositories are skipped unless `screen.forks` / `screen.private` say otherwise. */
export function skipWithConfig(metadata: RepositoryMetadata, config: LoadedConfig): string | undefined {
  if (metadata.fork === true && !config.settings.screen.forks)
    return "the repository is a fork (set screen.forks: true to screen it)";
  if (metadata.private === true && !config.settings.screen.private)
    return "the repository is private (set screen.private: true to screen it)";
  return undefined;
}

export async function runScreen(request: ScreenRequest, dependencies: ScreenDependencies): Promise<ScreenResult> {
  const started = Date.now();
  const github = dependencies.github;
  const repository = `${request.owner}/${request.repo}`;
  const logLine = (result: ScreenResult) => {
    dependencies.log.info(
      {
        repository,
        commit: request.headSha,
        deliveryId: dependencies.deliveryId,
        trigger: request.trigger,
        status: result.status,
        durationMs: Date.now() - started,
        githubRequests: github.requestCount,
        ...(result.status === "screened"
          ? { conclusion: result.conclusion, outcomes: countOutcomes(result.report), reused: result.reused }
          : {}),
        ...(result.status === "skipped" ? { reason: result.reason } : {}),
        ...(result.status === "failed" ? { error: result.error } : {}),
      },
      `DPG screen ${result.status}: ${repository}@${request.headSha.slice(0, 7)}`,
    );
    return result;
  };

  const earlySkip = skipWithoutConfig(request.metadata);
  if (earlySkip !== undefined) return logLine({ status: "skipped", reason: earlySkip });

  // 1. Load the App settings (repository → organisation `.github` → _extends).
  let config: LoadedConfig;
  try {
    config = await github.loadConfig({
      ...webBase(request.metadata),
      ...(request.configFiles === undefined ? {} : { prefetched: request.configFiles }),
    });
  } catch (error) {
    if (dependencies.retryLater?.(error) === true)
      return logLine({ status: "failed", error: `${messageOf(error)} (to be tried again)`, cause: error });
    return logLine(await failWithoutConfig(request, dependencies, error));
  }
  const skip = skipWithConfig(request.metadata, config);
  if (skip !== undefined) return logLine({ status: "skipped", reason: skip, config });
  const reused = request.force === true ? undefined : dependencies.reuse?.(config);
  if (reused !== undefined) return logLine(reused);

  // 2. Complete again the error run of an earlier failed screen, take over a run a dead process
  //    left in progress, or open one so people see the screen has started (a bulk screen writes
  //    its run once, at the end).
  const target = { owner: request.owner, repo: request.repo };
  const startedAt = dependencies.now();
  let checkRunId = dependencies.failedRun ?? (await takeOverStaleRun(request, dependencies));
  if (checkRunId === undefined && request.publishOnce !== true) {
    try {
      checkRunId = await github.checkRuns.start(request.headSha, startedAt, dependencies.runKey);
    } catch (error) {
      return logLine({ status: "failed", error: messageOf(error), config, cause: error });
    }
  }

  try {
    // 3. Build the snapshot: metadata from the payload, one tree request, batched GraphQL reads.
    const snapshot = github.openSnapshot(request.headSha, request.metadata);
    // 4. Evaluate. The declaration is read from the commit itself, so a pull request's edits count.
    const report =
      dependencies.evaluate === undefined
        ? await screenRepository(snapshot, { tool: dependencies.tool })
        : await dependencies.evaluate(snapshot, dependencies.tool);
    // 5. Render.
    const draft = await draftLocation(request, config, dependencies);
    const rendered = renderCheckRun(report, {
      failOn: config.settings.check.failOn,
      configProblems: externalProblems(config, target),
      ...draft,
    });
    // 6. Publish.
    if (checkRunId === undefined)
      checkRunId = await github.checkRuns.publish(
        request.headSha,
        rendered,
        startedAt,
        dependencies.now(),
        dependencies.log,
      );
    else await github.checkRuns.complete(checkRunId, rendered, dependencies.now(), dependencies.log);
    return logLine({ status: "screened", report, config, checkRunId, conclusion: rendered.conclusion, reused: false });
  } catch (error) {
    const message = messageOf(error);
    if (dependencies.retryLater?.(error) === true)
      return logLine({
        status: "failed",
        error: `${message} (to be tried again)`,
        config,
        ...(checkRunId === undefined ? {} : { openCheckRunId: checkRunId }),
        cause: error,
      });
    // Never leave the run in progress (nor a bulk screen without a run): complete it with the reason.
    try {
      const errorRun = renderCheckRunError(message);
      if (checkRunId === undefined)
        checkRunId = await github.checkRuns.publish(request.headSha, errorRun, startedAt, dependencies.now());
      else await github.checkRuns.complete(checkRunId, errorRun, dependencies.now());
    } catch (publishError) {
      dependencies.log.error(
        { repository, commit: request.headSha, error: messageOf(publishError) },
        "Could not report the failed screen on its check run",
      );
    }
    return logLine({
      status: "failed",
      error: message,
      config,
      ...(checkRunId === undefined ? {} : { checkRunId }),
      cause: error,
    });
  }
}

/**
 * The newest run of this commit a dead process left in progress, to be completed by this screen;
 * older ones are completed at once, naming the run that replaced them. A failed lookup is logged
 * and the screen opens its own run.
 */
async function takeOverStaleRun(request: ScreenRequest, dependencies: ScreenDependencies): Promise<number | undefined> {
  if (dependencies.staleRunsBefore === undefined) return undefined;
  const { checkRuns } = dependencies.github;
  const repository = `${request.owner}/${request.repo}`;
  try {
    const stale = await checkRuns.findStale(request.headSha, dependencies.staleRunsBefore, dependencies.runKey);
    const reused = stale.at(-1);
    if (reused === undefined) return undefined;
    for (const older of stale.slice(0, -1))
      await checkRuns.complete(
        older,
        renderCheckRunError(`This screen was interrupted; check run ${reused} screened the commit again.`),
        dependencies.now(),
      );
    dependencies.log.info(
      { repository, commit: request.headSha, checkRunId: reused, completedStale: stale.length - 1 },
      `Taking over check run ${reused} left in progress on ${repository}@${request.headSha.slice(0, 7)}`,
    );
    return reused;
  } catch (error) {
    dependencies.log.warn(
      { repository, commit: request.headSha, error: messageOf(error) },
      "Could not look for check runs left in progress; opening a new one",
    );
    return undefined;
  }
}

/** A config that cannot even be fetched still gets a completed run saying so. */
async function failWithoutConfig(
  request: ScreenRequest,
  dependencies: ScreenDependencies,
  error: unknown,
): Promise<ScreenResult> {
  const message = messageOf(error);
  const { checkRuns } = dependencies.github;
  try {
    const checkRunId = dependencies.failedRun ?? (await checkRuns.start(request.headSha, dependencies.now()));
    await checkRuns.complete(checkRunId, renderCheckRunError(message), dependencies.now());
    return { status: "failed", error: message, checkRunId, cause: error };
  } catch (publishError) {
    dependencies.log.error(
      { repository: `${request.owner}/${request.repo}`, error: messageOf(publishError) },
      "Could not report the failed screen on a check run",
    );
    return { status: "failed", error: message, cause: error };
  }
}

/**
 * Problems in the text of the repository's own file show up through the report (read at the
 * commit); that includes the organisation `.github` repository's file when that repository is
 * the one screened. Problems of reading or following a file (too large, `_extends`) only the
 * settings resolution knows, so they are always shown.
 */
function externalProblems(config: LoadedConfig, target: { owner: string; repo: string }): ExternalConfigProblem[] {
  const isScreenedRepository = (file: { owner: string; repo: string }) =>
    file.owner.toLowerCase() === target.owner.toLowerCase() && file.repo.toLowerCase() === target.repo.toLowerCase();
  return config.problems
    .filter(
      (problem) =>
        problem.source === "chain" ||
        (problem.file.origin !== "repository" &&
          !(isScreenedRepository(problem.file) && problem.file.path === DECLARATION_PATH)),
    )
    .map((problem) => ({
      fileLabel: `${problem.file.owner}/${problem.file.repo}/${problem.file.path}`,
      url: problem.file.url,
      key: problem.key,
      message: problem.message,
      ...(problem.line === undefined ? {} : { line: problem.line }),
    }));
}

/**
 * Where this screen's DPGA draft will be: the tracking issue, when this screen updates it. The
 * check run is published before the issue is written: without a known number the link lists the
 * App's issues by label (the tracking issue is the one titled "DPG Standard: …").
 */
async function draftLocation(
  request: ScreenRequest,
  config: LoadedConfig,
  dependencies: Pick<ScreenDependencies, "trackingIssue" | "log">,
): Promise<{ trackingIssueUrl?: string }> {
  const plan = decideIssuePlan(config, { fixIssuesRequested: false, defaultBranch: request.defaultBranch === true });
  const url = request.metadata.url;
  if (!plan.tracking || url === undefined || whyIssuesAreUnavailable(request.metadata) !== undefined) return {};
  const known = await dependencies.trackingIssue?.().catch((error: unknown) => {
    dependencies.log.warn(
      { repository: `${request.owner}/${request.repo}`, error: messageOf(error) },
      "Could not look up the tracking issue's number; the check run links the issue list instead",
    );
    return undefined;
  });
  if (known !== undefined) return { trackingIssueUrl: `${url}/issues/${known}` };
  const query = `is:issue label:"${config.settings.issues.label}" in:title "DPG Standard:"`;
  return { trackingIssueUrl: `${url}/issues?q=${encodeURIComponent(query)}` };
}

function webBase(metadata: RepositoryMetadata): { webBase?: string } {
  if (metadata.url === undefined || metadata.fullName === undefined || !metadata.url.endsWith(`/${metadata.fullName}`))
    return {};
  return { webBase: metadata.url.slice(0, -metadata.fullName.length - 1) };
}
