// Issue side effects end to end: webhook payloads through probot.receive(), GitHub mocked.
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { createTestApp, type TestApp } from "../helpers/create-test-app.js";
import { example } from "../helpers/webhook-examples.js";
import { blobsOf, HEAD_SHA, treeOf, typicalFiles } from "../helpers/typical-repository.js";
import { screenMemory } from "../helpers/screen-memory.js";
import { fixIssueMarker, TRACKING_MARKER } from "../../src/reporters/issue-state.js";
import { isMet } from "../../src/core/outcome.js";
import { wantsFixIssue } from "../../src/reporters/fix-issue.js";
import { ACTION_OPEN_FIX_ISSUES } from "../../src/reporters/check-run.js";
import { IssueWriteQueue } from "../../src/github/issue-write-queue.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";
const ISSUES = `/repos/${OWNER}/${REPO}/issues`;
const LIST_QUERY = { labels: "dpg-screener", state: "all", creator: "dpg-screener[bot]", per_page: "100", page: "1" };
/** The author GitHub reports on the App's own issues. */
const BOT_USER = { login: "dpg-screener[bot]", type: "Bot" };
/** A repository's own declaration with no `issues` key: having the file is the opt-in. */
const OWN_FILE = "sdgs:\n  - number: 4\n    relevance: Offline learning.\n";

let github: GitHubMock;
let app: TestApp;

beforeEach(async () => {
  github = createGitHubMock();
  // No pacing in tests: the queue's spacing is tested on a fake clock in test/github.
  app = await createTestApp({ issueQueue: new IssueWriteQueue({ minimumSpacingMs: 0 }) });
});
afterEach(() => github.verify());

const pushToDefault = () =>
  example("push", (payload) => payload.ref === "refs/heads/master" && payload.installation !== undefined);

function expectScreen(
  config: { repository?: string; organization?: string },
  files: Record<string, string>,
  sha = HEAD_SHA,
  checkRunId = 42,
): void {
  github.configFile(OWNER, REPO, config.repository);
  if (config.repository === undefined) github.configFile(OWNER, ".github", config.organization);
  github.createCheckRun(OWNER, REPO, checkRunId);
  github.tree(OWNER, REPO, sha, treeOf(files));
  github.blobs(blobsOf(files));
  github.updateCheckRun(OWNER, REPO, checkRunId);
}

function expectTrackingIssueCreated(): void {
  github.reply("GET", ISSUES, 200, [], { query: LIST_QUERY });
  github.reply("POST", `/repos/${OWNER}/${REPO}/labels`, 201, { name: "dpg-screener" });
  github.reply("POST", ISSUES, 201, (body: unknown) => ({
    number: 7,
    state: "open",
    state_reason: null,
    html_url: `https://github.com/${OWNER}/${REPO}/issues/7`,
    user: BOT_USER,
    ...(body as object),
  }));
}

function createdIssues(): { title: string; body: string; labels: string[] }[] {
  return github.bodies("POST", /\/issues$/) as { title: string; body: string; labels: string[] }[];
}

const withFile = (declaration: string) => typicalFiles({ ".github/dpg.yml": declaration });

describe("opt-in", () => {
  test("a repository with its own .github/dpg.yml gets a tracking issue on a default-branch push", async () => {
    github.installationToken(1);
    expectScreen({ repository: OWN_FILE }, withFile(OWN_FILE));
    expectTrackingIssueCreated();
    await app.probot.receive({ id: "push-1", name: "push", payload: pushToDefault() as never });
    const [issue] = createdIssues();
    expect(issue?.title).toMatch(/^DPG Standard: \d+ indicators? needs? attention$/);
    expect(issue?.labels).toEqual(["dpg-screener"]);
    expect(issue?.body).toContain(TRACKING_MARKER);
    expect(issue?.body).toContain(`[latest check run](https://github.com/${OWNER}/${REPO}/runs/42)`);
    expect(github.bodies("POST", /\/labels$/)).toEqual([
      {
        name: "dpg-screener",
        color: "0b5cad",
        description: "Opened by DPG Screener: what the DPG Standard still needs",
      },
    ]);
    expect(app.logs.find((line) => line["msg"] === `DPG issues in line: ${OWNER}/${REPO}`)).toMatchObject({
      issueMode: "tracking",
      tracking: "created",
      trackingIssue: 7,
    });
  });

  test("the tracking issue holds the DPGA draft, collapsed, and the check run's summary points to it", async () => {
    github.installationToken(1);
    expectScreen({ repository: OWN_FILE }, withFile(OWN_FILE));
    expectTrackingIssueCreated();
    await app.probot.receive({ id: "push-1d", name: "push", payload: pushToDefault() as never });
    const body = createdIssues()[0]?.body ?? "";
    expect(body).toMatch(
      /### DPGA application draft\n\n<details>\n<summary>\d+ of 17 questions pre-filled from this repository: open to copy them into the DPGA application<\/summary>\n/,
    );
    expect(body).toContain("#### sdgs (indicator 1");
    const [complete] = github.bodies("PATCH", /check-runs\/42$/) as { output: { summary: string } }[];
    const query = encodeURIComponent('is:issue label:"dpg-screener" in:title "DPG Standard:"');
    expect(complete?.output.summary).toMatch(/📄 \*\*DPGA application draft:\*\* \d+ of 17 questions pre-filled/);
    expect(complete?.output.summary).toContain(
      `ready to copy into the DPGA application: in the [tracking issue](https://github.com/${OWNER}/${REPO}/issues?q=${query}), under *DPGA application draft*.`,
    );
  });

  test("an organisation config that sets issues.mode opts every repository in, with its label", async () => {
    const organization = "issues:\n  mode: tracking\n  label: dpg\n";
    github.installationToken(1);
    expectScreen({ organization }, typicalFiles());
    github.reply("GET", ISSUES, 200, [], { query: { ...LIST_QUERY, labels: "dpg" } });
    github.reply("POST", `/repos/${OWNER}/${REPO}/labels`, 422, {
      message: "Validation Failed",
      errors: [{ code: "already_exists" }],
    });
    github.reply("POST", ISSUES, 201, { number: 3, title: "t", body: "", state: "open", html_url: "" });
    await app.probot.receive({ id: "push-2", name: "push", payload: pushToDefault() as never });
    expect(createdIssues()[0]?.labels).toEqual(["dpg"]);
  });

  test("without a file of its own or an organisation setting, a push lists the App's issues once and opens none", async () => {
    github.installationToken(1);
    const files = typicalFiles();
    delete files[".github/dpg.yml"];
    expectScreen({}, files);
    github.reply("GET", ISSUES, 200, [], { query: LIST_QUERY });
    await app.probot.receive({ id: "push-3", name: "push", payload: pushToDefault() as never });
    expect(app.logs.find((line) => line["msg"] === `DPG issues in line: ${OWNER}/${REPO}`)).toMatchObject({
      issueMode: "not opted in",
      fixIssueChanges: [],
    });
    // No tracking issue to point to: the summary says how to get the draft instead.
    const [complete] = github.bodies("PATCH", /check-runs\/42$/) as { output: { summary: string } }[];
    expect(complete?.output.summary).toContain(
      "Screens of the default branch keep it in the tracking issue when issues are on (`issues.mode: tracking` in `.github/dpg.yml`); `dpg-screener screen --format dpga-markdown` prints it anywhere.",
    );
    expect(complete?.output.summary).not.toContain("/issues?q=");
  });

  test("without opt-in, a fix issue opened with the button is closed once its indicator is met", async () => {
    github.installationToken(1);
    const files = typicalFiles();
    delete files[".github/dpg.yml"];
    const met = (await screenMemory(files)).results.find((result) => isMet(result.outcome));
    if (met === undefined) throw new Error("the typical repository meets no indicator");
    expectScreen({}, files);
    const open = {
      number: 9,
      title: "Fix",
      body: `${fixIssueMarker(met.indicator)}\nstale`,
      state: "open",
      state_reason: null,
      html_url: "",
      user: BOT_USER,
    };
    github.reply("GET", ISSUES, 200, [open], { query: LIST_QUERY });
    github.reply("PATCH", `${ISSUES}/9`, 200, { ...open, state: "closed", state_reason: "completed" });
    github.reply("POST", `${ISSUES}/9/comments`, 201, {});
    await app.probot.receive({ id: "push-3b", name: "push", payload: pushToDefault() as never });
    expect(github.bodies("PATCH", /\/issues\/9$/)).toMatchObject([{ state: "closed", state_reason: "completed" }]);
    expect(createdIssues()).toEqual([]);
  });

  test("issues.mode: off in the repository's file opts out", async () => {
    const declaration = `${OWN_FILE}issues:\n  mode: off\n`;
    github.installationToken(1);
    expectScreen({ repository: declaration }, withFile(declaration));
    await app.probot.receive({ id: "push-4", name: "push", payload: pushToDefault() as never });
  });
});

test("the same push delivered three times opens one issue and then writes nothing", async () => {
  github.installationToken(1);
  expectScreen({ repository: OWN_FILE }, withFile(OWN_FILE));
  expectTrackingIssueCreated();
  await app.probot.receive({ id: "push-5", name: "push", payload: pushToDefault() as never });
  const created = { number: 7, state: "open", state_reason: null, html_url: "", user: BOT_USER, ...createdIssues()[0] };
  for (const delivery of ["push-5-again", "push-5-third"]) {
    github.configFile(OWNER, REPO, OWN_FILE);
    github.reply("GET", ISSUES, 200, [created], { query: LIST_QUERY });
    await app.probot.receive({ id: delivery, name: "push", payload: pushToDefault() as never });
  }
  expect(createdIssues()).toHaveLength(1);
  expect(github.bodies("PATCH", /\/issues\//)).toEqual([]);
});

test("a repository with issues turned off gets its check run and no issue request", async () => {
  const payload = pushToDefault();
  payload.repository.has_issues = false;
  github.installationToken(1);
  expectScreen({ repository: OWN_FILE }, withFile(OWN_FILE));
  await app.probot.receive({ id: "push-6", name: "push", payload: payload as never });
  expect(app.logs.find((line) => line["msg"] === `DPG issues skipped: ${OWNER}/${REPO}`)).toMatchObject({
    skipped: "issues are turned off in this repository",
  });
});

test("an unexpected error while bringing the issues in line is logged, and the push still succeeds", async () => {
  github.installationToken(1);
  expectScreen({ repository: OWN_FILE }, withFile(OWN_FILE));
  github.reply("GET", ISSUES, 500, { message: "Server Error" }, { query: LIST_QUERY });
  await app.probot.receive({ id: "push-500", name: "push", payload: pushToDefault() as never });
  expect(
    app.logs.find((line) => line["msg"] === "Could not bring the DPG issues in line after a webhook's screen"),
  ).toMatchObject({
    level: 50,
    repository: `${OWNER}/${REPO}`,
    error: expect.stringContaining("Server Error") as unknown,
  });
  expect(app.logs.find((line) => line["status"] === "screened")).toBeDefined();
});

test("GitHub answering 410 to the issue listing is a logged warning, and the push still succeeds", async () => {
  github.installationToken(1);
  expectScreen({ repository: OWN_FILE }, withFile(OWN_FILE));
  github.reply("GET", ISSUES, 410, { message: "Issues are disabled for this repo" }, { query: LIST_QUERY });
  await app.probot.receive({ id: "push-7", name: "push", payload: pushToDefault() as never });
  expect(
    app.logs.find(
      (line) => line["msg"] === "DPG Screener left issues alone: issues are disabled in this repository (HTTP 410)",
    ),
  ).toMatchObject({ level: 40, status: 410 });
});

test("'Open fix issues' opens one issue per unmet indicator, even without opt-in", async () => {
  const payload = example("check_run", (candidate) => candidate.action === "requested_action");
  payload.requested_action = { identifier: ACTION_OPEN_FIX_ISSUES };
  payload.repository = pushToDefault().repository;
  payload.check_run.head_sha = HEAD_SHA;
  payload.check_run.check_suite.head_branch = "master";
  const files = typicalFiles();
  delete files[".github/dpg.yml"];
  const expected = (await screenMemory(files)).results.filter(wantsFixIssue).map((result) => result.indicator);
  github.installationToken(payload.installation.id);
  expectScreen({}, files);
  github.repositoryHead({ owner: OWNER, name: REPO, oid: HEAD_SHA });
  github.reply("GET", ISSUES, 200, [], { query: LIST_QUERY });
  github.reply("POST", `/repos/${OWNER}/${REPO}/labels`, 201, {});
  let number = 0;
  github.reply(
    "POST",
    ISSUES,
    201,
    (body: unknown) => ({ number: (number += 1), state: "open", html_url: "", ...(body as object) }),
    { times: expected.length },
  );
  await app.probot.receive({ id: "action-1", name: "check_run", payload: payload as never });
  expect(createdIssues().map((issue) => /<!-- dpg-screener:fix:(\w+) -->/.exec(issue.body)?.[1])).toEqual(expected);
  expect(expected.length).toBeGreaterThan(0);
});

test("'Open fix issues' on an older default-branch commit opens its fix issues and leaves the tracking issue alone", async () => {
  const payload = example("check_run", (candidate) => candidate.action === "requested_action");
  payload.requested_action = { identifier: ACTION_OPEN_FIX_ISSUES };
  payload.repository = pushToDefault().repository;
  payload.check_run.head_sha = HEAD_SHA;
  payload.check_run.check_suite.head_branch = "master";
  const files = withFile(OWN_FILE);
  const expected = (await screenMemory(files)).results.filter(wantsFixIssue).map((result) => result.indicator);
  github.installationToken(payload.installation.id);
  expectScreen({ repository: OWN_FILE }, files);
  // The default branch has moved on since this run.
  github.repositoryHead({ owner: OWNER, name: REPO, oid: "f".repeat(40) });
  github.reply("GET", ISSUES, 200, [], { query: LIST_QUERY });
  github.reply("POST", `/repos/${OWNER}/${REPO}/labels`, 201, {});
  let number = 0;
  github.reply(
    "POST",
    ISSUES,
    201,
    (body: unknown) => ({ number: (number += 1), state: "open", html_url: "", user: BOT_USER, ...(body as object) }),
    { times: expected.length },
  );
  await app.probot.receive({ id: "action-old", name: "check_run", payload: payload as never });
  expect(createdIssues().map((issue) => /<!-- dpg-screener:fix:(\w+) -->/.exec(issue.body)?.[1])).toEqual(expected);
  expect(createdIssues().some((issue) => issue.body.includes(TRACKING_MARKER))).toBe(false);
  const line = app.logs.find((entry) => entry["msg"] === `DPG issues in line: ${OWNER}/${REPO}`);
  expect(line).toMatchObject({ issueMode: "tracking" });
  expect(line).not.toHaveProperty("tracking");
});

test("another button's action opens no issue", async () => {
  const payload = example("check_run", (candidate) => candidate.action === "requested_action");
  await app.probot.receive({ id: "action-2", name: "check_run", payload: payload as never });
});

test("the App's bot login is asked of GitHub once per process, with the App's JWT", async () => {
  app = await createTestApp({ issueQueue: new IssueWriteQueue({ minimumSpacingMs: 0 }), botLogin: undefined });
  github.installationToken(1);
  github.reply("GET", "/app", 200, { id: 123, slug: "dpg-screener" });
  expectScreen({ repository: OWN_FILE }, withFile(OWN_FILE));
  expectTrackingIssueCreated();
  await app.probot.receive({ id: "push-login-1", name: "push", payload: pushToDefault() as never });
  const created = { number: 7, state: "open", state_reason: null, html_url: "", user: BOT_USER, ...createdIssues()[0] };
  github.configFile(OWNER, REPO, OWN_FILE);
  github.reply("GET", ISSUES, 200, [created], { query: LIST_QUERY });
  await app.probot.receive({ id: "push-login-2", name: "push", payload: pushToDefault() as never });
  expect(createdIssues()).toHaveLength(1);
});

test("when the bot login cannot be learned, the issues are listed without it and only bots' issues count", async () => {
  app = await createTestApp({ issueQueue: new IssueWriteQueue({ minimumSpacingMs: 0 }), botLogin: undefined });
  github.installationToken(1);
  github.reply("GET", "/app", 500, { message: "Server Error" });
  expectScreen({ repository: OWN_FILE }, withFile(OWN_FILE));
  const copied = {
    number: 5,
    title: "Copied",
    body: TRACKING_MARKER,
    state: "open",
    state_reason: null,
    html_url: "",
    user: { login: "octocat", type: "User" },
  };
  github.reply("GET", ISSUES, 200, [copied], {
    query: { labels: "dpg-screener", state: "all", per_page: "100", page: "1" },
  });
  github.reply("POST", `/repos/${OWNER}/${REPO}/labels`, 201, {});
  github.reply("POST", ISSUES, 201, (body: unknown) => ({
    number: 7,
    state: "open",
    html_url: "",
    user: BOT_USER,
    ...(body as object),
  }));
  await app.probot.receive({ id: "push-login-3", name: "push", payload: pushToDefault() as never });
  expect(createdIssues()).toHaveLength(1);
  expect(
    app.logs.find(
      (line) => line["msg"] === "Could not learn the App's bot login; only issues opened by a bot count as the App's",
    ),
  ).toMatchObject({ level: 40 });
});

describe("/dpg recheck", () => {
  const recheck = () => {
    const payload = example(
      "issue_comment",
      (candidate) => candidate.action === "created" && candidate.installation !== undefined,
    );
    payload.comment.body = "Thanks!\n/dpg recheck\n";
    return payload;
  };
  const permission = (level: string) =>
    github.reply("GET", `/repos/${OWNER}/${REPO}/collaborators/Codertocat/permission`, 200, { permission: level });

  test("from someone with write access: reacts, re-screens the default branch and updates the issues", async () => {
    github.installationToken(1);
    permission("write");
    github.reply("POST", `/repos/${OWNER}/${REPO}/issues/comments/492700400/reactions`, 201, { content: "eyes" });
    github.repositoryHead({ owner: OWNER, name: REPO, oid: HEAD_SHA });
    expectScreen({ repository: OWN_FILE }, withFile(OWN_FILE));
    expectTrackingIssueCreated();
    await app.probot.receive({ id: "comment-1", name: "issue_comment", payload: recheck() as never });
    expect(github.bodies("POST", /reactions$/)).toEqual([{ content: "eyes" }]);
    expect(createdIssues()).toHaveLength(1);
  });

  test("a reaction GitHub refuses is a logged warning, and the re-screen still runs", async () => {
    github.installationToken(1);
    permission("write");
    github.reply("POST", `/repos/${OWNER}/${REPO}/issues/comments/492700400/reactions`, 403, {
      message: "Resource not accessible by integration",
    });
    github.repositoryHead({ owner: OWNER, name: REPO, oid: HEAD_SHA });
    expectScreen({ repository: OWN_FILE }, withFile(OWN_FILE));
    expectTrackingIssueCreated();
    await app.probot.receive({ id: "comment-react-403", name: "issue_comment", payload: recheck() as never });
    expect(
      app.logs.find((line) => line["msg"] === "Could not react to the /dpg recheck comment; re-screening anyway"),
    ).toMatchObject({ level: 40, user: "Codertocat" });
    expect(createdIssues()).toHaveLength(1);
  });

  test("on a pull request: re-screens the pull request's head and touches no issue", async () => {
    const payload = recheck();
    payload.issue.pull_request = {
      url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/1`,
      html_url: "",
      diff_url: "",
      patch_url: "",
    } as never;
    const prHead = "e".repeat(40);
    github.installationToken(1);
    permission("write");
    github.reply("POST", `/repos/${OWNER}/${REPO}/issues/comments/492700400/reactions`, 201, { content: "eyes" });
    github.reply("GET", `/repos/${OWNER}/${REPO}/pulls/${payload.issue.number}`, 200, {
      number: payload.issue.number,
      head: { sha: prHead },
    });
    expectScreen({ repository: OWN_FILE }, withFile(OWN_FILE), prHead);
    await app.probot.receive({ id: "comment-pr", name: "issue_comment", payload: payload as never });
    expect(github.bodies("POST", /check-runs$/)).toEqual([expect.objectContaining({ head_sha: prHead })]);
    expect(app.logs.find((line) => line["commit"] === prHead)).toMatchObject({
      trigger: "issue_comment.recheck",
      status: "screened",
    });
  });

  test("in an empty repository: reacts, then logs that there is nothing to screen", async () => {
    github.installationToken(1);
    permission("admin");
    github.reply("POST", `/repos/${OWNER}/${REPO}/issues/comments/492700400/reactions`, 201, { content: "eyes" });
    github.repositoryHead({ owner: OWNER, name: REPO, oid: null });
    await app.probot.receive({ id: "comment-empty", name: "issue_comment", payload: recheck() as never });
    expect(
      app.logs.find((line) => line["msg"] === "Ignored /dpg recheck: the repository has no commits"),
    ).toMatchObject({ repository: `${OWNER}/${REPO}`, user: "Codertocat" });
  });

  test("when the commenter's permission cannot be read: logged, and nothing else happens", async () => {
    github.installationToken(1);
    github.reply("GET", `/repos/${OWNER}/${REPO}/collaborators/Codertocat/permission`, 404, { message: "Not Found" });
    await app.probot.receive({ id: "comment-404", name: "issue_comment", payload: recheck() as never });
    expect(app.logs.find((line) => line["msg"] === "Could not read the commenter's permission")).toMatchObject({
      owner: OWNER,
      repo: REPO,
      user: "Codertocat",
      error: expect.stringContaining("Not Found") as unknown,
    });
  });

  test("from someone with read access: nothing but the permission check", async () => {
    github.installationToken(1);
    permission("read");
    await app.probot.receive({ id: "comment-2", name: "issue_comment", payload: recheck() as never });
    expect(
      app.logs.find((line) => line["msg"] === "Ignored /dpg recheck from someone without write access"),
    ).toMatchObject({ user: "Codertocat" });
  });

  test("a comment that only mentions the command in prose does nothing", async () => {
    const payload = recheck();
    payload.comment.body = "Should I run /dpg recheck here?";
    await app.probot.receive({ id: "comment-3", name: "issue_comment", payload: payload as never });
  });
});
