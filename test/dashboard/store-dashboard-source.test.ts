// The dashboard over the real store, on PGlite and (when TEST_DATABASE_URL is set) PostgreSQL:
// the latest default-branch screen per repository, GitHub's spelling of names, visibility
// (unknown counts as private), history oldest first, and one repository's full report.
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import type { Database } from "../../src/store/database.js";
import { ReportStore } from "../../src/store/report-store.js";
import { StoreDashboardSource } from "../../src/dashboard/store-dashboard-source.js";
import { engines, reportSkippedServer } from "../helpers/test-database.js";
import { buildReport } from "../helpers/build-report.js";

reportSkippedServer("store-dashboard-source");

describe.each(engines)("StoreDashboardSource on $name", (engine) => {
  let database: Database;
  let store: ReportStore;
  let source: StoreDashboardSource;

  beforeEach(async () => {
    database = await engine.open();
    store = new ReportStore(database);
    source = new StoreDashboardSource(database);
  });
  afterEach(() => database.close());

  async function save(
    repository: string,
    commit: string,
    options: { private?: boolean; defaultBranch?: boolean; fail?: boolean } = {},
  ) {
    const report = buildReport(options.fail === true ? { "2": "fail", "4": "review" } : {});
    report.repository = { name: repository, url: `https://github.com/${repository}`, ref: commit };
    report.license = "Apache-2.0";
    await store.saveScreen({
      installationId: 42,
      repository,
      commit,
      configFingerprint: "f",
      defaultBranch: options.defaultBranch ?? true,
      conclusion: "neutral",
      checkRunId: 9,
      ...(options.private === undefined ? {} : { private: options.private }),
      report,
    });
  }

  it("lists the latest default-branch screen of each repository with its row outcomes", async () => {
    await save("Acme/Health-App", "c1", { private: false, fail: true });
    await save("Acme/Health-App", "c2", { private: false });
    await save("Acme/Health-App", "pr", { private: false, defaultBranch: false, fail: true });
    await save("Acme/ledger", "l1", {});
    await save("other/thing", "o1", { private: false });

    expect(await source.listInstallations()).toEqual(
      expect.arrayContaining([
        { installationId: 42, owner: "acme" },
        { installationId: 42, owner: "other" },
      ]),
    );
    const summaries = await source.listSummaries("ACME");
    expect(summaries.map((summary) => [summary.owner, summary.name, summary.commit, summary.private])).toEqual([
      ["Acme", "Health-App", "c2", false],
      ["Acme", "ledger", "l1", true],
    ]);
    const [health] = summaries;
    expect(health).toMatchObject({
      met: 11,
      rows: 11,
      assetTypes: ["software"],
      license: "Apache-2.0",
      checkRunUrl: "https://github.com/Acme/Health-App/runs/9",
    });
    expect(health?.outcomes["2"]).toBe("pass");
  });

  it("does not read an owner's name as a pattern", async () => {
    await save("a_b/x", "1", { private: false });
    await save("acb/y", "2", { private: false });
    expect((await source.listSummaries("a_b")).map((summary) => summary.name)).toEqual(["x"]);
  });

  it("returns one repository with its full report, and its history oldest first", async () => {
    await save("acme/app", "c1", { private: false, fail: true });
    await save("acme/app", "c2", { private: false });
    const found = await source.getRepository("ACME", "App");
    expect(found?.summary).toMatchObject({ name: "app", commit: "c2", met: 11 });
    expect(found?.report.repository.ref).toBe("c2");
    const history = await source.history("acme", "app");
    expect(history.map((point) => [point.commit, point.met, point.rows])).toEqual([
      ["c1", 9, 11],
      ["c2", 11, 11],
    ]);
    expect(await source.getRepository("acme", "missing")).toBeUndefined();
  });

  it("links the repository's tracking issue once the App has one", async () => {
    await save("Acme/App", "c1", { private: false, fail: true });
    expect((await source.getRepository("acme", "app"))?.summary.issueUrl).toBeUndefined();
    await store.claimTracking(42, "Acme/App", "c1");
    await store.recordTrackingIssue("Acme/App", 7);
    expect((await source.getRepository("acme", "app"))?.summary).toMatchObject({
      issueUrl: "https://github.com/Acme/App/issues/7",
      checkRunUrl: "https://github.com/Acme/App/runs/9",
    });
  });
});
