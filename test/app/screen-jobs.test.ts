import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { JobServices } from "../../src/app/screen-jobs.js";
import type { JobSettings } from "../../src/app/start-jobs.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { createTestApp, type TestApp } from "../helpers/create-test-app.js";
import { example } from "../helpers/webhook-examples.js";
import { blobsOf, DECLARATION, HEAD_SHA, treeOf, typicalFiles } from "../helpers/typical-repository.js";

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
