import { APP_SETTINGS_DEFAULTS } from "../../src/declaration/app-settings-schema.js";
import { ensureScreenIssues } from "../../src/github/ensure-screen-issues.js";
import {
  IssueQueueFullError,
  IssueWriteQueue,
  DEFAULT_WRITES_PER_HOUR,
  DEFAULT_WRITES_PER_MINUTE,
} from "../../src/github/issue-write-queue.js";
import { buildReport } from "../helpers/build-report.js";
import { FakeIssuesClient } from "../helpers/fake-issues-client.js";

/** A clock that only moves when the queue sleeps, so pacing is exact and instant. */
function fakeClock() {
  const clock = { time: 0, slept: 0 };
  return {
    clock,
    now: () => clock.time,
    sleep: async (milliseconds: number) => {
      clock.time += milliseconds;
      clock.slept += milliseconds;
    },
  };
}

const maxInWindow = (times: readonly number[], windowMs: number) =>
  Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length));

describe("IssueWriteQueue", () => {
  test("runs the tasks of one installation one after another, in order", async () => {
    const queue = new IssueWriteQueue();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all(["a", "b", "c"].map((name) => queue.run(1, new FakeIssuesClient(), task(name))));
    expect(results).toEqual(["a", "b", "c"]);
    expect(events).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  test("runs different installations side by side", async () => {
    const queue = new IssueWriteQueue();
    const events: string[] = [];
    await Promise.all(
      [1, 2].map((installation) =>
        queue.run(installation, new FakeIssuesClient(), async () => {
          events.push(`start ${installation}`);
          await new Promise((resolve) => setImmediate(resolve));
          events.push(`end ${installation}`);
        }),
      ),
    );
    expect(events).toEqual(["start 1", "start 2", "end 1", "end 2"]);
  });

  test("a failing task rejects its own caller and does not block the next", async () => {
    const queue = new IssueWriteQueue();
    const failing = queue.run(1, new FakeIssuesClient(), () => Promise.reject(new Error("boom")));
    const next = queue.run(1, new FakeIssuesClient(), async () => "ran");
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("ran");
  });

  test("spaces writes by the minimum spacing and leaves reads unpaced", async () => {
    const { clock, now, sleep } = fakeClock();
    const queue = new IssueWriteQueue({ minimumSpacingMs: 1000, now, sleep });
    const issues = new FakeIssuesClient();
    const times: number[] = [];
    await queue.run(1, issues, async (paced) => {
      await paced.listIssues({ label: "x" });
      await paced.listIssues({ label: "x" });
      expect(clock.slept).toBe(0);
      for (let write = 0; write < 3; write += 1) {
        await paced.ensureLabel("x");
        times.push(clock.time);
      }
    });
    expect(times).toEqual([0, 1000, 2000]);
  });

  test("an organisation-wide screen stays within the per-minute and per-hour budgets", async () => {
    const { clock, now, sleep } = fakeClock();
    const queue = new IssueWriteQueue({ minimumSpacingMs: 0, maxWaitingTasks: 500, now, sleep });
    const issues = new FakeIssuesClient();
    const times: number[] = [];
    const repositories = Array.from({ length: 500 }, (_, index) => index);
    await Promise.all(
      repositories.map(() =>
        queue.run(1, issues, async (paced) => {
          await paced.ensureLabel("dpg-screener");
          times.push(clock.time);
        }),
      ),
    );
    expect(times).toHaveLength(500);
    expect(maxInWindow(times, 60_000)).toBeLessThanOrEqual(DEFAULT_WRITES_PER_MINUTE);
    expect(maxInWindow(times, 3_600_000)).toBeLessThanOrEqual(DEFAULT_WRITES_PER_HOUR);
    // 450 writes in the first hour, the remaining 50 just after it.
    expect(clock.time).toBeGreaterThan(3_600_000);
    expect(clock.time).toBeLessThan(3_600_000 + 60_000);
  });

  test("budgets are per installation", async () => {
    const { clock, now, sleep } = fakeClock();
    const queue = new IssueWriteQueue({ minimumSpacingMs: 0, writesPerMinute: 1, now, sleep });
    await queue.run(1, new FakeIssuesClient(), (paced) => paced.ensureLabel("x"));
    await queue.run(2, new FakeIssuesClient(), (paced) => paced.ensureLabel("x"));
    expect(clock.slept).toBe(0);
    await queue.run(1, new FakeIssuesClient(), (paced) => paced.ensureLabel("x"));
    expect(clock.slept).toBe(60_001);
  });
});

describe("IssueWriteQueue bound", () => {
  test("past maxWaitingTasks an installation's new task is refused at once and never runs; others are unaffected", async () => {
    const queue = new IssueWriteQueue({ maxWaitingTasks: 2 });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    const task = (name: string) => async () => {
      ran.push(name);
      await gate;
      return name;
    };
    const first = queue.run(1, new FakeIssuesClient(), task("a"));
    const second = queue.run(1, new FakeIssuesClient(), task("b"));
    await expect(queue.run(1, new FakeIssuesClient(), task("c"))).rejects.toThrow(new IssueQueueFullError(1, 2));
    const other = queue.run(2, new FakeIssuesClient(), task("x"));
    expect(queue.waitingFor(1)).toBe(2);
    release();
    expect(await Promise.all([first, second, other])).toEqual(["a", "b", "x"]);
    expect(ran).not.toContain("c");
    expect(queue.waitingFor(1)).toBe(0);
    // Room again once the queue drains.
    expect(await queue.run(1, new FakeIssuesClient(), async () => "d")).toBe("d");
  });

  test("ensureScreenIssues logs which repository's update was dropped and that the next screen redoes it", async () => {
    const queue = new IssueWriteQueue({ maxWaitingTasks: 0 });
    const warnings: { fields: Record<string, unknown>; message: string }[] = [];
    const outcome = await ensureScreenIssues({
      issues: new FakeIssuesClient(),
      queue,
      installationId: 7,
      owner: "octo-org",
      repo: "demo",
      report: buildReport({}),
      config: {
        settings: { ...APP_SETTINGS_DEFAULTS, issues: { mode: "tracking", label: "dpg-screener" } },
        hasRepositoryFile: true,
        organizationSetsIssuesMode: false,
      },
      metadata: {},
      fixIssuesRequested: false,
      defaultBranch: true,
      log: { warn: (fields, message) => warnings.push({ fields, message }), info: () => undefined },
    });
    expect(outcome.skipped).toBe("the issue queue is full (0 issue updates already wait for installation 7)");
    expect(warnings).toEqual([
      {
        fields: { repository: "octo-org/demo", installation: 7, waiting: 0 },
        message:
          "Issue update for octo-org/demo dropped: 0 issue updates already wait for installation 7; the next screen of octo-org/demo will redo it",
      },
    ]);
  });
});
