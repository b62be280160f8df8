// Holds the App's only state: screens in flight and recent results, so several events for one
// commit and config screen it once, and background work (installation fan-out) stays bounded.
import type { InstallationGitHub } from "../github/installation-github.js";
import type { LoadedConfig } from "../declaration/resolve-config.js";
import { messageOf } from "../snapshot/github-client.js";
import type { AppLog } from "./app-log.js";
import { runScreen, type ScreenDependencies, type ScreenRequest, type ScreenResult } from "./run-screen.js";

export interface ScreenerOptions {
  tool: { name: string; version: string };
  now?: () => Date;
  /** How long a finished screen is reused for the same commit and config. */
  reuseForMs?: number;
  /** Finished screens remembered at most (oldest forgotten first). */
  maxRemembered?: number;
  /** Bytes of reports remembered at most, counted as the length of their JSON (oldest forgotten first). */
  maxRememberedBytes?: number;
  /** Repositories screened at once during an installation fan-out. */
  fanOutConcurrency?: number;
  /** Evaluates a snapshot (the worker pool); default: on this thread. */
  evaluate?: ScreenDependencies["evaluate"];
  /**
   * Hands the screen to the persistent queue instead of running it here; the job publishes the
   * check run and the issues. Returns why nothing ran here (for the log).
   */
  enqueue?: (request: ScreenRequest, context: ScreenContext) => Promise<string>;
}

/** Where a screen runs: the installation it reaches GitHub through, its log and the delivery that asked. */
export interface ScreenContext {
  github: InstallationGitHub;
  log: AppLog;
  deliveryId?: string;
}

interface Remembered {
  fingerprint: string;
  result: ScreenResult;
  at: number;
  bytes: number;
}

export const DEFAULT_REUSE_MS = 10 * 60 * 1000;
export const DEFAULT_MAX_REMEMBERED = 1000;
/**
 * Reports are usually 10–50 KB; a hostile 400 KB declaration makes them far larger (300 of them
 * held 126 MB). 32 MB keeps hundreds of ordinary screens and bounds the worst case.
 */
export const DEFAULT_MAX_REMEMBERED_BYTES = 32 * 1024 * 1024;
export const DEFAULT_FAN_OUT_CONCURRENCY = 4;

export class Screener {
  readonly #options: Required<Omit<ScreenerOptions, "evaluate" | "enqueue">> &
    Pick<ScreenerOptions, "evaluate" | "enqueue">;
  readonly #inFlight = new Map<string, Promise<ScreenResult>>();
  readonly #recent = new Map<string, Remembered>();
  #rememberedBytes = 0;
  readonly #background = new Set<Promise<void>>();

  constructor(options: ScreenerOptions) {
    this.#options = {
      now: () => new Date(),
      reuseForMs: DEFAULT_REUSE_MS,
      maxRemembered: DEFAULT_MAX_REMEMBERED,
      maxRememberedBytes: DEFAULT_MAX_REMEMBERED_BYTES,
      fanOutConcurrency: DEFAULT_FAN_OUT_CONCURRENCY,
      ...options,
    };
  }

  /**
   * Screens one commit, or hands it to the persistent queue when the App has one (then the
   * result is "skipped" with the reason, and the job publishes everything).
   */
  screen(request: ScreenRequest, context: ScreenContext): Promise<ScreenResult> {
    const enqueue = this.#options.enqueue;
    if (enqueue !== undefined) return enqueue(request, context).then((reason) => ({ status: "skipped", reason }));
    return this.screenNow(request, context);
  }

  /**
   * Screens one commit in this process (on the worker pool when there is one), even when the App
   * has a queue: for a maintainer's request that needs the report at once, such as "Open fix
   * issues". Concurrent calls for the same commit share one promise.
   */
  screenNow(request: ScreenRequest, context: ScreenContext): Promise<ScreenResult> {
    const key = `${request.owner}/${request.repo}@${request.headSha}`.toLowerCase();
    const running = this.#inFlight.get(key);
    if (running !== undefined && request.force !== true) return running;
    const promise = runScreen(request, {
      github: context.github.repository(request.owner, request.repo),
      log: context.log,
      ...(context.deliveryId === undefined ? {} : { deliveryId: context.deliveryId }),
      tool: this.#options.tool,
      now: this.#options.now,
      reuse: (config) => this.#reuse(key, config),
      ...(this.#options.evaluate === undefined ? {} : { evaluate: this.#options.evaluate }),
    }).then((result) => {
      if (result.status === "screened" && !result.reused) this.#remember(key, result, context.log);
      return result;
    });
    this.#inFlight.set(key, promise);
    const forget = () => {
      if (this.#inFlight.get(key) === promise) this.#inFlight.delete(key);
    };
    promise.then(forget, forget);
    return promise;
  }

  /**
   * Screens many repositories in the background, a few at a time, and returns at once so the
   * webhook is answered well within GitHub's 10-second delivery timeout.
   */
  screenInBackground<T>(items: readonly T[], work: (item: T) => Promise<unknown>, log: AppLog): void {
    const queue = [...items];
    const worker = async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        try {
          await work(item);
        } catch (error) {
          log.error({ error: messageOf(error) }, "A background screen failed");
        }
      }
    };
    const workers = Array.from({ length: Math.min(this.#options.fanOutConcurrency, queue.length) }, worker);
    const all = Promise.all(workers).then(() => undefined);
    this.#background.add(all);
    void all.finally(() => this.#background.delete(all));
  }

  /** Resolves when all background work has finished (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.#background.size > 0 || this.#inFlight.size > 0) {
      await Promise.allSettled([...this.#background, ...this.#inFlight.values()]);
    }
  }

  #reuse(key: string, config: LoadedConfig): ScreenResult | undefined {
    const remembered = this.#recent.get(key);
    if (remembered === undefined || remembered.fingerprint !== config.fingerprint) return undefined;
    if (this.#options.now().getTime() - remembered.at > this.#options.reuseForMs) return undefined;
    return remembered.result.status === "screened" ? { ...remembered.result, reused: true } : undefined;
  }

  /** Screens remembered now, and their bytes (tests, metrics). */
  get remembered(): { count: number; bytes: number } {
    return { count: this.#recent.size, bytes: this.#rememberedBytes };
  }

  #remember(key: string, result: ScreenResult & { status: "screened" }, log: AppLog): void {
    const now = this.#options.now().getTime();
    this.#forget(key);
    const bytes = JSON.stringify(result.report).length;
    if (bytes > this.#options.maxRememberedBytes) {
      log.info(
        { commit: key, bytes, maxBytes: this.#options.maxRememberedBytes },
        "Screen not remembered: its report alone is over the cache's byte bound; the next event screens again",
      );
    } else {
      this.#recent.set(key, { fingerprint: result.config.fingerprint, result, at: now, bytes });
      this.#rememberedBytes += bytes;
    }
    // Oldest first (insertion order is time order): past its reuse time an entry is useless;
    // past the count or byte bound the oldest goes.
    let evicted = 0;
    for (const [oldest, entry] of this.#recent) {
      const expired = now - entry.at > this.#options.reuseForMs;
      const over =
        this.#recent.size > this.#options.maxRemembered || this.#rememberedBytes > this.#options.maxRememberedBytes;
      if (!expired && !over) break;
      this.#forget(oldest);
      if (!expired) evicted += 1;
    }
    if (evicted > 0)
      log.info(
        { forgotten: evicted, remembered: this.#recent.size, bytes: this.#rememberedBytes },
        "Forgot the oldest remembered screens to stay within the cache's bounds; their commits screen again on the next event",
      );
  }

  #forget(key: string): void {
    const entry = this.#recent.get(key);
    if (entry === undefined) return;
    this.#recent.delete(key);
    this.#rememberedBytes -= entry.bytes;
  }
}
