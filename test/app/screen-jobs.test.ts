import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { JobServices } from "../../src/app/screen-jobs.js";
import type { JobSettings } from "../../src/app/start-jobs.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { createTestApp, type TestApp } from "../helpers/create-test-app.js";
import { example } from "../helpers/webhook-examples.js";
import { blobsOf, DECLARATION, HEAD_SHA, treeOf, typicalFiles } from "../helpers/typical-repository.js";
import { ACTION_OPEN_FIX_ISSUES } from "../../src/reporters/check-run.js";
import { wantsFixIssue } from "../../src/reporters/fix-issue.js";
import { screenMemory } from "../helpers/screen-memory.js";

const settings: JobSettings = {
  databaseUrl: undefined,
  dataDir: "memory://",
  concurrency: 1,
  threads: 1,
  budgetSeconds: 60,
  memoryMb: 256,
  sweepCron: "17 3 * * *",
  retryLimit: 2,
  retryDelaySeconds: 1,
  shutdownSeconds: 5,
};

const pushToDefault = () =>
  example("push", (payload) => payload.ref === "refs/heads/master" && payload.installation !== undefined);

let github: GitHubMock;
let app: TestApp;
let jobs: JobServices | undefined;

beforeEach(async () => {
  github = createGitHubMock();
  app = await createTestApp({ jobs: settings, onJobs: (started) => (jobs = started) });
}, 120_000);
afterEach(async () => {
  await jobs?.stop();
  github.verify();
});

async function until(condition: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("a push is queued and answered at once; the queued job completes the check run and stores the report; the same delivery again is ignored", async () => {
  const files = typicalFiles();
  github.installationToken(1);
  github.configFile("Codertocat", "Hello-World", DECLARATION);
  github.createCheckRun("Codertocat", "Hello-World", 42);
  github.tree("Codertocat", "Hello-World", HEAD_SHA, treeOf(files));
  github.blobs(blobsOf(files));
  github.updateCheckRun("Codertocat", "Hello-World", 42);

  await app.probot.receive({ id: "delivery-q1", name: "push", payload: pushToDefault() as never });
  const queuedLine = app.logs.find((entry) => entry["deliveryId"] === "delivery-q1" && entry["reason"] === "queued");
  expect(queuedLine).toBeUndefined(); // nothing screened in the webhook's turn: no screen log line for it
  const store = jobs?.store;
  if (store === undefined) throw new Error("the App started no queue");
  await until(async () => (await store.findScreen("Codertocat/Hello-World", HEAD_SHA)) !== undefined);
  expect(await store.findScreen("Codertocat/Hello-World", HEAD_SHA)).toMatchObject({
    checkRunId: 42,
    defaultBranch: true,
  });
  expect(github.bodies("PATCH", /check-runs\/42$/)).toHaveLength(1);

  await app.probot.receive({ id: "delivery-q1", name: "push", payload: pushToDefault() as never });
  expect(app.logs.some((entry) => entry["msg"] === "Delivery already handled")).toBe(true);
  expect(github.bodies("POST", /check-runs$/)).toHaveLength(1);
}, 180_000);

const OWNER = "Codertocat";
const REPO = "Hello-World";
const ISSUES = `/repos/${OWNER}/${REPO}/issues`;

/** Screens counted by the queue's metric, which moves only once a job, issues included, is done. */
async function screensDone(): Promise<number> {
  const metric = await jobs?.metrics.screens.get();
  return (metric?.values ?? [])
    .filter((value) => value.labels["result"] === "screened")
    .reduce((sum, value) => sum + value.value, 0);
}

function openFixIssuesPayload() {
  const payload = example("check_run", (candidate) => candidate.action === "requested_action");
  payload.requested_action = { identifier: ACTION_OPEN_FIX_ISSUES };
  payload.repository = pushToDefault().repository;
  payload.check_run.head_sha = HEAD_SHA;
  payload.check_run.check_suite.head_branch = "master";
  return payload;
}

/**
 * The requests of one screen of the typical repository without a config of its own or of the
 * organisation: token, both config reads, the check run, the tree and the files. Returns the files.
 */
function expectScreenWithoutConfig(installationId: number): Record<string, string> {
  const files = typicalFiles();
  delete files[".github/dpg.yml"];
  github.installationToken(installationId);
  github.configFile(OWNER, REPO, undefined);
  github.configFile(OWNER, ".github", undefined);
  github.createCheckRun(OWNER, REPO, 42);
  github.tree(OWNER, REPO, HEAD_SHA, treeOf(files));
  github.blobs(blobsOf(files));
  github.updateCheckRun(OWNER, REPO, 42);
  return files;
}

/**
 * The requests of "Open fix issues" on a repository without its own config: the screen, the
 * tip lookup, the listing, the label and one issue per unmet indicator. Returns how many issues.
 */
async function expectFixIssuesOpened(installationId: number): Promise<number> {
  const files = expectScreenWithoutConfig(installationId);
  github.repositoryHead({ owner: OWNER, name: REPO, oid: HEAD_SHA });
  github.reply("GET", ISSUES, 200, [], { query: true });
  github.reply("POST", `/repos/${OWNER}/${REPO}/labels`, 201, {});
  const wanted = (await screenMemory(files)).results.filter(wantsFixIssue).length;
  github.reply(
    "POST",
    ISSUES,
    201,
    (body: unknown) => ({ number: 5, state: "open", html_url: "", ...(body as object) }),
    {
      times: wanted,
    },
  );
  return wanted;
}

test("a repository that never opted in to issues, where nobody asked for fix issues, costs no issue listing", async () => {
  expectScreenWithoutConfig(1);
  // No GET of the issues is mocked: the mock fails the test if one is made.
  await app.probot.receive({ id: "delivery-no-listing", name: "push", payload: pushToDefault() as never });
  await until(async () => (await screensDone()) === 1);
  expect(await jobs?.store.mayHaveFixIssues(`${OWNER}/${REPO}`)).toBe(false);
}, 180_000);

test("with the queue running, 'Open fix issues' opens the issues at once and is remembered for later screens", async () => {
  const payload = openFixIssuesPayload();
  const wanted = await expectFixIssuesOpened(payload.installation.id);
  await app.probot.receive({ id: "action-remembered", name: "check_run", payload: payload as never });
  expect(await jobs?.store.mayHaveFixIssues(`${OWNER}/${REPO}`)).toBe(true);
  expect(github.bodies("POST", /\/issues$/).length).toBe(wanted);
}, 180_000);

test("a store that cannot note the request is a logged warning, and the fix issues are still opened", async () => {
  const payload = openFixIssuesPayload();
  const store = jobs?.store;
  if (store === undefined) throw new Error("the App started no queue");
  store.recordFixIssuesRequested = async () => {
    throw new Error("store unreachable");
  };
  const wanted = await expectFixIssuesOpened(payload.installation.id);
  await app.probot.receive({ id: "action-unrecorded", name: "check_run", payload: payload as never });
  expect(app.logs).toContainEqual(
    expect.objectContaining({
      error: "store unreachable",
      msg: "Could not note in the store that fix issues were asked for: screens may leave them open until the repository opts in to issues or the button is pressed again",
    }),
  );
  expect(github.bodies("POST", /\/issues$/).length).toBe(wanted);
}, 180_000);

test("a config that could not be read for a 5xx leaves no error run: the retried job writes the commit's only run", async () => {
  github.configFile(OWNER, REPO, undefined);
  github.configFile(OWNER, ".github", undefined, { status: 502 });
  expectScreenWithoutConfig(1);
  // A retried job first looks for a run a dead process left in progress: there is none.
  github.reply(
    "GET",
    `/repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/check-runs`,
    200,
    { total_count: 0, check_runs: [] },
    { query: true },
  );
  const store = jobs?.store;
  if (store === undefined) throw new Error("the App started no queue");

  await app.probot.receive({ id: "delivery-502", name: "push", payload: pushToDefault() as never });
  await until(async () => (await store.findScreen(`${OWNER}/${REPO}`, HEAD_SHA)) !== undefined);
  expect(app.logs).toContainEqual(
    expect.objectContaining({
      status: "failed",
      error: "Could not read .github/dpg.yml from Codertocat/.github: Server Error (to be tried again)",
    }),
  );
  expect(github.bodies("POST", /check-runs$/)).toHaveLength(1);
  expect(github.bodies("PATCH", /check-runs\/42$/)).toHaveLength(1);
}, 180_000);

function expectTypicalScreen(treeHeaders: Record<string, string>): void {
  const files = typicalFiles();
  github.installationToken(1);
  github.configFile("Codertocat", "Hello-World", DECLARATION);
  github.createCheckRun("Codertocat", "Hello-World", 42);
  github.tree("Codertocat", "Hello-World", HEAD_SHA, treeOf(files), { headers: treeHeaders });
  github.blobs(blobsOf(files));
  github.updateCheckRun("Codertocat", "Hello-World", 42);
}

const nearPrimaryLimit = (resetAt: Date) => ({
  "x-ratelimit-remaining": "10",
  "x-ratelimit-reset": String(Math.ceil(resetAt.getTime() / 1000)),
});

test("a response near the installation's primary limit pauses its screens until the reset, for every replica", async () => {
  const resetAt = new Date(Date.now() + 15 * 60_000);
  expectTypicalScreen(nearPrimaryLimit(resetAt));
  const payload = pushToDefault();
  const installationId = payload.installation?.id ?? 0;
  await app.probot.receive({ id: "delivery-near-limit", name: "push", payload: payload as never });
  const store = jobs?.store;
  if (store === undefined) throw new Error("the App started no queue");
  await until(async () => (await store.findScreen("Codertocat/Hello-World", HEAD_SHA)) !== undefined);

  const paused = await jobs?.budget.pausedUntil(installationId);
  expect(paused?.getTime()).toBe(Math.ceil(resetAt.getTime() / 1000) * 1000);
  expect(app.logs).toContainEqual(
    expect.objectContaining({
      installation: installationId,
      msg: `installation ${installationId}: 10 GitHub requests left before its primary limit; its screens wait until ${paused?.toISOString()}`,
    }),
  );
}, 180_000);

test("a pause the store cannot note is a logged warning, and the screen still completes", async () => {
  expectTypicalScreen(nearPrimaryLimit(new Date(Date.now() + 15 * 60_000)));
  const budget = jobs?.budget;
  const store = jobs?.store;
  if (budget === undefined || store === undefined) throw new Error("the App started no queue");
  budget.pauseUntil = async () => {
    throw new Error("store unreachable");
  };
  await app.probot.receive({ id: "delivery-unnoted-pause", name: "push", payload: pushToDefault() as never });
  await until(async () => (await store.findScreen("Codertocat/Hello-World", HEAD_SHA)) !== undefined);
  expect(app.logs).toContainEqual(
    expect.objectContaining({
      error: "store unreachable",
      msg: "Could not note the installation's pause in the store; its screens go on until GitHub refuses them",
    }),
  );
  expect(github.bodies("PATCH", /check-runs\/42$/)).toHaveLength(1);
}, 180_000);
