import { afterAll, describe, expect, it } from "@jest/globals";
import type { FileListing, FileRead, RepositorySnapshot } from "../../src/core/snapshot.js";
import { screenRepository } from "../../src/engine/screen-repository.js";
import { MemorySnapshot } from "../../src/snapshot/memory-snapshot.js";
import { ScreenLimitError, ScreenPool } from "../../src/worker/screen-pool.js";

const tool = { name: "dpg-screener", version: "test" };

const files = {
  "README.md": "# Tool\n\nA tool for health workers.\n",
  LICENSE: "MIT License\n\nCopyright (c) 2024 Acme\n\nPermission is hereby granted, free of charge, to any person",
  "package.json": JSON.stringify({ name: "tool", license: "MIT", dependencies: { zod: "^4.0.0" } }),
};

/** A snapshot whose reads take `delayMs` (a slow forge). */
function slowSnapshot(inner: RepositorySnapshot, delayMs: number): RepositorySnapshot {
  const wait = () => new Promise((resolve) => setTimeout(resolve, delayMs));
  return {
    metadata: inner.metadata,
    listFiles: async (): Promise<FileListing> => (await wait(), inner.listFiles()),
    readFiles: async (paths: readonly string[], maxBytes: number): Promise<ReadonlyMap<string, FileRead>> => (
      await wait(),
      inner.readFiles(paths, maxBytes)
    ),
  };
}

describe("screen pool", () => {
  const pool = new ScreenPool({ threads: 1, budgetMs: 60_000 });
  const tight = new ScreenPool({ threads: 1, budgetMs: 1000 });
  afterAll(async () => {
    await pool.close();
    await tight.close();
  });

  it("screens in a worker thread to the same report as on the event loop", async () => {
    const snapshot = new MemorySnapshot(files, { name: "tool", fullName: "acme/tool" });
    const inWorker = await pool.screen(snapshot, tool);
    const onLoop = await screenRepository(new MemorySnapshot(files, { name: "tool", fullName: "acme/tool" }), { tool });
    expect(inWorker).toEqual(onLoop);
  }, 60_000);

  it("stops a screen past its budget with a message that says so, and keeps screening", async () => {
    const ticks: number[] = [];
    const ticker = setInterval(() => ticks.push(Date.now()), 50);
    const slow = slowSnapshot(new MemorySnapshot(files, { name: "tool" }), 3000);
    await expect(tight.screen(slow, tool)).rejects.toThrow(
      new ScreenLimitError("The screen took longer than its 1-second budget and was stopped."),
    );
    clearInterval(ticker);
    // The event loop was free meanwhile.
    expect(ticks.length).toBeGreaterThan(5);
    const report = await pool.screen(new MemorySnapshot(files, { name: "tool" }), tool);
    expect(report.results.length).toBeGreaterThan(0);
  }, 60_000);

  it("starts a screen's budget when it gets a thread, not while it waits for one", async () => {
    const oneThread = new ScreenPool({ threads: 1, budgetMs: 3000 });
    try {
      await oneThread.screen(new MemorySnapshot(files, { name: "tool" }), tool);
      // Each screen takes at least 1.2 s; the third waits 2.4 s for the thread.
      const slowListing = (name: string): RepositorySnapshot => {
        const inner = new MemorySnapshot(files, { name });
        return {
          metadata: inner.metadata,
          listFiles: async () => (await new Promise((resolve) => setTimeout(resolve, 1200)), inner.listFiles()),
          readFiles: (paths, maxBytes) => inner.readFiles(paths, maxBytes),
        };
      };
      const reports = await Promise.all(["a", "b", "c"].map((name) => oneThread.screen(slowListing(name), tool)));
      expect(reports.map((report) => report.repository.name)).toEqual(["a", "b", "c"]);
    } finally {
      await oneThread.close();
    }
  }, 60_000);

  it("reports a read that failed in the main thread as the screen's error, the read's own error with its response", async () => {
    const failure = Object.assign(new Error("tree request failed: 502"), { status: 502 });
    const broken: RepositorySnapshot = {
      metadata: { name: "tool" },
      listFiles: () => Promise.reject(failure),
      readFiles: () => Promise.reject(new Error("unused")),
    };
    const screened = pool.screen(broken, tool);
    await expect(screened).rejects.toThrow("tree request failed: 502");
    // The same object, so a queue can still tell a 5xx (or a rate limit's retry-after) from a lasting failure.
    await expect(screened).rejects.toBe(failure);
  }, 60_000);

  it("stops a screen that needs more memory than its cap", async () => {
    const small = new ScreenPool({ threads: 1, budgetMs: 60_000, maxMemoryMb: 16 });
    try {
      // Files the screen reads and holds at once (licence files, REUSE files, sampled sources): 24 MB.
      const big = "x".repeat(500 * 1024);
      const many = Object.fromEntries([
        ...Array.from({ length: 16 }, (_, index) => [`LICENSE-${index}.txt`, big]),
        ...Array.from({ length: 12 }, (_, index) => [`LICENSES/L-${index}.txt`, big]),
        ...Array.from({ length: 20 }, (_, index) => [`src/m${index}.py`, big]),
      ]);
      await expect(small.screen(new MemorySnapshot({ ...files, ...many }, { name: "tool" }), tool)).rejects.toThrow(
        new ScreenLimitError("The screen needed more than its 16 MB memory cap and was stopped."),
      );
    } finally {
      await small.close();
    }
  }, 60_000);
});
