import { Probot } from "probot";
import { createInstallationOctokit, isRestWrite, paceWrites } from "../../src/github/installation-octokit.js";
import { testPrivateKey } from "../helpers/create-test-app.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";

let github: GitHubMock;
beforeEach(() => {
  github = createGitHubMock();
});
afterEach(() => github.verify());

/** A pacer that lets everything through and records which installation each write waited for. */
function recordingPacer() {
  const waited: string[] = [];
  return {
    waited,
    key: (id = "") => ({
      schedule: (task: () => Promise<unknown>) => {
        waited.push(id);
        return task();
      },
    }),
  };
}

async function installationClient(pacer: ReturnType<typeof recordingPacer>) {
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    secret: "test",
    logLevel: "fatal",
    Octokit: createInstallationOctokit(pacer as never).defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
    })),
  });
  github.installationToken(42);
  return probot.auth(42);
}

test("GraphQL reads of one installation go out together, not one at a time behind the writes", async () => {
  const pacer = recordingPacer();
  const octokit = await installationClient(pacer);
  // Ten at once is the throttling plugin's cap on requests in flight. Probot's own settings space
  // GraphQL queries a second apart, so the tenth would leave after nine seconds, past the test's
  // time limit (4 s here, however loaded the machine: unpaced they all leave at once).
  github.heldGraphql(10);
  await Promise.all(Array.from({ length: 10 }, () => octokit.graphql("query { viewer { login } }")));
  expect(pacer.waited).toEqual([]);
}, 4_000);

test("check-run writes wait for the installation's write slot; reads do not", async () => {
  const pacer = recordingPacer();
  const octokit = await installationClient(pacer);
  github.createCheckRun("o", "r", 7);
  github.updateCheckRun("o", "r", 7);
  github.reply("GET", "/repos/o/r", 200, { full_name: "o/r" });
  await octokit.request("POST /repos/{owner}/{repo}/check-runs", { owner: "o", repo: "r", name: "x", head_sha: "a" });
  await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    owner: "o",
    repo: "r",
    check_run_id: 7,
    status: "completed",
  });
  await octokit.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" });
  expect(pacer.waited).toEqual(["42", "42"]);
});

test("a REST write is a non-GET request that is neither GraphQL nor a token request", () => {
  expect(isRestWrite("POST", "/repos/o/r/check-runs")).toBe(true);
  expect(isRestWrite("PATCH", "/repos/o/r/check-runs/1")).toBe(true);
  expect(isRestWrite("GET", "/repos/o/r")).toBe(false);
  expect(isRestWrite("POST", "/graphql")).toBe(false);
  // GitHub Enterprise Server: GraphQL at /api/graphql, REST under /api/v3.
  expect(isRestWrite("POST", "https://ghe.example/api/graphql")).toBe(false);
  expect(isRestWrite("POST", "https://ghe.example/api/v3/repos/o/r/check-runs")).toBe(true);
  expect(isRestWrite("POST", "/app/installations/1/access_tokens")).toBe(false);
});

test("the App's own client (no installation id) is not paced at all", () => {
  const hooks: unknown[] = [];
  paceWrites({ hook: { before: (_name, hook) => hooks.push(hook) } }, {}, recordingPacer() as never);
  expect(hooks).toEqual([]);
});
