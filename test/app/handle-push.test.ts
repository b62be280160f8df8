import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { createTestApp, type TestApp } from "../helpers/create-test-app.js";
import { example, type Payload } from "../helpers/webhook-examples.js";
import { blobsOf, DECLARATION, HEAD_SHA, treeOf, typicalFiles } from "../helpers/typical-repository.js";

const pushToDefault = () =>
  example("push", (payload) => payload.ref === "refs/heads/master" && payload.installation !== undefined);

let github: GitHubMock;
let app: TestApp;

beforeEach(async () => {
  github = createGitHubMock();
  app = await createTestApp();
});
afterEach(() => github.verify());

test("a push to the default branch screens the commit and completes a check run", async () => {
  const files = typicalFiles();
  github.installationToken(1);
  github.configFile("Codertocat", "Hello-World", DECLARATION);
  github.createCheckRun("Codertocat", "Hello-World", 42);
  github.tree("Codertocat", "Hello-World", HEAD_SHA, treeOf(files));
  github.blobs(blobsOf(files));
  github.updateCheckRun("Codertocat", "Hello-World", 42);

  await app.probot.receive({ id: "delivery-1", name: "push", payload: pushToDefault() as never });

  const [create] = github.bodies("POST", /check-runs$/);
  expect(create).toEqual({
    name: "DPG Standard",
    head_sha: HEAD_SHA,
    status: "in_progress",
    started_at: "2026-11-28T12:00:00.000Z",
  });
  const [complete] = github.bodies("PATCH", /check-runs\/42$/) as Payload[];
  expect(complete?.["status"]).toBe("completed");
  // The rendered output is snapshotted in test/reporters/check-run.test.ts with a fixed report;
  // here the indicators' live answers may change, so only the request's shape is pinned.
  expect(Object.keys(complete ?? {}).sort()).toEqual(["actions", "completed_at", "conclusion", "output", "status"]);
  expect(complete?.["output"]?.["title"]).toMatch(/^\d+ of 11 met/);
  expect(complete?.["output"]?.["summary"]).toContain("| Status | Indicator | Finding |");
  expect(complete?.["output"]?.["text"]).toContain(
    `https://github.com/Codertocat/Hello-World/blob/${HEAD_SHA}/LICENSE#L`,
  );
  expect(complete?.["actions"]).toMatchSnapshot();
  const line = app.logs.find((entry) => entry["repository"] === "Codertocat/Hello-World");
  expect(line).toMatchObject({ commit: HEAD_SHA, deliveryId: "delivery-1", status: "screened", githubRequests: 5 });
  expect(JSON.stringify(app.logs)).not.toContain("test-installation-token");
});

test("a push to another branch or a tag does nothing", async () => {
  const payload = pushToDefault();
  payload.ref = "refs/heads/feature";
  await app.probot.receive({ id: "delivery-2", name: "push", payload: payload as never });
  const tag = example("push", (candidate) => candidate.ref === "refs/tags/simple-tag" && candidate.deleted === false);
  await app.probot.receive({ id: "delivery-3", name: "push", payload: tag as never });
});
