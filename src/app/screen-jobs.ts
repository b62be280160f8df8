// The App's queued work: a screen job (one commit) and an installation sweep (list, read heads in
// batches, enqueue what changed). Both reach GitHub only through src/github's views.
import type { Database } from "../store/database.js";
import { createHash } from "node:crypto";
import { MAX_REPOSITORY_PAGES, type InstallationGitHub } from "../github/installation-github.js";
import { fetchRepositoryHeads, type RepositoryHeadSummary } from "../github/fetch-repository-heads.js";
import { configFileKey, type PrefetchedConfigFiles } from "../github/load-config.js";
import { DECLARATION_PATH } from "../declaration/declaration-path.js";
import { ORGANIZATION_REPOSITORY, type ConfigFileRead } from "../declaration/resolve-config.js";
import type { IssueWriteQueue } from "../github/issue-write-queue.js";
import type { LoadedConfig } from "../declaration/resolve-config.js";
import { runScreenJob, willRetry, type JobResult, type ScreenOutcome } from "../queue/run-screen-job.js";
import { repositoryName, screenJobKey, type ScreenJob } from "../queue/screen-job.js";
import type { JobAttempt, ScreenQueue } from "../queue/screen-queue.js";
import type { InstallationBudget } from "../store/installation-budget.js";
import type { ReportStore } from "../store/report-store.js";
import type { GitHubClient } from "../snapshot/github-client.js";
import type { ScreenPool } from "../worker/screen-pool.js";
import { ensureScreenIssues } from "../github/ensure-screen-issues.js";
import type { AppLog } from "./app-log.js";
import type { Metrics } from "./metrics.js";
import { runScreen, skipWithoutConfig, type ScreenRequest } from "./run-screen.js";
import type { ScreenContext } from "./screener.js";

export interface JobServices {
  /** The store's database, which the dashboard reads. */
  database: Database;
  queue: ScreenQueue;
  store: ReportStore;
  budget: InstallationBudget;
  pool: ScreenPool;
  metrics: Metrics;
  /** Closes everything: stops taking jobs, hands back running ones, closes the pool and the database. */
  stop(): Promise<void>;
}

export interface JobRuntime {
  jobs: JobServices;
  tool: { name: string; version: string };
  /** The installation as the App sees it, authenticated for a queued job (no webhook context). */
  installation(installationId: number): Promise<{ github: InstallationGitHub; client: GitHubClient }>;
  issueQueue: IssueWriteQueue;
  botLogin: () => Promise<string | undefined>;
  log: AppLog;
  now?: () => Date;
}

/** Runs one queued screen job to its end (see runScreenJob for the policy). */
export async function handleScreenJob(job: ScreenJob, attempt: JobAttempt, runtime: JobRuntime): Promise<JobResult> {
  const { jobs } = runtime;
  const now = runtime.now ?? (() => new Date());
  const started = Date.now();
  const { github } = await runtime.installation(job.installationId);
  let config: LoadedConfig | undefined;
  const result = await runScreenJob(job, attempt, {
    store: jobs.store,
    budget: jobs.budget,
    queue: jobs.queue,
    async screen(queued, previous): Promise<ScreenOutcome> {
      const repository = github.repository(queued.owner, queued.repo);
      const failedRun = await jobs.store.failedRun(repositoryName(queued), queued.headSha);
      const screened = await runScreen(
        {
          owner: queued.owner,
          repo: queued.repo,
          headSha: queued.headSha,
          metadata: queued.metadata,
          trigger: queued.trigger,
          ...(queued.force === true ? { force: true } : {}),
          ...(queued.configFiles === undefined ? {} : { configFiles: queued.configFiles }),
          ...(queued.publishOnce === true ? { publishOnce: true } : {}),
          ...(queued.defaultBranch ? { defaultBranch: true } : {}),
        },
        {
          github: repository,
          log: runtime.log,
          ...(queued.deliveryId === undefined ? {} : { deliveryId: queued.deliveryId }),
          tool: runtime.tool,
          now,
          evaluate: (snapshot, tool) => jobs.pool.screen(snapshot, tool),
          // The store knows the tracking issue's number, so the check run can link the issue itself.
          trackingIssue: () => jobs.store.trackingIssue(repositoryName(queued)),
          // A retried job may have lost its process after it opened a run: look for such runs,
          // never one a live screen of another job holds.
          ...(attempt.retryCount > 0 || queued.resumed === true
            ? { staleRunsBefore: jobs.queue.staleRunsBefore(now(), jobs.pool.budgetMs) }
            : {}),
          runKey: screenJobKey(queued),
          ...(failedRun === undefined ? {} : { failedRun }),
          retryLater: (error) => willRetry(error, attempt, now().getTime()),
          // The same commit and config screened before (by any replica): nothing new to publish.
          reuse: (loaded) =>
            previous !== undefined &&
            previous.configFingerprint === loaded.fingerprint &&
            previous.checkRunId !== undefined
              ? { status: "skipped", reason: "already screened with this config", config: loaded }
              : undefined,
        },
      );
      jobs.metrics.githubRequests.inc(repository.requestCount);
      if (screened.status === "screened") {
        config = screened.config;
        return {
          status: "screened",
          report: screened.report,
          configFingerprint: screened.config.fingerprint,
          conclusion: screened.conclusion,
          checkRunId: screened.checkRunId,
          reused: screened.reused,
        };
      }
      if (screened.status === "skipped") return { status: "skipped", reason: screened.reason };
      return {
        status: "failed",
        error: screened.error,
        published: screened.checkRunId !== undefined,
        leftOpen: screened.openCheckRunId !== undefined,
        ...(screened.checkRunId === undefined ? {} : { checkRunId: screened.checkRunId }),
        ...(screened.cause === undefined ? {} : { cause: screened.cause }),
      };
    },
    async afterScreen(queued, outcome, tracking) {
      if (config === undefined) return undefined;
      const creator = await runtime.botLogin();
      const mayHaveFixIssues = await jobs.store.mayHaveFixIssues(repositoryName(queued)).catch(() => true);
      const issues = await ensureScreenIssues({
        owner: queued.owner,
        repo: queued.repo,
        metadata: queued.metadata,
        fixIssuesRequested: false,
        mayHaveFixIssues,
        // Only the newest screened head of the default branch moves the tracking issue.
        defaultBranch: tracking,
        ...(creator === undefined ? {} : { creator }),
        issues: github.repository(queued.owner, queued.repo).issues,
        queue: runtime.issueQueue,
        installationId: queued.installationId,
        report: outcome.report,
        config,
        checkRunId: outcome.checkRunId,
        log: runtime.log,
      }).catch((error: unknown) => {
        runtime.log.error(
          { repository: repositoryName(queued), error: error instanceof Error ? error.message : String(error) },
          "Could not bring the DPG issues in line after a queued screen; the report is stored, and the next screened commit of the default branch tries again",
        );
        return undefined;
      });
      const tracked = issues?.tracking;
      return tracked !== undefined && "issue" in tracked ? tracked.issue?.number : undefined;
    },
  }).catch((error: unknown) => {
    jobs.metrics.screens.inc({ result: "retry" });
    throw error;
  });
  jobs.metrics.screens.inc({ result });
  if (result === "screened") jobs.metrics.screenSeconds.observe((Date.now() - started) / 1000);
  return result;
}

export interface SweepResult {
  listed: number;
  enqueued: number;
  unchanged: number;
}

/**
 * Lists an installation's repositories, reads their heads 100 per query together with each
 * config's blob id (and the organisation `.github` config once), and enqueues only what was never
 * screened or changed since.
 */
export async function sweepInstallation(
  installationId: number,
  runtime: Pick<JobRuntime, "installation" | "jobs" | "log">,
  trigger: string,
): Promise<SweepResult> {
  const { github, client } = await runtime.installation(installationId);
  const listing = await github.listRepositories((listed) =>
    runtime.log.warn(
      { installation: installationId, listed },
      `installation ${installationId}: only the first ${listed} repositories were listed (GitHub's listing was read up to ${MAX_REPOSITORY_PAGES} pages); the others are not screened by this sweep`,
    ),
  );
  const repositories = listing.filter((repository) => repository.archived !== true);
  const owners = [...new Set(repositories.map((repository) => repository.full_name.split("/")[0] ?? ""))];
  const orgConfigs = await fetchRepositoryHeads(
    client,
    owners.map((owner) => `${owner}/.github`),
  );
  const orgConfigOid = new Map(orgConfigs.map((head) => [head.owner.toLowerCase(), head.configOid ?? "none"]));
  // The organisation's config as read once for the whole sweep; no `.github` repository (or none
  // the installation can see) reads as no file, as a job's own read would.
  const orgConfigRead = new Map(
    owners.map((owner) => {
      const head = orgConfigs.find((found) => found.owner.toLowerCase() === owner.toLowerCase());
      return [owner.toLowerCase(), head === undefined ? { kind: "missing" as const } : head.configRead];
    }),
  );
  const heads = await fetchRepositoryHeads(
    client,
    repositories.map((repository) => repository.full_name),
  );
  runtime.jobs.metrics.githubRequests.inc(2 + Math.ceil(repositories.length / 100) * 2);
  let enqueued = 0;
  let unchanged = 0;
  for (const head of heads) {
    if (head.commit === undefined || skipWithoutConfig(head.metadata) !== undefined) continue;
    const configKey = createHash("sha256")
      .update(`${orgConfigOid.get(head.owner.toLowerCase()) ?? "none"}:${head.configOid ?? "none"}`)
      .digest("hex")
      .slice(0, 16);
    const repository = `${head.owner}/${head.repo}`;
    const previous = await runtime.jobs.store.findScreen(repository, head.commit);
    if (previous !== undefined && (previous.configKey === configKey || previous.configKey === "unknown")) {
      unchanged += 1;
      continue;
    }
    await runtime.jobs.store.noteHead(installationId, repository, head.commit, new Date());
    const id = await runtime.jobs.queue.enqueue({
      installationId,
      owner: head.owner,
      repo: head.repo,
      headSha: head.commit,
      metadata: head.metadata,
      trigger,
      defaultBranch: true,
      configKey,
      configFiles: prefetchedConfig(head, orgConfigRead.get(head.owner.toLowerCase())),
      publishOnce: true,
    });
    if (id !== null) enqueued += 1;
  }
  runtime.log.info(
    { installation: installationId, listed: repositories.length, enqueued, unchanged, trigger },
    `installation ${installationId}: ${repositories.length} repositories, ${enqueued} queued, ${unchanged} unchanged`,
  );
  return { listed: repositories.length, enqueued, unchanged };
}

/** The repository's and the organisation's config files as the sweep read them, for the job. */
function prefetchedConfig(
  head: RepositoryHeadSummary,
  organization: ConfigFileRead | undefined,
): PrefetchedConfigFiles {
  const files: PrefetchedConfigFiles = {};
  if (head.configRead !== undefined)
    files[configFileKey({ owner: head.owner, repo: head.repo, path: DECLARATION_PATH })] = head.configRead;
  if (organization !== undefined)
    files[configFileKey({ owner: head.owner, repo: ORGANIZATION_REPOSITORY, path: DECLARATION_PATH })] = organization;
  return files;
}

/**
 * The Screener's hand-off in queued mode: a webhook's screen becomes a job keyed by (repository,
 * commit, config) and the handler returns at once. A default-branch commit is noted as the head
 * first, so older queued commits of the branch are dropped.
 */
export async function enqueueScreen(
  jobs: JobServices,
  request: ScreenRequest,
  context: ScreenContext,
): Promise<string> {
  const installationId = context.github.installationId;
  if (installationId === undefined) return "the event carries no installation";
  const defaultBranch = request.defaultBranch === true;
  if (defaultBranch) {
    await jobs.store.noteHead(installationId, `${request.owner}/${request.repo}`, request.headSha, new Date());
  }
  const id = await jobs.queue.enqueue({
    installationId,
    owner: request.owner,
    repo: request.repo,
    headSha: request.headSha,
    metadata: request.metadata,
    trigger: request.trigger,
    defaultBranch,
    // A forced screen (re-run, recheck) is its own job, never folded into a queued ordinary one.
    configKey: request.force === true ? `force:${context.deliveryId ?? Date.now()}` : "unknown",
    ...(context.deliveryId === undefined ? {} : { deliveryId: context.deliveryId }),
    ...(request.force === true ? { force: true } : {}),
  });
  return id === null ? "already queued" : "queued";
}
