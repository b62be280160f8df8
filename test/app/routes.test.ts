// Webhook payloads from @octokit/webhooks-examples through probot.receive(): every trigger,
// dedupe, skipping, fork pull requests, invalid config and a screen that throws.
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { createTestApp, type TestApp } from "../helpers/create-test-app.js";
import { example } from "../helpers/webhook-examples.js";
import { blobsOf, DECLARATION, HEAD_SHA, treeOf, typicalFiles } from "../helpers/typical-repository.js";

let github: GitHubMock;
let app: TestApp;

beforeEach(async () => {
  github = createGitHubMock();
  app = await createTestApp();
});
afterEach(() => github.verify());

const OWNER = "Codertocat";
const REPO = "Hello-World";

function expectFullScreen(
  sha: string,
  files = typicalFiles(),
  config: string | undefined = DECLARATION,
  checkRunId = 7,
): void {
  github.configFile(OWNER, REPO, config);
  if (config === undefined) github.configFile(OWNER, ".github", undefined);
  github.createCheckRun(OWNER, REPO, checkRunId);
  github.tree(OWNER, REPO, sha, treeOf(files));
  github.blobs(blobsOf(files));
  github.updateCheckRun(OWNER, REPO, checkRunId);
}

function screenLines(): Record<string, unknown>[] {
  return app.logs.filter((entry) => typeof entry["status"] === "string" && "githubRequests" in entry);
}

test("check_suite.requested screens the suite's head commit", async () => {
  const payload = example("check_suite", (candidate) => candidate.action === "requested");
  const sha = payload.check_suite.head_sha as string;
  github.installationToken(payload.installation.id);
  expectFullScreen(sha);
  await app.probot.receive({ id: "suite-1", name: "check_suite", payload: payload as never });
  expect(github.bodies("POST", /check-runs$/)).toEqual([
    expect.objectContaining({ head_sha: sha, name: "DPG Standard" }),
  ]);
});

test("two events for one commit and config make one screen: push and check_suite at once, then again later", async () => {
  const push = example(
    "push",
    (candidate) => candidate.ref === "refs/heads/master" && candidate.installation !== undefined,
  );
  const suite = example("check_suite", (candidate) => candidate.action === "requested");
  suite.check_suite.head_sha = HEAD_SHA;
  suite.installation.id = push.installation.id;
  github.installationToken(push.installation.id);
  expectFullScreen(HEAD_SHA);
  await Promise.all([
    app.probot.receive({ id: "push-1", name: "push", payload: push as never }),
    app.probot.receive({ id: "suite-2", name: "check_suite", payload: suite as never }),
  ]);
  // A later redelivery reloads the config only, sees it unchanged, and reuses the screen.
  github.configFile(OWNER, REPO, DECLARATION);
  await app.probot.receive({ id: "push-1-again", name: "push", payload: push as never });
  expect(github.bodies("POST", /check-runs$/)).toHaveLength(1);
  expect(screenLines().map((line) => line["reused"])).toEqual([false, true]);
});

test("a changed config screens the same commit again", async () => {
  const push = example(
    "push",
    (candidate) => candidate.ref === "refs/heads/master" && candidate.installation !== undefined,
  );
  github.installationToken(push.installation.id);
  expectFullScreen(HEAD_SHA, typicalFiles(), DECLARATION, 7);
  await app.probot.receive({ id: "push-a", name: "push", payload: push as never });
  expectFullScreen(HEAD_SHA, typicalFiles(), `${DECLARATION}screen:\n  forks: true\n`, 8);
  await app.probot.receive({ id: "push-b", name: "push", payload: push as never });
  expect(github.bodies("POST", /check-runs$/)).toHaveLength(2);
});

test("check_run.rerequested screens again even when the result is remembered", async () => {
  const payload = example("check_run", (candidate) => candidate.action === "rerequested");
  const sha = payload.check_run.head_sha as string;
  const [owner, repo] = (payload.repository.full_name as string).split("/") as [string, string];
  github.installationToken(payload.installation.id);
  for (const id of [1, 2]) {
    github.configFile(owner, repo, DECLARATION);
    github.createCheckRun(owner, repo, id);
    github.tree(owner, repo, sha, treeOf(typicalFiles()));
    github.blobs(blobsOf(typicalFiles()));
    github.updateCheckRun(owner, repo, id);
    await app.probot.receive({ id: `rerun-${id}`, name: "check_run", payload: payload as never });
  }
  expect(github.bodies("POST", /check-runs$/)).toHaveLength(2);
});

test("a pull request from a fork gets its run in the base repository, at the head SHA", async () => {
  // Adapted from the "opened" example: GitHub sends the fork as head.repo; only these fields change.
  const payload = example(
    "pull_request",
    (candidate) => candidate.action === "opened" && candidate.installation !== undefined,
  );
  payload.pull_request.head.sha = "f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed";
  payload.pull_request.head.repo = {
    ...payload.pull_request.head.repo,
    full_name: "contributor/Hello-World",
    fork: true,
    owner: { ...payload.pull_request.head.repo.owner, login: "contributor" },
  };
  github.installationToken(payload.installation.id);
  expectFullScreen("f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed");
  await app.probot.receive({ id: "pr-1", name: "pull_request", payload: payload as never });
  expect(github.bodies("POST", /repos\/Codertocat\/Hello-World\/check-runs$/)).toEqual([
    expect.objectContaining({ head_sha: "f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed" }),
  ]);
});

test("an archived repository is not screened and GitHub is not called at all", async () => {
  const payload = example("check_suite", (candidate) => candidate.action === "requested");
  payload.repository.archived = true;
  await app.probot.receive({ id: "archived", name: "check_suite", payload: payload as never });
  expect(screenLines()).toEqual([
    expect.objectContaining({ status: "skipped", reason: "the repository is archived", githubRequests: 0 }),
  ]);
});

test("forks and private repositories are skipped after reading the config, unless it opts in", async () => {
  const payload = example("check_suite", (candidate) => candidate.action === "requested");
  payload.repository.private = true;
  github.installationToken(payload.installation.id);
  github.configFile(OWNER, REPO, undefined);
  github.configFile(OWNER, ".github", "issues:\n  mode: tracking\n");
  await app.probot.receive({ id: "private", name: "check_suite", payload: payload as never });
  expect(screenLines()).toEqual([
    expect.objectContaining({
      status: "skipped",
      reason: "the repository is private (set screen.private: true to screen it)",
    }),
  ]);

  const fork = example("check_suite", (candidate) => candidate.action === "requested");
  fork.repository.fork = true;
  github.configFile(OWNER, REPO, "screen:\n  forks: true\n");
  github.createCheckRun(OWNER, REPO, 9);
  github.tree(OWNER, REPO, fork.check_suite.head_sha, treeOf(typicalFiles()));
  github.blobs(blobsOf(typicalFiles()));
  github.updateCheckRun(OWNER, REPO, 9);
  await app.probot.receive({ id: "fork", name: "check_suite", payload: fork as never });
  expect(screenLines()[1]).toMatchObject({ status: "screened" });
});

test("a fork is skipped by default", async () => {
  const payload = example("check_suite", (candidate) => candidate.action === "requested");
  payload.repository.fork = true;
  github.installationToken(payload.installation.id);
  github.configFile(OWNER, REPO, DECLARATION);
  await app.probot.receive({ id: "fork-default", name: "check_suite", payload: payload as never });
  expect(screenLines()).toEqual([
    expect.objectContaining({
      status: "skipped",
      reason: "the repository is a fork (set screen.forks: true to screen it)",
    }),
  ]);
});

test("an invalid .github/dpg.yml fails the run, lists each error with its line, annotates the file, and the screen still runs", async () => {
  const payload = example("check_suite", (candidate) => candidate.action === "requested");
  const invalid = "check:\n  failOn: sometimes\nsdgs:\n  - number: 42\n";
  github.installationToken(payload.installation.id);
  expectFullScreen(payload.check_suite.head_sha, typicalFiles({ ".github/dpg.yml": invalid }), invalid);
  await app.probot.receive({ id: "invalid", name: "check_suite", payload: payload as never });
  const [complete] = github.bodies("PATCH", /check-runs\/7$/) as {
    conclusion: string;
    output: { title: string; summary: string; annotations: { path: string; start_line: number }[] };
  }[];
  expect(complete?.conclusion).toBe("failure");
  expect(complete?.output.title).toContain("invalid .github/dpg.yml");
  expect(complete?.output.summary).toContain("line 2: `check.failOn`: must be one of: fail, never");
  expect(complete?.output.summary).toContain("line 4: `sdgs.0.number`");
  expect(
    complete?.output.annotations
      .filter((annotation) => annotation.path === ".github/dpg.yml")
      .map((annotation) => annotation.start_line),
  ).toEqual([2, 4]);
  expect(complete?.output.summary).toContain("| Status | Indicator | Finding |");
});

test("an invalid organisation config is listed with a link, since it cannot be annotated here", async () => {
  const payload = example("check_suite", (candidate) => candidate.action === "requested");
  const files = typicalFiles();
  delete files[".github/dpg.yml"];
  github.installationToken(payload.installation.id);
  github.configFile(OWNER, REPO, undefined);
  github.configFile(OWNER, ".github", "issues:\n  mode: always\n");
  github.createCheckRun(OWNER, REPO, 7);
  github.tree(OWNER, REPO, payload.check_suite.head_sha, treeOf(files));
  github.blobs(blobsOf(files));
  github.updateCheckRun(OWNER, REPO, 7);
  await app.probot.receive({ id: "org-invalid", name: "check_suite", payload: payload as never });
  const [complete] = github.bodies("PATCH", /check-runs\/7$/) as { conclusion: string; output: { summary: string } }[];
  expect(complete?.conclusion).toBe("failure");
  expect(complete?.output.summary).toContain(
    "[Codertocat/.github/.github/dpg.yml](https://github.com/Codertocat/.github/blob/HEAD/.github/dpg.yml) line 2: `issues.mode`: must be one of: off, tracking, per-indicator",
  );
});

test("_extends in the repository's file is followed for the settings, and the screen does not call it an unknown key", async () => {
  const payload = example("check_suite", (candidate) => candidate.action === "requested");
  const declaration = DECLARATION.replace("failOn: fail", "failOn: never") + "_extends: shared-settings\n";
  github.installationToken(payload.installation.id);
  github.configFile(OWNER, REPO, declaration);
  github.configFile(OWNER, "shared-settings", "screen:\n  forks: true\n");
  github.createCheckRun(OWNER, REPO, 7);
  const files = typicalFiles({ ".github/dpg.yml": declaration, LICENSE: "no licence here\n" });
  github.tree(OWNER, REPO, payload.check_suite.head_sha, treeOf(files));
  github.blobs(blobsOf(files));
  github.updateCheckRun(OWNER, REPO, 7);
  await app.probot.receive({ id: "extends", name: "check_suite", payload: payload as never });
  const [complete] = github.bodies("PATCH", /check-runs\/7$/) as {
    conclusion: string;
    output: { title: string; summary: string };
  }[];
  expect(complete?.output.summary).not.toContain("_extends");
  expect(complete?.output.title).not.toContain("invalid");
  // failOn: never holds: a failing row makes the run neutral, not failed.
  expect(complete?.conclusion).toBe("neutral");
});

test("an _extends that points nowhere is said in the check run, though the file is the repository's own", async () => {
  const payload = example("check_suite", (candidate) => candidate.action === "requested");
  const declaration = `${DECLARATION}_extends: gone\n`;
  github.installationToken(payload.installation.id);
  github.configFile(OWNER, REPO, declaration);
  github.configFile(OWNER, "gone", undefined);
  github.createCheckRun(OWNER, REPO, 7);
  const files = typicalFiles({ ".github/dpg.yml": declaration });
  github.tree(OWNER, REPO, payload.check_suite.head_sha, treeOf(files));
  github.blobs(blobsOf(files));
  github.updateCheckRun(OWNER, REPO, 7);
  await app.probot.receive({ id: "extends-gone", name: "check_suite", payload: payload as never });
  const [complete] = github.bodies("PATCH", /check-runs\/7$/) as { conclusion: string; output: { summary: string } }[];
  expect(complete?.output.summary).toContain(
    "_extends: gone points to a file that does not exist or is not accessible",
  );
  expect(complete?.conclusion).toBe("failure");
});

test("a .github/dpg.yml over the cap is not read: the check run says so and the App uses its defaults", async () => {
  const payload = example("check_suite", (candidate) => candidate.action === "requested");
  const huge = `# ${"x".repeat(600 * 1024)}\n`;
  github.installationToken(payload.installation.id);
  github.configFile(OWNER, REPO, huge, { chunked: true });
  github.createCheckRun(OWNER, REPO, 7);
  const files = typicalFiles();
  github.tree(OWNER, REPO, payload.check_suite.head_sha, {
    ...treeOf(files),
    ".github/dpg.yml": Buffer.byteLength(huge),
  });
  github.blobs(blobsOf(files));
  github.updateCheckRun(OWNER, REPO, 7);
  await app.probot.receive({ id: "huge", name: "check_suite", payload: payload as never });
  const [complete] = github.bodies("PATCH", /check-runs\/7$/) as { conclusion: string; output: { summary: string } }[];
  expect(complete?.output.summary).toContain(
    "the file is larger than the 512 KiB cap and was not read, so the App used its default settings",
  );
  // The screen's own read of the file (from the tree size, never downloaded) says the same.
  expect(complete?.output.summary).toContain("the file is 600 KiB, over the 512 KiB cap and was not read");
  expect(complete?.conclusion).toBe("failure");
});

test("a screen that throws completes the run with the error instead of leaving it in progress", async () => {
  const payload = example("check_suite", (candidate) => candidate.action === "requested");
  github.installationToken(payload.installation.id);
  github.configFile(OWNER, REPO, DECLARATION);
  github.createCheckRun(OWNER, REPO, 7);
  github.tree(OWNER, REPO, payload.check_suite.head_sha, {}, { status: 500 });
  github.updateCheckRun(OWNER, REPO, 7);
  await app.probot.receive({ id: "broken", name: "check_suite", payload: payload as never });
  const [complete] = github.bodies("PATCH", /check-runs\/7$/) as {
    status: string;
    conclusion: string;
    output: { title: string; summary: string };
  }[];
  expect(complete).toMatchObject({
    status: "completed",
    conclusion: "neutral",
    output: { title: "The screen could not finish" },
  });
  expect(complete?.output.summary).toContain(
    `Could not list the files of Codertocat/Hello-World at ${payload.check_suite.head_sha}`,
  );
  expect(screenLines()).toEqual([expect.objectContaining({ status: "failed" })]);
});

test("when even the error cannot be written to the run, that is logged and the screen is reported failed", async () => {
  const payload = example("check_suite", (candidate) => candidate.action === "requested");
  github.installationToken(payload.installation.id);
  github.configFile(OWNER, REPO, DECLARATION);
  github.createCheckRun(OWNER, REPO, 7);
  github.tree(OWNER, REPO, payload.check_suite.head_sha, {}, { status: 500 });
  github.updateCheckRun(OWNER, REPO, 7, 1, { status: 422 });
  await app.probot.receive({ id: "broken-twice", name: "check_suite", payload: payload as never });
  expect(app.logs.find((line) => line["msg"] === "Could not report the failed screen on its check run")).toMatchObject({
    level: 50,
    repository: `${OWNER}/${REPO}`,
    commit: payload.check_suite.head_sha,
    error: expect.stringContaining("Could not complete check run 7 on Codertocat/Hello-World") as unknown,
  });
  expect(screenLines()).toEqual([
    expect.objectContaining({
      status: "failed",
      error: expect.stringContaining("Could not list the files") as unknown,
    }),
  ]);
});

test("a config that cannot be read still completes a run saying why", async () => {
  const payload = example("check_suite", (candidate) => candidate.action === "requested");
  github.installationToken(payload.installation.id);
  github.configFile(OWNER, REPO, undefined, { status: 500 });
  github.createCheckRun(OWNER, REPO, 7);
  github.updateCheckRun(OWNER, REPO, 7);
  await app.probot.receive({ id: "config-500", name: "check_suite", payload: payload as never });
  const [complete] = github.bodies("PATCH", /check-runs\/7$/) as { output: { summary: string } }[];
  expect(complete?.output.summary).toContain("Could not read .github/dpg.yml from Codertocat/Hello-World");
});

test("a check run GitHub refuses to create is logged as a failed screen", async () => {
  const payload = example("check_suite", (candidate) => candidate.action === "requested");
  github.installationToken(payload.installation.id);
  github.configFile(OWNER, REPO, undefined);
  github.configFile(OWNER, ".github", undefined);
  github.createCheckRun(OWNER, REPO, 7, { status: 403 });
  await app.probot.receive({ id: "forbidden", name: "check_suite", payload: payload as never });
  expect(screenLines()).toEqual([
    expect.objectContaining({
      status: "failed",
      error: expect.stringContaining("Could not create the check run on Codertocat/Hello-World"),
    }),
  ]);
});
