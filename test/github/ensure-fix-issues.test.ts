import { ensureFixIssues, type EnsureFixIssuesOptions } from "../../src/github/ensure-fix-issues.js";
import type { Report } from "../../src/core/report.js";
import { fixIssueMarker } from "../../src/reporters/issue-state.js";
import { buildReport } from "../helpers/build-report.js";
import { APP_LOGIN, FakeIssuesClient } from "../helpers/fake-issues-client.js";

const LABEL = "dpg-screener";
const UNMET = buildReport({ "2": "fail", "5": "review", "9c": "review", "7": "error" });

function ensure(issues: FakeIssuesClient, report: Report, extra: Partial<EnsureFixIssuesOptions> = {}) {
  return ensureFixIssues({
    issues,
    report,
    repository: {},
    label: LABEL,
    creator: APP_LOGIN,
    createMissing: true,
    ...extra,
  });
}

describe("ensureFixIssues", () => {
  test("opens one issue per indicator that fails or needs review, none for met or error rows", async () => {
    const issues = new FakeIssuesClient();
    const outcome = await ensure(issues, UNMET);
    expect(issues.issues.map((issue) => issue.title)).toEqual([
      "DPG Standard 2: Use of approved open licences",
      "DPG Standard 5: Documentation",
      "DPG Standard 9c: Do no harm: protection from harassment",
    ]);
    expect(issues.issues.map((issue) => issue.body.split("\n")[0])).toEqual([
      fixIssueMarker("2"),
      fixIssueMarker("5"),
      fixIssueMarker("9c"),
    ]);
    expect(outcome).toEqual({
      action: "ensured",
      changes: [
        { indicator: "2", action: "created", number: 1 },
        { indicator: "5", action: "created", number: 2 },
        { indicator: "9c", action: "created", number: 3 },
      ],
      open: [
        { indicator: "2", number: 1 },
        { indicator: "5", number: 2 },
        { indicator: "9c", number: 3 },
      ],
    });
  });

  test("asks for the label once however many issues it opens", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, UNMET);
    expect(issues.writes.filter((write) => write.startsWith("label"))).toEqual([`label ${LABEL}`]);
  });

  test("a second request for the same result writes nothing", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, UNMET);
    const writes = issues.writes.length;
    const outcome = await ensure(issues, UNMET);
    expect(outcome).toMatchObject({ changes: [], open: [{ number: 1 }, { number: 2 }, { number: 3 }] });
    expect(issues.writes).toHaveLength(writes);
  });

  test("closes an indicator's issue with a comment once it is met", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, UNMET);
    const outcome = await ensure(issues, buildReport({ "5": "review", "9c": "review", "7": "error" }));
    expect(outcome).toMatchObject({
      changes: [{ indicator: "2", action: "closed", number: 1 }],
      open: [{ number: 2 }, { number: 3 }],
    });
    expect(issues.issue(1).state).toBe("closed");
    expect(issues.issue(1).body).toContain("This indicator is met now");
    expect(issues.comments).toEqual([
      { number: 1, body: "Indicator 2 is met now, so DPG Screener closed this issue." },
    ]);
  });

  test("without createMissing it only keeps existing issues in line", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, buildReport({ "2": "fail" }));
    const outcome = await ensure(issues, buildReport({ "5": "review" }), { createMissing: false });
    expect(outcome).toEqual({
      action: "ensured",
      changes: [{ indicator: "2", action: "closed", number: 1 }],
      open: [],
    });
    expect(issues.issues).toHaveLength(1);
  });

  test("leaves the issue of a row the screener could not evaluate as it is, and lists it while open", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, buildReport({ "7": "review" }));
    const writes = issues.writes.length;
    const outcome = await ensure(issues, buildReport({ "7": "error" }));
    expect(outcome).toEqual({ action: "ensured", changes: [], open: [{ indicator: "7", number: 1 }] });
    expect(issues.writes).toHaveLength(writes);
  });

  test("does not reopen an issue a maintainer closed while its indicator is still unmet", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, buildReport({ "2": "fail" }));
    issues.closeAsHuman(1, "not_planned");
    const outcome = await ensure(issues, buildReport({ "2": "fail" }));
    expect(outcome).toMatchObject({ changes: [], open: [] });
    expect(issues.issues).toHaveLength(1);
  });

  test("reopens an issue it closed when the indicator regresses", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, buildReport({ "2": "fail" }));
    await ensure(issues, buildReport());
    const outcome = await ensure(issues, buildReport({ "2": "fail" }));
    expect(outcome).toMatchObject({
      changes: [{ indicator: "2", action: "reopened", number: 1 }],
      open: [{ number: 1 }],
    });
  });

  test("issues disabled → skipped with a warning", async () => {
    const issues = new FakeIssuesClient();
    issues.failWith = 410;
    const warnings: string[] = [];
    expect(await ensure(issues, UNMET, { log: { warn: (_fields, message) => warnings.push(message) } })).toEqual({
      action: "skipped",
      reason: "issues are disabled in this repository (HTTP 410)",
    });
    expect(warnings).toHaveLength(1);
  });

  test("never touches an archived repository", async () => {
    const issues = new FakeIssuesClient();
    issues.failWith = 500;
    expect(await ensure(issues, UNMET, { repository: { archived: true } })).toEqual({
      action: "skipped",
      reason: "the repository is archived",
    });
  });
});
