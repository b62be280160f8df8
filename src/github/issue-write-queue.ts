// Serialises issue work per installation and paces its writes, so that screening a whole
// organisation never trips GitHub's content-creation limits, and so that two screens of one
// repository cannot both find "no issue" and both create one (find-then-create is one turn).
import type { IssuesClient } from "./issues-client.js";

/**
 * GitHub's documented secondary limits for content creation are "generally" 80 a minute and
 * 500 an hour (docs.github.com, "Rate limits for the REST API"); stay below with a margin.
 */
export const DEFAULT_WRITES_PER_MINUTE = 60;
export const DEFAULT_WRITES_PER_HOUR = 450;
/** Matches the spacing Probot's throttling plugin gives writes, so both agree. */
export const DEFAULT_MINIMUM_SPACING_MS = 1000;

/**
 * Issue tasks that may wait per installation. Each holds a full report until its turn (1,000
 * waiting tasks held 301 MB), and at a pace of one write a second a longer queue would only
 * deliver stale issues minutes late.
 */
export const DEFAULT_MAX_WAITING_TASKS = 100;

/** Raised by `run` when the installation's queue is full: the task was dropped, not run. */
export class IssueQueueFullError extends Error {
  constructor(
    readonly installationId: number,
    readonly waiting: number,
  ) {
    super(`${waiting} issue updates already wait for installation ${installationId}`);
  }
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export interface IssueWriteQueueOptions {
  minimumSpacingMs?: number;
  writesPerMinute?: number;
  writesPerHour?: number;
  /** Tasks that may wait per installation; past it, `run` drops the new task with IssueQueueFullError. */
  maxWaitingTasks?: number;
  /** Injected so tests run on a fake clock. */
  now?: () => number;
  sleep?: (milliseconds: number) => Promise<void>;
  /**
   * Reserves a write slot in a budget shared with other processes (the store) and returns how long
   * to wait for it; asked after this process's own pacing.
   */
  reserveShared?: (installationId: number) => Promise<number>;
}

export class IssueWriteQueue {
  private readonly tails = new Map<number, Promise<unknown>>();
  /** Tasks queued or running, per installation. */
  private readonly waiting = new Map<number, number>();
  private readonly maxWaitingTasks: number;
  /** Times of writes in the last hour, per installation. */
  private readonly writeTimes = new Map<number, number[]>();
  private readonly minimumSpacingMs: number;
  private readonly writesPerMinute: number;
  private readonly writesPerHour: number;
  private readonly now: () => number;
  private readonly sleep: (milliseconds: number) => Promise<void>;
  private readonly reserveShared: ((installationId: number) => Promise<number>) | undefined;

  constructor(options: IssueWriteQueueOptions = {}) {
    this.minimumSpacingMs = options.minimumSpacingMs ?? DEFAULT_MINIMUM_SPACING_MS;
    this.writesPerMinute = options.writesPerMinute ?? DEFAULT_WRITES_PER_MINUTE;
    this.writesPerHour = options.writesPerHour ?? DEFAULT_WRITES_PER_HOUR;
    this.maxWaitingTasks = options.maxWaitingTasks ?? DEFAULT_MAX_WAITING_TASKS;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)));
    this.reserveShared = options.reserveShared;
  }

  /**
   * Runs `task` after every earlier task of the installation, giving it a client whose writes are
   * paced. When the installation already has `maxWaitingTasks` tasks, rejects at once with
   * IssueQueueFullError and never runs the task (the caller says what was dropped).
   */
  run<T>(installationId: number, issues: IssuesClient, task: (paced: IssuesClient) => Promise<T>): Promise<T> {
    const waiting = this.waiting.get(installationId) ?? 0;
    if (waiting >= this.maxWaitingTasks) return Promise.reject(new IssueQueueFullError(installationId, waiting));
    this.waiting.set(installationId, waiting + 1);
    const done = () => {
      const left = (this.waiting.get(installationId) ?? 1) - 1;
      if (left <= 0) this.waiting.delete(installationId);
      else this.waiting.set(installationId, left);
    };
    const previous = this.tails.get(installationId) ?? Promise.resolve();
    const current = previous
      .catch(() => undefined)
      .then(() => task(this.pace(installationId, issues)))
      .finally(done);
    const tail = current.catch(() => undefined);
    this.tails.set(installationId, tail);
    // Forget finished chains so an idle installation holds no memory.
    void tail.then(() => {
      if (this.tails.get(installationId) === tail) this.tails.delete(installationId);
    });
    return current;
  }

  /** Tasks queued or running for the installation. */
  waitingFor(installationId: number): number {
    return this.waiting.get(installationId) ?? 0;
  }

  private pace(installationId: number, issues: IssuesClient): IssuesClient {
    const paced =
      <Arguments extends unknown[], Result>(write: (...args: Arguments) => Promise<Result>) =>
      async (...args: Arguments): Promise<Result> => {
        await this.waitForWriteBudget(installationId);
        return write(...args);
      };
    return {
      listIssues: (query) => issues.listIssues(query),
      createIssue: paced((issue) => issues.createIssue(issue)),
      updateIssue: paced((number, changes) => issues.updateIssue(number, changes)),
      createComment: paced((number, body) => issues.createComment(number, body)),
      ensureLabel: paced((name) => issues.ensureLabel(name)),
    };
  }

  private async waitForWriteBudget(installationId: number): Promise<void> {
    for (;;) {
      const now = this.now();
      const times = (this.writeTimes.get(installationId) ?? []).filter((time) => time > now - HOUR_MS);
      const delay = Math.max(
        0,
        this.spacingDelay(times, now),
        this.windowDelay(times, now, MINUTE_MS, this.writesPerMinute),
        this.windowDelay(times, now, HOUR_MS, this.writesPerHour),
      );
      if (delay === 0) {
        times.push(now);
        this.writeTimes.set(installationId, times);
        const shared = this.reserveShared === undefined ? 0 : await this.reserveShared(installationId);
        if (shared > 0) await this.sleep(shared);
        return;
      }
      await this.sleep(delay);
    }
  }

  private spacingDelay(times: readonly number[], now: number): number {
    const last = times[times.length - 1];
    return last === undefined ? 0 : last + this.minimumSpacingMs - now;
  }

  /** How long until fewer than `limit` writes fall within the last `windowMs`. */
  private windowDelay(times: readonly number[], now: number, windowMs: number, limit: number): number {
    const inWindow = times.filter((time) => time > now - windowMs);
    if (inWindow.length < limit) return 0;
    const oldestThatMustExpire = inWindow[inWindow.length - limit];
    return oldestThatMustExpire === undefined ? 0 : oldestThatMustExpire + windowMs - now + 1;
  }
}
