import { ensureTrackingIssue, type EnsureTrackingIssueOptions } from "../../src/github/ensure-tracking-issue.js";
import { IssueWriteQueue } from "../../src/github/issue-write-queue.js";
import { ensureScreenIssues } from "../../src/github/ensure-screen-issues.js";
import { APP_SETTINGS_DEFAULTS } from "../../src/declaration/app-settings-schema.js";
import type { GitHubClient } from "../../src/snapshot/github-client.js";
import { createGitHubIssuesClient, type IssuesClient } from "../../src/github/issues-client.js";
import type { Report } from "../../src/core/report.js";
import { TRACKING_MARKER } from "../../src/reporters/issue-state.js";
import { buildReport } from "../helpers/build-report.js";
import { APP_LOGIN, FakeIssuesClient } from "../helpers/fake-issues-client.js";

const LABEL = "dpg-screener";
const TWO_UNMET = buildReport({ "2": "fail", "5": "review" });
const ALL_MET = buildReport();

function ensure(issues: IssuesClient, report: Report, extra: Partial<EnsureTrackingIssueOptions> = {}) {
  return ensureTrackingIssue({ issues, report, repository: {}, label: LABEL, creator: APP_LOGIN, ...extra });
}

describe("ensureTrackingIssue", () => {
  test("creates the label and one issue when something is unmet", async () => {
    const issues = new FakeIssuesClient();
    const outcome = await ensure(issues, TWO_UNMET);
    expect(outcome).toMatchObject({ action: "created", issue: { number: 1, state: "open" } });
    expect(issues.writes).toEqual([`label ${LABEL}`, "create #1"]);
    expect(issues.issue(1)).toMatchObject({ title: "DPG Standard: 2 indicators need attention", labels: [LABEL] });
    expect(issues.issue(1).body).toContain(TRACKING_MARKER);
  });

  test("writes nothing when everything is met and there is no issue", async () => {
    const issues = new FakeIssuesClient();
    expect(await ensure(issues, ALL_MET)).toEqual({ action: "none" });
    expect(issues.writes).toEqual([]);
  });

  test("an unchanged result writes nothing, even with a newer check run", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, TWO_UNMET, { checkRunUrl: "https://github.com/octo-org/demo/runs/1" });
    const writes = issues.writes.length;
    const outcome = await ensure(issues, TWO_UNMET, { checkRunUrl: "https://github.com/octo-org/demo/runs/2" });
    expect(outcome.action).toBe("unchanged");
    expect(issues.writes).toHaveLength(writes);
  });

  test("a changed result is one edit of the same issue", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, TWO_UNMET);
    const outcome = await ensure(issues, buildReport({ "2": "fail", "5": "review", "7": "review" }));
    expect(outcome.action).toBe("updated");
    expect(issues.writes.slice(2)).toEqual(["update #1"]);
    expect(issues.issue(1).title).toBe("DPG Standard: 3 indicators need attention");
    expect(issues.issues).toHaveLength(1);
  });

  test("a changed summary alone is an edit too", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, TWO_UNMET);
    const outcome = await ensure(
      issues,
      buildReport({ "2": "fail", "5": "review" }, { summaries: { "5": "README.md is short (40 words)." } }),
    );
    expect(outcome.action).toBe("updated");
    expect(issues.issue(1).body).toContain("README.md is short (40 words).");
  });

  test("closes the issue with a short comment when everything is met", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, TWO_UNMET);
    const outcome = await ensure(issues, ALL_MET);
    expect(outcome.action).toBe("closed");
    expect(issues.writes.slice(2)).toEqual(["update #1 state=closed", "comment #1"]);
    expect(issues.issue(1)).toMatchObject({
      state: "closed",
      stateReason: "completed",
      title: "DPG Standard: all 11 indicators met",
    });
    expect(issues.comments).toEqual([
      {
        number: 1,
        body: "Every indicator of the DPG Standard is met now, so DPG Screener closed this issue. It reopens if an indicator stops being met.",
      },
    ]);
    expect(await ensure(issues, ALL_MET)).toMatchObject({ action: "unchanged" });
    expect(issues.writes).toHaveLength(4);
  });

  test("reopens an issue it closed when an indicator regresses, saying which", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, TWO_UNMET);
    await ensure(issues, ALL_MET);
    const outcome = await ensure(issues, buildReport({ "2": "fail" }));
    expect(outcome.action).toBe("reopened");
    expect(issues.issue(1).state).toBe("open");
    expect(issues.comments.at(-1)?.body).toBe(
      "DPG Screener reopened this issue: indicator 2 (Use of approved open licences) is no longer met.",
    );
    expect(issues.issues).toHaveLength(1);
  });

  test("names every indicator that newly fails when several do", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, TWO_UNMET);
    await ensure(issues, ALL_MET);
    await ensure(issues, buildReport({ "2": "fail", "9c": "review" }));
    expect(issues.comments.at(-1)?.body).toBe(
      "DPG Screener reopened this issue: indicators 2 (Use of approved open licences), 9c (Do no harm: protection from harassment) are no longer met.",
    );
  });

  describe("a maintainer closed it as not planned", () => {
    async function closedAsNotPlanned() {
      const issues = new FakeIssuesClient();
      await ensure(issues, TWO_UNMET);
      issues.closeAsHuman(1, "not_planned");
      return issues;
    }

    test("the same result leaves it closed and writes nothing", async () => {
      const issues = await closedAsNotPlanned();
      expect(await ensure(issues, TWO_UNMET)).toMatchObject({ action: "unchanged", issue: { state: "closed" } });
      expect(issues.writes).toHaveLength(2);
    });

    test("fewer unmet rows update the body silently and leave it closed", async () => {
      const issues = await closedAsNotPlanned();
      const outcome = await ensure(issues, buildReport({ "5": "review" }));
      expect(outcome).toMatchObject({ action: "updated", issue: { state: "closed" } });
      expect(issues.issue(1).stateReason).toBe("not_planned");
      expect(issues.comments).toEqual([]);
    });

    test("a row that newly fails reopens it", async () => {
      const issues = await closedAsNotPlanned();
      expect((await ensure(issues, buildReport({ "2": "fail", "5": "review", "9a": "review" }))).action).toBe(
        "reopened",
      );
      expect(issues.comments.at(-1)?.body).toContain("indicator 9a (Do no harm: data privacy and security)");
    });

    test("a row that failed before, was fixed, and fails again reopens it", async () => {
      const issues = await closedAsNotPlanned();
      await ensure(issues, buildReport({ "5": "review" }));
      expect((await ensure(issues, TWO_UNMET)).action).toBe("reopened");
    });
  });

  test("an issue a maintainer closed as completed is not reopened by the same result", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, TWO_UNMET);
    issues.closeAsHuman(1, "completed");
    expect((await ensure(issues, TWO_UNMET)).action).toBe("unchanged");
    expect(issues.issue(1).state).toBe("closed");
  });

  test("a closed issue whose hidden state a human deleted is updated, not reopened", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, TWO_UNMET);
    issues.closeAsHuman(1, "not_planned");
    issues.issue(1).body = `${TRACKING_MARKER}\nWe track this elsewhere.`;
    expect((await ensure(issues, TWO_UNMET)).action).toBe("updated");
    expect(issues.issue(1).state).toBe("closed");
  });

  describe("ignores a copy of the marker in an issue opened by someone else (the production path)", () => {
    // ensureScreenIssues over the real GitHub issues client; GitHub is a stub that ignores the
    // `creator` filter, so only the App's own author check can tell the human's issue apart.
    const human = {
      number: 1,
      title: "Copied",
      body: `Copied: ${TRACKING_MARKER}`,
      state: "open",
      state_reason: null,
      html_url: "u1",
      user: { login: "octocat", type: "User" },
    };
    const otherBot = { ...human, number: 2, user: { login: "other-app[bot]", type: "Bot" } };
    function github(listed: unknown[]) {
      const requests: { route: string; parameters: Record<string, unknown> }[] = [];
      const client: GitHubClient = {
        request: async (route, parameters = {}) => {
          requests.push({ route, parameters });
          if (route.startsWith("GET ")) return { status: 200, headers: {}, data: listed };
          if (route === "POST /repos/{owner}/{repo}/issues")
            return {
              status: 201,
              headers: {},
              data: {
                number: 3,
                state: "open",
                html_url: "u3",
                user: { login: APP_LOGIN, type: "Bot" },
                ...parameters,
              },
            };
          return { status: 201, headers: {}, data: {} };
        },
        graphql: async () => ({}),
      };
      return { client, requests };
    }
    const screen = (client: GitHubClient, creator: string | undefined) =>
      ensureScreenIssues({
        issues: createGitHubIssuesClient(client, { owner: "octo-org", repo: "demo" }),
        queue: new IssueWriteQueue({ minimumSpacingMs: 0 }),
        installationId: 1,
        owner: "octo-org",
        repo: "demo",
        report: TWO_UNMET,
        config: {
          settings: { ...APP_SETTINGS_DEFAULTS, issues: { mode: "tracking", label: LABEL } },
          hasRepositoryFile: true,
          organizationSetsIssuesMode: false,
        },
        metadata: {},
        fixIssuesRequested: false,
        defaultBranch: true,
        ...(creator === undefined ? {} : { creator }),
        log: { warn: () => undefined, info: () => undefined },
      });

    test("with the App's bot login known: asks GitHub for its issues only, and creates its own", async () => {
      const { client, requests } = github([human, otherBot]);
      const outcome = await screen(client, APP_LOGIN);
      expect(outcome.tracking).toMatchObject({ action: "created", issue: { number: 3 } });
      expect(requests[0]?.parameters).toMatchObject({ labels: LABEL, creator: APP_LOGIN });
      expect(requests.map((request) => request.route)).toEqual([
        "GET /repos/{owner}/{repo}/issues",
        "POST /repos/{owner}/{repo}/labels",
        "POST /repos/{owner}/{repo}/issues",
      ]);
    });

    test("with the login unknown: a person's issue is still never the App's", async () => {
      const { client, requests } = github([human]);
      expect((await screen(client, undefined)).tracking).toMatchObject({ action: "created" });
      expect(requests[0]?.parameters).not.toHaveProperty("creator");
      expect(requests.some((request) => request.route.startsWith("PATCH"))).toBe(false);
    });
  });

  test("ignores the App's issues that carry another label", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, TWO_UNMET, { label: "old-label" });
    await ensure(issues, TWO_UNMET);
    expect(issues.issues.map((issue) => issue.labels)).toEqual([["old-label"], [LABEL]]);
  });

  test("keeps the lowest-numbered open issue when duplicates exist", async () => {
    const issues = new FakeIssuesClient();
    await ensure(issues, TWO_UNMET);
    issues.addIssue({ ...issues.issue(1), number: 2 });
    await ensure(issues, buildReport({ "2": "fail" }));
    expect(issues.writes.at(-1)).toBe("update #1");
  });

  test("uses issues listed earlier in the screen instead of listing again", async () => {
    const issues = new FakeIssuesClient();
    const outcome = await ensure(issues, TWO_UNMET, { listed: [] });
    expect(outcome.action).toBe("created");
    issues.failWith = 500;
    await expect(ensure(issues, TWO_UNMET, { listed: [] })).rejects.toMatchObject({ status: 500 });
  });

  describe("where issues must not be opened", () => {
    test.each([
      [{ archived: true }, "the repository is archived"],
      [{ fork: true }, "the repository is a fork"],
      [{ hasIssues: false }, "issues are turned off in this repository"],
    ])("%o → skipped without a request: %s", async (repository, reason) => {
      const issues = new FakeIssuesClient();
      issues.failWith = 500;
      expect(await ensure(issues, TWO_UNMET, { repository })).toEqual({ action: "skipped", reason });
    });

    test.each([
      [410, "issues are disabled in this repository (HTTP 410)"],
      [403, "the App may not write issues in this repository (HTTP 403)"],
    ])("GitHub answering %i is a logged warning, not a crash", async (status, reason) => {
      const issues = new FakeIssuesClient();
      issues.failWith = status;
      const warnings: { fields: Record<string, unknown>; message: string }[] = [];
      const outcome = await ensure(issues, TWO_UNMET, {
        log: { warn: (fields, message) => warnings.push({ fields, message }) },
      });
      expect(outcome).toEqual({ action: "skipped", reason });
      expect(warnings).toEqual([
        { fields: { repository: "octo-org/demo", status }, message: `DPG Screener left issues alone: ${reason}` },
      ]);
    });

    test("a 403 secondary rate limit is not mistaken for disabled issues", async () => {
      const issues = new FakeIssuesClient();
      await ensure(issues, TWO_UNMET);
      const rateLimited = Object.assign(new Error("You have exceeded a secondary rate limit"), { status: 403 });
      issues.updateIssue = () => Promise.reject(rateLimited);
      await expect(ensure(issues, ALL_MET)).rejects.toBe(rateLimited);
    });
  });

  describe("idempotence under repeated and concurrent screens", () => {
    test("the same delivery three times leaves one issue and one set of writes", async () => {
      const issues = new FakeIssuesClient();
      for (let delivery = 0; delivery < 3; delivery += 1) await ensure(issues, TWO_UNMET);
      expect(issues.issues).toHaveLength(1);
      expect(issues.writes).toEqual([`label ${LABEL}`, "create #1"]);
    });

    test("two screens of one repository at once, through the queue, open one issue", async () => {
      const issues = new FakeIssuesClient();
      const queue = new IssueWriteQueue({ minimumSpacingMs: 0 });
      const outcomes = await Promise.all([1, 2].map(() => queue.run(7, issues, (paced) => ensure(paced, TWO_UNMET))));
      expect(outcomes.map((outcome) => outcome.action).sort()).toEqual(["created", "unchanged"]);
      expect(issues.issues).toHaveLength(1);
    });

    test("without the queue the same race opens two issues (why the queue exists)", async () => {
      const issues = new FakeIssuesClient();
      await Promise.all([1, 2].map(() => ensure(issues, TWO_UNMET)));
      expect(issues.issues).toHaveLength(2);
    });
  });
});
