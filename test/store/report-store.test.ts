import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Database } from "../../src/store/database.js";
import { InstallationBudget } from "../../src/store/installation-budget.js";
import { migrate, MIGRATIONS } from "../../src/store/migrate.js";
import { FAILED_RUN_DAYS, ReportStore } from "../../src/store/report-store.js";
import { buildReport } from "../helpers/build-report.js";
import { engines, reportSkippedServer } from "../helpers/test-database.js";

reportSkippedServer("store");

describe.each(engines)("store on $name", (engine) => {
  let database: Database;
  let store: ReportStore;
  beforeAll(async () => {
    database = await engine.open();
    store = new ReportStore(database);
  }, 60_000);
  afterAll(() => database.close());

  it("runs its migrations once, however often the App starts", async () => {
    expect(await migrate(database)).toBe(MIGRATIONS.length);
    expect(await database.query("SELECT version FROM dpg.migration")).toHaveLength(MIGRATIONS.length);
  });

  it("keeps the latest report per repository and commit, and the met rows of each default-branch screen", async () => {
    const base = { installationId: 7, repository: "Acme/Tool", configFingerprint: "f1", defaultBranch: true };
    await store.saveScreen({
      ...base,
      commit: "a1",
      conclusion: "failure",
      checkRunId: 1,
      report: buildReport({ "1": "fail", "2": "pass" }),
    });
    await store.saveScreen({
      ...base,
      commit: "a2",
      conclusion: "success",
      checkRunId: 2,
      report: buildReport({ "1": "pass", "2": "pass" }),
    });
    await store.saveScreen({
      ...base,
      commit: "a2",
      conclusion: "success",
      checkRunId: 3,
      report: buildReport({ "1": "pass", "2": "pass" }),
    });

    const latest = await store.latestReport("acme/tool");
    expect(latest).toMatchObject({ commit: "a2", checkRunId: 3, repository: "acme/tool", installationId: 7 });
    expect(latest?.report.results.length).toBeGreaterThan(0);
    const history = await store.metRowsHistory("acme/tool");
    expect(history.map((entry) => entry.commit)).toEqual(["a2", "a1"]);
    expect(history[0]?.metRows).toEqual(expect.arrayContaining(["1", "2"]));
    expect(history[1]?.metRows).not.toContain("1");
    expect(await store.findScreen("acme/tool", "a1")).toMatchObject({ configFingerprint: "f1", conclusion: "failure" });
    expect(await store.findScreen("acme/tool", "zz")).toBeUndefined();
  });

  it("remembers the error run a failed screen left on a commit, the newest one per commit", async () => {
    expect(await store.failedRun("Acme/Broken", "c1")).toBeUndefined();
    await store.recordFailedRun("Acme/Broken", "c1", 41);
    await store.recordFailedRun("acme/broken", "c1", 42);
    await store.recordFailedRun("Acme/Broken", "c2", 43);
    expect(await store.failedRun("ACME/broken", "c1")).toBe(42);
    expect(await store.failedRun("Acme/Broken", "c2")).toBe(43);
    expect(await store.failedRun("Acme/Other", "c1")).toBeUndefined();
  });

  it("forgets error runs older than FAILED_RUN_DAYS when it records another", async () => {
    await store.recordFailedRun("acme/stale", "old", 51);
    await store.recordFailedRun("acme/stale", "recent", 52);
    await database.query(
      "UPDATE dpg.failed_run SET failed_at = now() - make_interval(days => $1) WHERE commit = 'old'",
      [FAILED_RUN_DAYS + 1],
    );
    await database.query(
      "UPDATE dpg.failed_run SET failed_at = now() - make_interval(days => $1) WHERE commit = 'recent'",
      [FAILED_RUN_DAYS - 1],
    );
    expect(await store.failedRun("acme/stale", "old")).toBe(51);
    await store.recordFailedRun("acme/other", "c9", 53);
    expect(await store.failedRun("acme/stale", "old")).toBeUndefined();
    expect(await store.failedRun("acme/stale", "recent")).toBe(52);
    expect(await store.failedRun("acme/other", "c9")).toBe(53);
  });

  it("lists an installation's repositories page by page", async () => {
    for (const name of ["a", "b", "c"]) {
      await store.saveScreen({
        installationId: 8,
        repository: `org/${name}`,
        commit: `c-${name}`,
        configFingerprint: "f",
        defaultBranch: true,
        conclusion: "success",
        report: buildReport({}),
      });
    }
    const first = await store.listInstallation(8, { limit: 2 });
    expect(first.items.map((item) => item.repository)).toEqual(["org/a", "org/b"]);
    expect(first.next).toBe("org/b");
    const second = await store.listInstallation(8, {
      limit: 2,
      ...(first.next === undefined ? {} : { after: first.next }),
    });
    expect(second.items.map((item) => item.repository)).toEqual(["org/c"]);
    expect(second.next).toBeUndefined();
  });

  it("never lets an older sighting of a default branch replace a newer head", async () => {
    const newer = new Date("2026-01-02T00:00:00Z");
    const older = new Date("2026-01-01T00:00:00Z");
    expect(await store.noteHead(9, "org/race", "new", newer)).toBe("new");
    expect(await store.noteHead(9, "org/race", "old", older)).toBe("new");
    expect(await store.head("org/race")).toBe("new");
  });

  it("gives the tracking issue only to the newest known head, so a late older screen leaves it alone", async () => {
    await store.noteHead(9, "org/track", "new", new Date("2026-01-02T00:00:00Z"));
    expect(await store.claimTracking(9, "org/track", "old")).toBe(false);
    expect(await store.claimTracking(9, "org/track", "new")).toBe(true);
    expect(await store.claimTracking(9, "org/unknown-head", "any")).toBe(true);
  });

  it("paces an installation's writes in distinct slots shared by every caller", async () => {
    const budget = new InstallationBudget(database, { writeSpacingMs: 1000, writesPerHour: 3 });
    const waits = await Promise.all([budget.reserveWrite(11), budget.reserveWrite(11), budget.reserveWrite(11)]);
    const sorted = [...waits].sort((a, b) => a - b);
    expect(sorted[0]).toBeLessThan(200);
    expect(sorted[1]).toBeGreaterThan(800);
    expect(sorted[2]).toBeGreaterThan(1800);
    // The fourth write of the hour waits for the next hour.
    expect(await budget.reserveWrite(11)).toBeGreaterThan(3_000_000);
    // Another installation has its own budget.
    expect(await budget.reserveWrite(12)).toBeLessThan(200);
  });

  it("spaces an installation's check-run writes in distinct slots shared by every caller, whatever its other writes", async () => {
    const budget = new InstallationBudget(database);
    // An issue write of the same installation does not take a check-run slot.
    await budget.reserveWrite(21);
    const waits = await Promise.all([
      budget.reserveRunWrite(21, 1000),
      budget.reserveRunWrite(21, 1000),
      budget.reserveRunWrite(21, 1000),
    ]);
    const sorted = [...waits].sort((a, b) => a - b);
    expect(sorted[0]).toBeLessThan(200);
    expect(sorted[1]).toBeGreaterThan(800);
    expect(sorted[2]).toBeGreaterThan(1800);
    // An installation never seen before starts at once, and has its own slots.
    expect(await budget.reserveRunWrite(22, 1000)).toBeLessThan(200);
  });

  it("pauses an installation until a rate limit resets, never shortening a pause", async () => {
    const budget = new InstallationBudget(database);
    expect(await budget.pausedUntil(13)).toBeUndefined();
    const later = new Date(Date.now() + 60_000);
    await budget.pauseUntil(13, later);
    await budget.pauseUntil(13, new Date(Date.now() + 1000));
    expect((await budget.pausedUntil(13))?.getTime()).toBe(later.getTime());
  });
});
