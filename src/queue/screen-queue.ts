// The persistent job queue: pg-boss on the store's database (PostgreSQL or PGlite). Jobs survive
// restarts; a job whose process dies expires and is retried by whichever process is running.
import PgBoss from "pg-boss";
import { bossDatabase, type Database } from "../store/database.js";
import { STORE_SCHEMA } from "../store/migrate.js";
import { screenJobKey, type ScreenJob } from "./screen-job.js";

export const SCREEN_QUEUE = "screen";
export const SWEEP_QUEUE = "sweep";
export const BOSS_SCHEMA = "pgboss";

export interface ScreenQueueOptions {
  /** Attempts after the first for a job that failed before its check run was published. */
  retryLimit?: number;
  /** Seconds before the first retry; doubled at each further one. */
  retryDelaySeconds?: number;
  /**
   * A job still active this long after it started is taken to have lost its process (killed,
   * out of memory) and is retried: the screen budget plus a margin for GitHub reads.
   */
  expireInSeconds?: number;
  /** How often an idle process looks for work. */
  pollingIntervalSeconds?: number;
}

export interface JobAttempt {
  id: string;
  retryCount: number;
  retryLimit: number;
}

export type ScreenJobHandler = (job: ScreenJob, attempt: JobAttempt) => Promise<void>;

export const DEFAULT_RETRY_LIMIT = 5;
export const DEFAULT_RETRY_DELAY_SECONDS = 15;
export const DEFAULT_EXPIRE_SECONDS = 300;

export class ScreenQueue {
  readonly #active = new Map<string, string>();
  readonly #startedAt = Date.now();

  private constructor(
    readonly boss: PgBoss,
    private readonly database: Database,
    private readonly options: Required<ScreenQueueOptions>,
  ) {}

  /** Starts pg-boss (creating or migrating its schema) and the two queues. */
  static async start(database: Database, options: ScreenQueueOptions = {}): Promise<ScreenQueue> {
    const settings: Required<ScreenQueueOptions> = {
      retryLimit: options.retryLimit ?? DEFAULT_RETRY_LIMIT,
      retryDelaySeconds: options.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
      expireInSeconds: options.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    };
    const boss = new PgBoss({ db: bossDatabase(database) as PgBoss.Db, schema: BOSS_SCHEMA });
    boss.on("error", () => undefined);
    await boss.start();
    await ensureQueue(boss, {
      name: SCREEN_QUEUE,
      // At most one queued and one running job per key (pg-boss "stately" policy).
      policy: "stately",
      retryLimit: settings.retryLimit,
      retryDelay: settings.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: settings.expireInSeconds,
    });
    await ensureQueue(boss, { name: SWEEP_QUEUE, policy: "short", retryLimit: 2, expireInSeconds: 3600 });
    const queue = new ScreenQueue(boss, database, settings);
    if (database.engine === "pglite") await queue.reclaimOrphans();
    return queue;
  }

  /**
   * The embedded engine serves one process, so a job it holds as active when that process starts
   * was left by one that died (killed, out of memory): it is failed at once, and retried with the
   * queue's backoff, instead of waiting out its expiry. On PostgreSQL another replica may be
   * running it, so there only expiry tells. Returns how many were reclaimed.
   */
  async reclaimOrphans(): Promise<number> {
    const rows = await this.database.query<{ id: string }>(
      `SELECT id FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state = 'active'`,
      [SCREEN_QUEUE],
    );
    const ids = rows.map((row) => row.id);
    if (ids.length > 0) await this.boss.fail(SCREEN_QUEUE, ids);
    return ids.length;
  }

  /**
   * Records a webhook delivery id; false when it was seen before (GitHub redelivered it, or
   * another replica received it too).
   */
  async recordDelivery(deliveryId: string): Promise<boolean> {
    const rows = await this.database.query(
      `INSERT INTO ${STORE_SCHEMA}.delivery (id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id`,
      [deliveryId],
    );
    return rows.length === 1;
  }

  /** Forgets deliveries older than GitHub redelivers (three days). */
  async pruneDeliveries(): Promise<void> {
    await this.database.query(`DELETE FROM ${STORE_SCHEMA}.delivery WHERE received_at < now() - interval '3 days'`);
  }

  /**
   * A retried job's check runs still in progress that were opened before this time were left by
   * a process that died: past the budget, no live screen holds them; on the embedded engine,
   * neither does any opened before this process started (only one process uses it).
   */
  staleRunsBefore(now: Date, budgetMs: number): Date {
    const pastBudget = now.getTime() - budgetMs;
    return new Date(this.database.engine === "pglite" ? Math.max(pastBudget, this.#startedAt) : pastBudget);
  }

  /** Enqueues a screen; null when a job with the same key is already waiting. */
  async enqueue(job: ScreenJob, options: { startAfter?: Date; priority?: number } = {}): Promise<string | null> {
    return this.boss.send(SCREEN_QUEUE, job as unknown as object, {
      singletonKey: screenJobKey(job),
      ...(options.startAfter === undefined ? {} : { startAfter: options.startAfter }),
      ...(options.priority === undefined ? {} : { priority: options.priority }),
    });
  }

  /** Jobs waiting to run (created or waiting for a retry). */
  async depth(): Promise<number> {
    return this.boss.getQueueSize(SCREEN_QUEUE);
  }

  /** Runs `handler` for screen jobs, `concurrency` at a time in this process. */
  async work(handler: ScreenJobHandler, concurrency: number): Promise<void> {
    for (let index = 0; index < concurrency; index++) {
      const worker: { id?: string } = {};
      worker.id = await this.boss.work<ScreenJob>(
        SCREEN_QUEUE,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.options.pollingIntervalSeconds },
        async ([job]) => {
          if (job === undefined) return;
          this.#active.set(job.id, job.id);
          try {
            await handler(job.data, { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit });
          } finally {
            this.#active.delete(job.id);
            // A worker that just finished a job looks for the next one at once: pg-boss would
            // otherwise wait out the rest of its polling interval, which capped a busy queue at
            // one job per worker per interval. Only an idle worker waits the interval.
            if (worker.id !== undefined) this.boss.notifyWorker(worker.id);
          }
        },
      );
    }
  }

  /** Asks for a sweep of one installation; replicas asking together get one sweep. */
  async enqueueSweep(installationId: number): Promise<string | null> {
    return this.boss.send(SWEEP_QUEUE, { installationId }, { singletonKey: `installation:${installationId}` });
  }

  /** Schedules the sweep of every installation (cron, UTC); pg-boss sends it once whatever the replicas. */
  async scheduleSweep(cron: string): Promise<void> {
    await this.boss.schedule(SWEEP_QUEUE, cron, {}, { tz: "UTC" });
  }

  /** Runs sweeps: `installationId` for one installation, undefined for the scheduled sweep of all. */
  async workSweeps(handler: (installationId: number | undefined) => Promise<void>): Promise<void> {
    await this.boss.work<{ installationId?: number }>(
      SWEEP_QUEUE,
      { pollingIntervalSeconds: this.options.pollingIntervalSeconds },
      async ([job]) => {
        if (job !== undefined) await handler(job.data.installationId);
      },
    );
  }

  /** True when the database answers. */
  async healthy(): Promise<boolean> {
    try {
      await this.database.query("SELECT 1");
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Stops taking jobs, waits up to `timeoutMs` for running ones, and hands the rest back as
   * failed so that another process retries them at once instead of after they expire.
   */
  async stop(timeoutMs: number): Promise<void> {
    await this.boss.offWork(SCREEN_QUEUE).catch(() => undefined);
    await this.boss.offWork(SWEEP_QUEUE).catch(() => undefined);
    const deadline = Date.now() + timeoutMs;
    while (this.#active.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const unfinished = [...this.#active.keys()];
    for (const id of unfinished) {
      await this.boss.fail(SCREEN_QUEUE, id, { error: "handed back at shutdown" }).catch(() => undefined);
    }
    await this.boss.stop({ graceful: false, wait: true, close: false });
  }
}

async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  if ((await boss.getQueue(queue.name)) === null) await boss.createQueue(queue.name, queue);
  else await boss.updateQueue(queue.name, queue);
}
