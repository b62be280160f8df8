// Screens targets `jobs` at a time: this thread is one lane and `jobs - 1` worker threads
// (piscina) are the others, one target per task. One job screens in this thread only: a worker
// would add its start-up (~100 ms and a second copy of the engine in memory) to a run that cannot
// overlap anything; with more, this thread's share starts while the workers are still loading.
import type { ScreenTask, TargetOutcome } from "./screen-target.js";

export interface Screener {
  screen(task: ScreenTask): Promise<TargetOutcome>;
  close(): Promise<void>;
}

/** The compiled worker next to this module; from the TypeScript sources (tests, tsx) through tsx. */
function workerEntry(): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith(".ts");
  return {
    filename: new URL(fromSource ? "./screen-worker.ts" : "./screen-worker.js", import.meta.url).href,
    execArgv: fromSource ? ["--import", "tsx"] : [],
  };
}

export async function createScreener(jobs: number): Promise<Screener> {
  if (jobs <= 1) {
    const { screenTarget } = await import("./screen-target.js");
    return { screen: screenTarget, close: async () => {} };
  }
  const { Piscina } = await import("piscina");
  const pool = new Piscina<ScreenTask, TargetOutcome>({
    ...workerEntry(),
    minThreads: jobs - 1,
    maxThreads: jobs - 1,
    // Each worker holds one screen at a time: screens are CPU-bound once their files are read.
    concurrentTasksPerWorker: 1,
    idleTimeout: 1_000,
  });
  const { screenTarget } = await import("./screen-target.js");
  let here = false;
  return {
    // The caller runs at most `jobs` screens at once, so the pool never holds more than its threads.
    async screen(task) {
      if (here) return pool.run(task);
      here = true;
      try {
        return await screenTarget(task);
      } finally {
        here = false;
      }
    },
    close: () => pool.destroy(),
  };
}
