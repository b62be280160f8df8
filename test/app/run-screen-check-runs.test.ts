import { Octokit } from "@octokit/rest";
import { runScreen, type ScreenRequest } from "../../src/app/run-screen.js";
import { classifyGitHubError } from "../../src/github/rate-limit.js";
import { createRepositoryGitHub } from "../../src/github/repository-github.js";
import { CHECK_RUN_NAME } from "../../src/reporters/check-run.js";
import type { GitHubClient } from "../../src/snapshot/github-client.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { blobsOf, DECLARATION, HEAD_SHA, treeOf, typicalFiles } from "../helpers/typical-repository.js";

const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const NOW = new Date("2026-11-28T12:00:00Z");
const OWNER = "acme";
const REPO = "tool";
const RUNS = `/repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/check-runs`;
const RUNS_QUERY = { check_name: CHECK_RUN_NAME, status: "in_progress", filter: "all", per_page: "100", app_id: "9" };

let github: GitHubMock;
beforeEach(() => {
  github = createGitHubMock();
});
afterEach(() => github.verify());

const request = (extra: Partial<ScreenRequest> = {}): ScreenRequest => ({
  owner: OWNER,
  repo: REPO,
  headSha: HEAD_SHA,
  metadata: { fullName: `${OWNER}/${REPO}`, private: false, fork: false, archived: false },
  trigger: "installation",
  ...extra,
});

/** What the queue passes: a 5xx or a rate limit is tried again. */
const retryLater = (error: unknown) => classifyGitHubError(error, NOW.getTime()).kind !== "permanent";
const RUN_KEY = `${OWNER}/${REPO}@${HEAD_SHA}#config`;

function dependencies(staleRunsBefore?: Date) {
  const lines: { message: string; fields: Record<string, unknown> }[] = [];
  const record = (fields: Record<string, unknown>, message: string) => lines.push({ fields, message });
  const client = new Octokit({ auth: "token", log: QUIET, request: { retries: 0 } }) as unknown as GitHubClient;
  const repository = createRepositoryGitHub(client, { owner: OWNER, repo: REPO }, { appId: 9 });
  return {
    lines,
    repository,
    value: {
      github: repository,
      log: { info: record, warn: record, error: record },
      tool: { name: "dpg-screener", version: "0.0.0-test" },
      now: () => NOW,
      ...(staleRunsBefore === undefined ? {} : { staleRunsBefore }),
    },
  };
}

function expectFiles(): void {
  const files = typicalFiles();
  github.tree(OWNER, REPO, HEAD_SHA, treeOf(files));
  github.blobs(blobsOf(files));
}

test("a bulk screen with its config read by the sweep makes three requests: the tree, the files, and one completed check run", async () => {
  expectFiles();
  github.createCheckRun(OWNER, REPO, 51);
  const screen = dependencies();
  const result = await runScreen(
    request({
      publishOnce: true,
      configFiles: {
        [`${OWNER}/${REPO}/.github/dpg.yml`]: { kind: "text", text: DECLARATION },
      },
    }),
    screen.value,
  );
  expect(result).toMatchObject({ status: "screened", checkRunId: 51 });
  expect(screen.repository.requestCount).toBe(3);
  const [created] = github.bodies("POST", /check-runs$/) as {
    status: string;
    conclusion: string;
    started_at: string;
  }[];
  expect(created).toMatchObject({ status: "completed", started_at: NOW.toISOString() });
  expect(created?.conclusion).toBeDefined();
});

test("without the sweep's reads (a push) the config is read from GitHub: the repository's file, then the organisation's", async () => {
  github.configFile(OWNER, REPO, undefined);
  github.configFile(OWNER, ".github", undefined);
  expectFiles();
  github.createCheckRun(OWNER, REPO, 52);
  github.updateCheckRun(OWNER, REPO, 52);
  const screen = dependencies();
  const result = await runScreen(request({ trigger: "push" }), screen.value);
  expect(result).toMatchObject({ status: "screened", checkRunId: 52 });
  expect(screen.repository.requestCount).toBe(6);
  expect(github.bodies("POST", /check-runs$/)).toEqual([expect.objectContaining({ status: "in_progress" })]);
});

test("a retried job takes over the run a dead process left in progress, and completes an older one naming it; no new run is opened", async () => {
  const configFiles = { [`${OWNER}/${REPO}/.github/dpg.yml`]: { kind: "text" as const, text: DECLARATION } };
  github.reply(
    "GET",
    RUNS,
    200,
    {
      total_count: 3,
      check_runs: [
        { id: 12, name: CHECK_RUN_NAME, status: "in_progress", started_at: "2026-11-28T11:40:00Z", app: { id: 9 } },
        { id: 11, name: CHECK_RUN_NAME, status: "in_progress", started_at: "2026-11-28T11:30:00Z", app: { id: 9 } },
        // Started after the cut-off: another live screen's run, never touched.
        { id: 13, name: CHECK_RUN_NAME, status: "in_progress", started_at: "2026-11-28T11:59:00Z", app: { id: 9 } },
      ],
    },
    { query: RUNS_QUERY },
  );
  github.updateCheckRun(OWNER, REPO, 11);
  expectFiles();
  github.updateCheckRun(OWNER, REPO, 12);
  const screen = dependencies(new Date("2026-11-28T11:58:00Z"));
  const result = await runScreen(request({ trigger: "push", configFiles }), screen.value);

  expect(result).toMatchObject({ status: "screened", checkRunId: 12 });
  const [older] = github.bodies("PATCH", /check-runs\/11$/) as { output: { summary: string } }[];
  expect(older?.output.summary).toContain("check run 12 screened the commit again");
  expect(github.bodies("PATCH", /check-runs\/12$/)).toEqual([expect.objectContaining({ status: "completed" })]);
  expect(github.bodies("POST", /check-runs$/)).toEqual([]);
  expect(screen.lines.map((line) => line.message)).toContain(
    `Taking over check run 12 left in progress on ${OWNER}/${REPO}@${HEAD_SHA.slice(0, 7)}`,
  );
});

test("a retried job whose look-up for stale runs fails opens its own run: a warning, not a failed screen", async () => {
  const configFiles = { [`${OWNER}/${REPO}/.github/dpg.yml`]: { kind: "text" as const, text: DECLARATION } };
  github.reply("GET", RUNS, 500, { message: "Server Error" }, { query: RUNS_QUERY });
  expectFiles();
  github.createCheckRun(OWNER, REPO, 60);
  const screen = dependencies(new Date("2026-11-28T11:58:00Z"));
  const result = await runScreen(request({ publishOnce: true, configFiles }), screen.value);
  expect(result).toMatchObject({ status: "screened", checkRunId: 60 });
  expect(
    screen.lines.find((line) => line.message === "Could not look for check runs left in progress; opening a new one")
      ?.fields,
  ).toMatchObject({
    error: expect.stringContaining("Server Error") as unknown,
  });
});

test("a bulk screen whose files cannot be read still ends with one completed run that says why", async () => {
  const configFiles = { [`${OWNER}/${REPO}/.github/dpg.yml`]: { kind: "text" as const, text: DECLARATION } };
  github.tree(OWNER, REPO, HEAD_SHA, {}, { status: 404 });
  github.createCheckRun(OWNER, REPO, 70);
  const screen = dependencies();
  const result = await runScreen(request({ publishOnce: true, configFiles }), screen.value);
  expect(result).toMatchObject({ status: "failed", checkRunId: 70 });
  const [created] = github.bodies("POST", /check-runs$/) as { status: string; output: { title: string } }[];
  expect(created).toMatchObject({ status: "completed", output: { title: "The screen could not finish" } });
});

test("a bulk screen whose file list fails on a 5xx the queue tries again writes no run at all", async () => {
  const configFiles = { [`${OWNER}/${REPO}/.github/dpg.yml`]: { kind: "text" as const, text: DECLARATION } };
  github.tree(OWNER, REPO, HEAD_SHA, {}, { status: 502 });
  const screen = dependencies();
  const result = await runScreen(request({ publishOnce: true, configFiles }), { ...screen.value, retryLater });
  expect(result).toMatchObject({
    status: "failed",
    error: expect.stringMatching(
      /^Could not list the files of acme\/tool at [0-9a-f]{40}: .*\(to be tried again\)$/,
    ) as unknown,
  });
  expect(result).not.toHaveProperty("checkRunId");
  expect(github.bodies("POST", /check-runs$/)).toEqual([]);
});

test("a screen whose run is open when a 5xx stops it leaves the run in progress, and the retry completes that run: one run for the commit", async () => {
  const configFiles = { [`${OWNER}/${REPO}/.github/dpg.yml`]: { kind: "text" as const, text: DECLARATION } };
  github.createCheckRun(OWNER, REPO, 80);
  github.tree(OWNER, REPO, HEAD_SHA, {}, { status: 503 });
  const first = dependencies();
  const failed = await runScreen(request({ trigger: "push", configFiles }), {
    ...first.value,
    retryLater,
    runKey: RUN_KEY,
  });
  expect(failed).toMatchObject({ status: "failed", openCheckRunId: 80 });
  expect(failed).not.toHaveProperty("checkRunId");
  expect(github.bodies("POST", /check-runs$/)).toEqual([
    expect.objectContaining({ status: "in_progress", external_id: RUN_KEY }),
  ]);
  expect(github.bodies("PATCH", /check-runs\/80$/)).toEqual([]);

  // The retry: the run started after the cut-off for dead processes, but it carries the job's key.
  github.reply(
    "GET",
    RUNS,
    200,
    {
      total_count: 2,
      check_runs: [
        {
          id: 80,
          name: CHECK_RUN_NAME,
          status: "in_progress",
          started_at: NOW.toISOString(),
          external_id: RUN_KEY,
          app: { id: 9 },
        },
        // Another job's live run of the same commit: never touched.
        {
          id: 81,
          name: CHECK_RUN_NAME,
          status: "in_progress",
          started_at: NOW.toISOString(),
          external_id: `${RUN_KEY}-other`,
          app: { id: 9 },
        },
      ],
    },
    { query: RUNS_QUERY },
  );
  expectFiles();
  github.updateCheckRun(OWNER, REPO, 80);
  const retry = dependencies(new Date(NOW.getTime() - 120_000));
  const result = await runScreen(request({ trigger: "push", configFiles }), {
    ...retry.value,
    retryLater,
    runKey: RUN_KEY,
  });
  expect(result).toMatchObject({ status: "screened", checkRunId: 80 });
  expect(github.bodies("POST", /check-runs$/)).toHaveLength(1);
  expect(github.bodies("PATCH", /check-runs\/80$/)).toEqual([expect.objectContaining({ status: "completed" })]);
});

test("a 5xx the queue does not try again (its retries are spent) still completes the open run with the reason", async () => {
  const configFiles = { [`${OWNER}/${REPO}/.github/dpg.yml`]: { kind: "text" as const, text: DECLARATION } };
  github.createCheckRun(OWNER, REPO, 90);
  github.tree(OWNER, REPO, HEAD_SHA, {}, { status: 502 });
  github.updateCheckRun(OWNER, REPO, 90);
  const screen = dependencies();
  const result = await runScreen(request({ trigger: "push", configFiles }), {
    ...screen.value,
    retryLater: () => false,
    runKey: RUN_KEY,
  });
  expect(result).toMatchObject({ status: "failed", checkRunId: 90 });
  expect(github.bodies("PATCH", /check-runs\/90$/)).toEqual([
    expect.objectContaining({
      status: "completed",
      output: expect.objectContaining({ title: "The screen could not finish" }) as unknown,
    }),
  ]);
});

test("a screen of a commit whose earlier screen failed completes that error run again: no second run", async () => {
  const configFiles = { [`${OWNER}/${REPO}/.github/dpg.yml`]: { kind: "text" as const, text: DECLARATION } };
  expectFiles();
  github.updateCheckRun(OWNER, REPO, 95);
  const screen = dependencies();
  const result = await runScreen(request({ publishOnce: true, configFiles }), { ...screen.value, failedRun: 95 });
  expect(result).toMatchObject({ status: "screened", checkRunId: 95 });
  expect(github.bodies("POST", /check-runs$/)).toEqual([]);
  const [completed] = github.bodies("PATCH", /check-runs\/95$/) as { status: string; output: { title: string } }[];
  expect(completed?.status).toBe("completed");
  expect(completed?.output.title).not.toBe("The screen could not finish");
});

test("a config that cannot be read for good, on a commit whose earlier screen failed, completes that run again", async () => {
  // A 401 is no rate limit and no 5xx: a lasting failure.
  github.configFile(OWNER, REPO, undefined, { status: 401 });
  github.updateCheckRun(OWNER, REPO, 96);
  const screen = dependencies();
  const result = await runScreen(request({ trigger: "push" }), { ...screen.value, failedRun: 96 });
  expect(result).toMatchObject({ status: "failed", checkRunId: 96 });
  expect(github.bodies("POST", /check-runs$/)).toEqual([]);
  expect(github.bodies("PATCH", /check-runs\/96$/)).toEqual([
    expect.objectContaining({
      status: "completed",
      output: expect.objectContaining({ title: "The screen could not finish" }) as unknown,
    }),
  ]);
});
