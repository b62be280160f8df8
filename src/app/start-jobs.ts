// Starts the queued App: the store (PostgreSQL or PGlite), migrations, the queue's workers, the
// screen pool, the scheduled sweep, progress logs, /healthz and /metrics, and graceful SIGTERM.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApplicationFunctionOptions, Probot } from "probot";
import { createInstallationGitHub } from "../github/installation-github.js";
import { shareWritePace, WRITE_INTERVAL_MS } from "../github/installation-octokit.js";
import { primaryLimitPause } from "../github/rate-limit.js";
import type { IssueWriteQueue } from "../github/issue-write-queue.js";
import { ScreenQueue } from "../queue/screen-queue.js";
import { DEFAULT_DATA_DIR, openDatabase } from "../store/database.js";
import { InstallationBudget } from "../store/installation-budget.js";
import { migrate } from "../store/migrate.js";
import { ReportStore } from "../store/report-store.js";
import type { GitHubClient } from "../snapshot/github-client.js";
import { messageOf } from "../snapshot/github-client.js";
import { ScreenPool } from "../worker/screen-pool.js";
import { createMetrics } from "./metrics.js";
import { handleScreenJob, sweepInstallation, type JobRuntime, type JobServices } from "./screen-jobs.js";

export interface JobSettings {
  /** `postgres://…` shared by replicas; without it the embedded engine keeps state in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Screen jobs run at once by this process. */
  concurrency: number;
  /** Worker threads that evaluate screens (default: the machine's cores). */
  threads: number | undefined;
  budgetSeconds: number;
  memoryMb: number;
  /** When the reconciliation sweep runs (cron, UTC). */
  sweepCron: string;
  retryLimit: number;
  retryDelaySeconds: number;
  /** Seconds SIGTERM waits for running screens before handing them back. */
  shutdownSeconds: number;
  /** The App's id (APP_ID), so only its own check runs left in progress are taken over. */
  appId?: number | undefined;
}

export const DEFAULT_SWEEP_CRON = "17 3 * * *";

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new Error(`${name} must be a positive whole number, not "${value}"`);
  return parsed;
}

export function jobSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): JobSettings {
  return {
    databaseUrl: env.DATABASE_URL === "" ? undefined : env.DATABASE_URL,
    dataDir: env.DATA_DIR ?? DEFAULT_DATA_DIR,
    concurrency: integer(env.SCREEN_CONCURRENCY, 8, "SCREEN_CONCURRENCY"),
    threads: env.SCREEN_THREADS === undefined ? undefined : integer(env.SCREEN_THREADS, 1, "SCREEN_THREADS"),
    budgetSeconds: integer(env.SCREEN_BUDGET_SECONDS, 120, "SCREEN_BUDGET_SECONDS"),
    memoryMb: integer(env.SCREEN_MEMORY_MB, 256, "SCREEN_MEMORY_MB"),
    sweepCron: env.SWEEP_CRON ?? DEFAULT_SWEEP_CRON,
    retryLimit: integer(env.QUEUE_RETRY_LIMIT, 5, "QUEUE_RETRY_LIMIT"),
    retryDelaySeconds: integer(env.QUEUE_RETRY_DELAY_SECONDS, 15, "QUEUE_RETRY_DELAY_SECONDS"),
    shutdownSeconds: integer(env.SHUTDOWN_SECONDS, 25, "SHUTDOWN_SECONDS"),
    appId: Number.isInteger(Number(env.APP_ID)) && Number(env.APP_ID) > 0 ? Number(env.APP_ID) : undefined,
  };
}

export interface StartJobsDependencies {
  tool: { name: string; version: string };
  issueQueue: IssueWriteQueue;
  botLogin: () => Promise<string | undefined>;
  addHandler?: ApplicationFunctionOptions["addHandler"];
}

export async function startJobs(
  app: Probot,
  settings: JobSettings,
  dependencies: StartJobsDependencies,
): Promise<JobServices> {
  const database = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  await migrate(database);
  const queue = await ScreenQueue.start(database, {
    retryLimit: settings.retryLimit,
    retryDelaySeconds: settings.retryDelaySeconds,
    // A job still active this long after it started lost its process and is retried.
    expireInSeconds: settings.budgetSeconds * 2 + 60,
  });
  const store = new ReportStore(database);
  const budget = new InstallationBudget(database);
  // Replicas on one PostgreSQL keep one check-run write pace per installation between them; the
  // embedded engine has a single process, whose own spacing is enough.
  const unsharePace =
    database.engine === "postgres"
      ? shareWritePace((installationId) => budget.reserveRunWrite(Number(installationId), WRITE_INTERVAL_MS), app.log)
      : () => {};
  const pool = new ScreenPool({
    budgetMs: settings.budgetSeconds * 1000,
    maxMemoryMb: settings.memoryMb,
    ...(settings.threads === undefined ? {} : { threads: settings.threads }),
  });
  const metrics = createMetrics(() => queue.depth());
  const progress = new Map<number, { listed: number; done: number; failed: number }>();

  // The latest pause this process asked for per installation, so a run of low-remaining
  // responses writes (and logs) it once.
  const pausedTo = new Map<number, number>();
  const installation = async (installationId: number) => {
    const octokit = await app.auth(installationId);
    octokit.hook.after("request", (response) => {
      const remaining = Number(response.headers["x-ratelimit-remaining"]);
      if (Number.isFinite(remaining))
        metrics.rateLimitRemaining.set({ installation: String(installationId) }, remaining);
      const until = primaryLimitPause(response.headers, Date.now());
      if (until === undefined || until.getTime() <= (pausedTo.get(installationId) ?? 0)) return;
      pausedTo.set(installationId, until.getTime());
      app.log.warn(
        { installation: installationId, remaining, until: until.toISOString() },
        `installation ${installationId}: ${remaining} GitHub requests left before its primary limit; its screens wait until ${until.toISOString()}`,
      );
      budget.pauseUntil(installationId, until).catch((error: unknown) => {
        app.log.warn(
          { installation: installationId, error: messageOf(error) },
          "Could not note the installation's pause in the store; its screens go on until GitHub refuses them",
        );
      });
    });
    const client = octokit as unknown as GitHubClient;
    return {
      github: createInstallationGitHub(
        client,
        installationId,
        settings.appId === undefined ? {} : { appId: settings.appId },
      ),
      client,
    };
  };

  let stopping: Promise<void> | undefined;
  const jobs: JobServices = {
    database,
    queue,
    store,
    budget,
    pool,
    metrics,
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(ticker);
        unsharePace();
        await queue.stop(settings.shutdownSeconds * 1000);
        await pool.close();
        await database.close();
      })()),
  };
  const runtime: JobRuntime = {
    jobs,
    tool: dependencies.tool,
    installation,
    issueQueue: dependencies.issueQueue,
    botLogin: dependencies.botLogin,
    log: app.log,
  };

  const routes = async (request: IncomingMessage, response: ServerResponse) => {
    const path = request.url?.split("?")[0];
    if (request.method !== "GET") return false;
    if (path === "/healthz") {
      const healthy = await queue.healthy();
      response
        .writeHead(healthy ? 200 : 503, { "content-type": "text/plain" })
        .end(healthy ? "ok" : "store unreachable");
      return true;
    }
    if (path === "/metrics") {
      response.writeHead(200, { "content-type": metrics.registry.contentType }).end(await metrics.registry.metrics());
      return true;
    }
    return false;
  };
  try {
    dependencies.addHandler?.(routes);
  } catch (error) {
    // Probot loaded without its HTTP server (tests, `probot receive`): no routes to add.
    app.log.debug({ error: messageOf(error) }, "No HTTP server: /healthz and /metrics not served");
  }

  await queue.work(async (job, attempt) => {
    const result = await handleScreenJob(job, attempt, runtime);
    const entry = progress.get(job.installationId);
    if (entry !== undefined && result !== "deferred") {
      entry.done += 1;
      if (result === "failed") entry.failed += 1;
    }
  }, settings.concurrency);
  await queue.workSweeps(async (installationId) => {
    const targets = installationId === undefined ? await allInstallations(app) : [installationId];
    for (const target of targets) {
      const swept = await sweepInstallation(target, runtime, installationId === undefined ? "sweep" : "installation");
      progress.set(target, { listed: swept.enqueued, done: 0, failed: 0 });
    }
  });
  await queue.scheduleSweep(settings.sweepCron);

  // Progress in the logs while an installation is being screened.
  const ticker = setInterval(() => {
    void queue.depth().then(
      (depth) => {
        for (const [id, entry] of progress) {
          app.log.info(
            { installation: id, screened: entry.done, of: entry.listed, failed: entry.failed, queue: depth },
            `installation ${id}: ${entry.done} of ${entry.listed} screened, ${entry.failed} failed, queue ${depth}`,
          );
          if (entry.done >= entry.listed) progress.delete(id);
        }
      },
      () => undefined,
    );
  }, 30_000);
  ticker.unref();

  process.once("SIGTERM", () => {
    app.log.info("SIGTERM: finishing or handing back running screens");
    void jobs.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ error: messageOf(error) }, "Shutdown failed");
        process.exit(1);
      },
    );
  });
  return jobs;
}

async function allInstallations(app: Probot): Promise<number[]> {
  const octokit = await app.auth();
  const installations = (await octokit.paginate("GET /app/installations", { per_page: 100 })) as { id: number }[];
  return installations.map((installation) => installation.id);
}
