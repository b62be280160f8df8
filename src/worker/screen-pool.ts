// Screens off the event loop: a piscina pool of worker threads, each screen with a time budget and
// a memory cap. A screen past either is stopped (its thread is terminated) and reported as such;
// the process and the other screens carry on.
import Bottleneck from "bottleneck";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { Report } from "../core/report.js";
import type { RepositorySnapshot } from "../core/snapshot.js";
import { serveSnapshot } from "./port-snapshot.js";
import type { ScreenTask } from "./screen-worker.js";

export interface ScreenPoolOptions {
  /** Worker threads; default: the machine's cores, at least one. */
  threads?: number;
  /** Wall-clock budget of one screen, reads included. */
  budgetMs?: number;
  /** Heap cap of one worker thread (V8's old generation). */
  maxMemoryMb?: number;
}

export const DEFAULT_SCREEN_BUDGET_MS = 120_000;
export const DEFAULT_SCREEN_MEMORY_MB = 256;

/** A screen stopped because it passed its budget or its memory cap; the message says which. */
export class ScreenLimitError extends Error {}

export class ScreenPool {
  readonly #pool: Piscina;
  // At most one screen per thread is handed to piscina; the rest wait here. A screen's budget
  // starts when it gets a thread, so a long queue never stops screens that have not started.
  readonly #slots: Bottleneck;
  readonly #budgetMs: number;
  readonly #maxMemoryMb: number;

  constructor(options: ScreenPoolOptions = {}) {
    this.#budgetMs = options.budgetMs ?? DEFAULT_SCREEN_BUDGET_MS;
    this.#maxMemoryMb = options.maxMemoryMb ?? DEFAULT_SCREEN_MEMORY_MB;
    const threads = Math.max(1, options.threads ?? availableParallelism());
    const worker = workerFile();
    this.#pool = new Piscina({
      filename: worker.url,
      minThreads: 1,
      maxThreads: threads,
      // Idle threads are kept a while, then released.
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.#maxMemoryMb },
      execArgv: worker.execArgv,
      // A screen's reads are answered over a port, asynchronously; piscina's default ("sync")
      // pauses a thread between tasks with Atomics.wait, which is meant for tasks that leave
      // nothing pending.
      atomics: "disabled",
    });
    this.#slots = new Bottleneck({ maxConcurrent: threads });
  }

  get budgetMs(): number {
    return this.#budgetMs;
  }

  /**
   * Screens `snapshot` in a worker thread once one is free; its reads are served from this
   * thread.
   */
  screen(snapshot: RepositorySnapshot, tool: { name: string; version: string }): Promise<Report> {
    return this.#slots.schedule(() => this.#run(snapshot, tool));
  }

  async #run(snapshot: RepositorySnapshot, tool: { name: string; version: string }): Promise<Report> {
    const { port1, port2 } = new MessageChannel();
    const served = serveSnapshot(port1, snapshot);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#budgetMs);
    const task: ScreenTask = { port: port2, metadata: snapshot.metadata, tool };
    try {
      return (await this.#pool.run(task, { transferList: [port2], signal: controller.signal })) as Report;
    } catch (error) {
      if (controller.signal.aborted) {
        throw new ScreenLimitError(
          `The screen took longer than its ${formatSeconds(this.#budgetMs)} budget and was stopped.`,
        );
      }
      if ((error as { code?: unknown } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY") {
        throw new ScreenLimitError(
          `The screen needed more than its ${this.#maxMemoryMb} MB memory cap and was stopped.`,
        );
      }
      // A failed read surfaces in the worker as a bare message: rethrow the read's own error.
      if (served.failure !== undefined) throw served.failure;
      throw error;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  async close(): Promise<void> {
    await this.#slots.stop({ dropWaitingJobs: true });
    await this.#pool.destroy();
  }
}

/**
 * The compiled worker next to this file (lib/), or, when running from sources (tests, tsx), the
 * TypeScript one loaded through tsx.
 */
function workerFile(): { url: string; execArgv: string[] } {
  const compiled = new URL("./screen-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return { url: compiled.href, execArgv: [] };
  return { url: new URL("./screen-worker.ts", import.meta.url).href, execArgv: ["--import", "tsx"] };
}

function formatSeconds(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}-second`;
}
