import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Database } from "../../src/store/database.js";
import { InstallationBudget } from "../../src/store/installation-budget.js";
import { ReportStore } from "../../src/store/report-store.js";
import { runScreenJob, RetryScreenError, type ScreenOutcome } from "../../src/queue/run-screen-job.js";
import type { ScreenJob } from "../../src/queue/screen-job.js";
import { ScreenQueue, SCREEN_QUEUE } from "../../src/queue/screen-queue.js";
import { buildReport } from "../helpers/build-report.js";
import { engines, reportSkippedServer } from "../helpers/test-database.js";

reportSkippedServer("queue");

let sequence = 0;
function job(overrides: Partial<ScreenJob> = {}): ScreenJob {
  sequence += 1;
  return {
    installationId: 100 + sequence,
    owner: "acme",
    repo: `tool-${sequence}`,
    headSha: `sha-${sequence}`,
    metadata: { fullName: `acme/tool-${sequence}` },
    trigger: "push",
    defaultBranch: true,
    configKey: "f1",
    ...overrides,
  };
}

const screened = (): ScreenOutcome => ({
  status: "screened",
  report: buildReport({}),
  configFingerprint: "f1",
  conclusion: "success",
  checkRunId: 1,
  reused: false,
});

function httpError(status: number, headers: Record<string, string> = {}, message = "boom"): Error {
  return Object.assign(new Error(message), { status, response: { headers } });
}

const firstAttempt = { id: "j", retryCount: 0, retryLimit: 3 };

async function until(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(engines)("queue policy on $name", (engine) => {
  let database: Database;
  let queue: ScreenQueue;
  let store: ReportStore;
  let budget: InstallationBudget;

  beforeAll(async () => {
    database = await engine.open();
    queue = await ScreenQueue.start(database, { retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 });
    store = new ReportStore(database);
    budget = new InstallationBudget(database);
  }, 120_000);
  afterAll(async () => {
    await queue.stop(1000);
    await database.close();
  });

  const dependencies = (screen: (job: ScreenJob) => Promise<ScreenOutcome>) => ({ store, budget, queue, screen });

  it("gives one job for one (repository, commit, config) key, and a new one for a changed config", async () => {
    const first = job();
    expect(await queue.enqueue(first)).not.toBeNull();
    expect(await queue.enqueue({ ...first, deliveryId: "another" })).toBeNull();
    expect(await queue.enqueue({ ...first, headSha: first.headSha.toUpperCase() })).toBeNull();
    expect(await queue.enqueue({ ...first, configKey: "f2" })).not.toBeNull();
  });

  it("accepts each webhook delivery once", async () => {
    const id = `delivery-${engine.name}-${Date.now()}`;
    expect(await queue.recordDelivery(id)).toBe(true);
    expect(await queue.recordDelivery(id)).toBe(false);
  });

  it("drops a queued default-branch commit once a newer head is known", async () => {
    const older = job();
    await store.noteHead(older.installationId, `${older.owner}/${older.repo}`, "newer", new Date());
    let screens = 0;
    const result = await runScreenJob(
      older,
      firstAttempt,
      dependencies(async () => (screens++, screened())),
    );
    expect(result).toBe("superseded");
    expect(screens).toBe(0);
  });

  it("does not screen again a commit and config already in the store, unless forced", async () => {
    const done = job();
    let screens = 0;
    const deps = dependencies(async () => (screens++, screened()));
    expect(await runScreenJob(done, firstAttempt, deps)).toBe("screened");
    expect(await runScreenJob(done, firstAttempt, deps)).toBe("already-screened");
    expect(await runScreenJob({ ...done, force: true }, firstAttempt, deps)).toBe("screened");
    expect(screens).toBe(2);
  });

  it("keeps the tracking issue's number for the dashboard, only from the commit that owns the issue", async () => {
    const owner = job();
    const repository = `${owner.owner}/${owner.repo}`;
    const afterScreen = async () => 17;
    expect(await store.trackingIssue(repository)).toBeUndefined();
    expect(await runScreenJob(owner, firstAttempt, { ...dependencies(async () => screened()), afterScreen })).toBe(
      "screened",
    );
    expect(await store.trackingIssue(repository)).toBe(17);
    // A newer head arrives while the next commit is screened: that screen does not own the issue.
    const overtaken = { ...owner, headSha: `${owner.headSha}-next` };
    await store.noteHead(owner.installationId, repository, overtaken.headSha, new Date());
    const screenOvertaken = async () => {
      await store.noteHead(owner.installationId, repository, "newest", new Date(Date.now() + 1000));
      return screened();
    };
    expect(
      await runScreenJob(overtaken, firstAttempt, { ...dependencies(screenOvertaken), afterScreen: async () => 99 }),
    ).toBe("screened");
    expect(await store.trackingIssue(repository)).toBe(17);
  });

  it("knows where fix issues were asked for, so other repositories that never opted in need no issue listing", async () => {
    const screenedHere = job();
    const repository = `${screenedHere.owner}/${screenedHere.repo}`;
    // Never seen, then seen through a head: no fix issues were asked for.
    expect(await store.mayHaveFixIssues(repository)).toBe(false);
    await store.noteHead(screenedHere.installationId, repository, screenedHere.headSha, new Date());
    expect(await store.mayHaveFixIssues(repository)).toBe(false);
    await store.recordFixIssuesRequested(screenedHere.installationId, repository);
    expect(await store.mayHaveFixIssues(repository.toUpperCase())).toBe(true);
    // Recorded before the repository was ever seen, and kept when its head is noted later.
    const clickedFirst = job();
    const other = `${clickedFirst.owner}/${clickedFirst.repo}`;
    await store.recordFixIssuesRequested(clickedFirst.installationId, other);
    await store.noteHead(clickedFirst.installationId, other, clickedFirst.headSha, new Date());
    expect(await store.mayHaveFixIssues(other)).toBe(true);
  });

  it("counts a repository recorded before the store kept fix-issue requests as one that may have them", async () => {
    const legacy = job();
    const repository = `${legacy.owner}/${legacy.repo}`;
    await store.noteHead(legacy.installationId, repository, legacy.headSha, new Date());
    // What the migration leaves in rows that existed before it.
    await database.query("UPDATE dpg.repository SET fix_issues_requested = NULL WHERE repository = $1", [
      repository.toLowerCase(),
    ]);
    expect(await store.mayHaveFixIssues(repository)).toBe(true);
  });

  it("retries a screen that failed on a 5xx before publishing anything, and not one that published", async () => {
    const transient = job();
    const failing = dependencies(async () => ({
      status: "failed" as const,
      error: "Server Error",
      published: false,
      cause: httpError(502),
    }));
    await expect(runScreenJob(transient, firstAttempt, failing)).rejects.toBeInstanceOf(RetryScreenError);
    // The last attempt gives up instead of retrying forever.
    expect(await runScreenJob(transient, { ...firstAttempt, retryCount: 3 }, failing)).toBe("failed");
    const published = dependencies(async () => ({
      status: "failed" as const,
      error: "Server Error",
      published: true,
      cause: httpError(502),
    }));
    expect(await runScreenJob(job(), firstAttempt, published)).toBe("failed");
  });

  it("waits out a rate limit for the whole installation, for the time GitHub names", async () => {
    const limited = job();
    const result = await runScreenJob(
      limited,
      firstAttempt,
      dependencies(async () => ({
        status: "failed" as const,
        error: "secondary rate limit",
        published: false,
        cause: httpError(403, { "retry-after": "120" }),
      })),
    );
    expect(result).toBe("deferred");
    const paused = await budget.pausedUntil(limited.installationId);
    expect(paused?.getTime()).toBeGreaterThan(Date.now() + 100_000);
    // The job waits in the queue: enqueuing its key again adds nothing.
    expect(await queue.enqueue(limited)).toBeNull();
    // Another repository of the installation waits too, without a request.
    let screens = 0;
    const sibling = job({ installationId: limited.installationId });
    expect(
      await runScreenJob(
        sibling,
        firstAttempt,
        dependencies(async () => (screens++, screened())),
      ),
    ).toBe("deferred");
    expect(screens).toBe(0);
  });

  it("notes the error run of a screen that failed for good, so a later screen of the commit completes it again", async () => {
    const broken = job();
    const failing = dependencies(async () => ({
      status: "failed" as const,
      error: "Not Found",
      published: true,
      checkRunId: 77,
      cause: httpError(404),
    }));
    expect(await runScreenJob(broken, firstAttempt, failing)).toBe("failed");
    expect(await store.failedRun(`${broken.owner}/${broken.repo}`, broken.headSha)).toBe(77);
    // A retried attempt wrote no run: nothing to note.
    const transient = job();
    const retried = dependencies(async () => ({
      status: "failed" as const,
      error: "Server Error",
      published: false,
      cause: httpError(502),
    }));
    await expect(runScreenJob(transient, firstAttempt, retried)).rejects.toBeInstanceOf(RetryScreenError);
    expect(await store.failedRun(`${transient.owner}/${transient.repo}`, transient.headSha)).toBeUndefined();
  });

  it("puts a job that left its run in progress back as resumed, so its next attempt takes the run over", async () => {
    const put: ScreenJob[] = [];
    const capturing = { enqueue: async (queued: ScreenJob) => (put.push(queued), "id") };
    const limited = (leftOpen: boolean) => async (): Promise<ScreenOutcome> => ({
      status: "failed",
      error: "secondary rate limit",
      published: false,
      leftOpen,
      cause: httpError(403, { "retry-after": "1" }),
    });
    const open = job();
    expect(await runScreenJob(open, firstAttempt, { ...dependencies(limited(true)), queue: capturing })).toBe(
      "deferred",
    );
    const closed = job();
    expect(await runScreenJob(closed, firstAttempt, { ...dependencies(limited(false)), queue: capturing })).toBe(
      "deferred",
    );
    expect(put).toEqual([{ ...open, resumed: true }, closed]);
  });

  it("pauses until x-ratelimit-reset on a primary limit", async () => {
    const limited = job();
    const reset = Math.floor(Date.now() / 1000) + 600;
    await runScreenJob(
      limited,
      firstAttempt,
      dependencies(async () => ({
        status: "failed" as const,
        error: "API rate limit exceeded",
        published: false,
        cause: httpError(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) }),
      })),
    );
    expect((await budget.pausedUntil(limited.installationId))?.getTime()).toBe(reset * 1000);
  });

  it("runs queued jobs to the end through pg-boss, retrying with backoff until the screen succeeds", async () => {
    const flaky = job({ repo: `flaky-${engine.name}` });
    let attempts = 0;
    await queue.work(async (data, attempt) => {
      if (data.repo !== flaky.repo) return;
      await runScreenJob(
        data,
        attempt,
        dependencies(async () => {
          attempts += 1;
          return attempts < 3
            ? { status: "failed" as const, error: "Bad Gateway", published: false, cause: httpError(502) }
            : screened();
        }),
      );
    }, 1);
    await queue.enqueue(flaky);
    await until(async () => (await store.findScreen(`acme/${flaky.repo}`, flaky.headSha)) !== undefined);
    expect(attempts).toBe(3);
  }, 60_000);

  it("takes the next waiting job as soon as one is done, not after the polling interval", async () => {
    // Another process's queue with a long polling interval: three jobs waiting, one worker.
    await queue.boss.offWork(SCREEN_QUEUE);
    const slow = await ScreenQueue.start(database, { pollingIntervalSeconds: 60 });
    const waiting = [1, 2, 3].map(() => job({ repo: `waiting-${engine.name}-${sequence}` }));
    for (const each of waiting) await slow.enqueue(each);
    const handled: string[] = [];
    try {
      await slow.work(async (data) => {
        handled.push(data.repo);
      }, 1);
      // Well under one 60 s interval: a worker that waited the interval between jobs fails here.
      await until(async () => handled.length === 3, 20_000);
      expect(handled.sort()).toEqual(waiting.map((each) => each.repo).sort());
    } finally {
      await slow.stop(1000);
    }
  }, 40_000);

  it("hands a job whose process died back to the queue once it expires", async () => {
    const orphan = job({ repo: `orphan-${engine.name}` });
    const id = await queue.boss.send(SCREEN_QUEUE, orphan, { singletonKey: "orphan", expireInSeconds: 1 });
    // A process takes the job and dies without finishing it.
    const [taken] = await queue.boss.fetch(SCREEN_QUEUE);
    expect(taken?.id).toBe(id);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await queue.boss.expire();
    const after = await queue.boss.getJobById(SCREEN_QUEUE, id ?? "");
    expect(after?.state).toBe("retry");
  }, 30_000);

  it("on the embedded engine, retries at start a job a dead process left active; on PostgreSQL, leaves it to expire", async () => {
    const orphan = job({ repo: `killed-${engine.name}` });
    const id = await queue.boss.send(SCREEN_QUEUE, orphan, { singletonKey: `killed-${engine.name}` });
    const [taken] = await queue.boss.fetch(SCREEN_QUEUE);
    expect(taken?.id).toBe(id);
    // The process that took it is killed; the next one starts on the same database.
    const next = await ScreenQueue.start(database, { retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 });
    try {
      const after = await queue.boss.getJobById(SCREEN_QUEUE, id ?? "");
      expect(after?.state).toBe(engine.name === "pglite" ? "retry" : "active");
      // Its retry may take over a run the dead process opened a moment ago, on the embedded engine only.
      const now = new Date();
      const before = next.staleRunsBefore(now, 120_000).getTime();
      if (engine.name === "pglite") expect(before).toBeGreaterThan(now.getTime() - 120_000);
      else expect(before).toBe(now.getTime() - 120_000);
    } finally {
      await next.stop(1000);
    }
  }, 30_000);
});
