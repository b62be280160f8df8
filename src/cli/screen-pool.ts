// Screens targets on worker threads (piscina), one target per task, at most `jobs` at once.
// One job screens in this thread: a worker would only add its start-up (~100 ms and a second
// copy of the engine in memory) to a run that cannot overlap anything. With workers, this thread
// never loads the engine: only they screen.
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
    minThreads: jobs,
    maxThreads: jobs,
    // Each worker holds one screen at a time: screens are CPU-bound once their files are read.
    concurrentTasksPerWorker: 1,
    idleTimeout: 1_000,
  });
  return {
    screen: (task) => pool.run(task),
    close: () => pool.destroy(),
  };
}
