import { Probot } from "probot";
import {
  createInstallationOctokit,
  isRestWrite,
  paceWrites,
  shareWritePace,
  type SharedWritePace,
} from "../../src/github/installation-octokit.js";
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

async function installationClient(
  pacer: ReturnType<typeof recordingPacer>,
  retry: Record<string, unknown> = { enabled: false },
) {
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    secret: "test",
    logLevel: "fatal",
    Octokit: createInstallationOctokit(pacer as never).defaults((options: Record<string, unknown>) => ({
      ...options,
      retry,
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

test("a write is paced once, however often it is retried, and a retried request does not let later writes skip their slot", async () => {
  const pacer = recordingPacer();
  const octokit = await installationClient(pacer, { enabled: true, retryAfterBaseValue: 1 });
  // The retry plugin marks `retryCount` on request options the client's requests share: a read
  // retried once used to make every later write of that client look like a retry, unpaced.
  github.reply("GET", "/repos/o/r", 502, { message: "Server Error" });
  github.reply("GET", "/repos/o/r", 200, { full_name: "o/r" });
  await octokit.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" });
  github.createCheckRun("o", "r", 7, { status: 502 });
  github.createCheckRun("o", "r", 7);
  await octokit.request("POST /repos/{owner}/{repo}/check-runs", { owner: "o", repo: "r", name: "x", head_sha: "a" });
  github.updateCheckRun("o", "r", 7);
  await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    owner: "o",
    repo: "r",
    check_run_id: 7,
    status: "completed",
  });
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

test("a write also waits for the replicas' shared slot; a store that cannot be asked is reported and the write goes out", async () => {
  type Hook = (options: { method?: string; url?: string }) => Promise<void>;
  const hooks: Hook[] = [];
  const client = { hook: { before: (_name: "request", hook: Hook) => hooks.push(hook) } };
  const asked: string[] = [];
  const warnings: { fields: Record<string, unknown>; message: string }[] = [];
  let failing = false;
  const pace: SharedWritePace = {};
  const unshare = shareWritePace(
    async (installationId) => {
      asked.push(installationId);
      if (failing) throw new Error("store unreachable");
      return 150;
    },
    { warn: (fields, message) => warnings.push({ fields, message }) },
    pace,
  );
  paceWrites(client, { throttle: { id: "42" } }, recordingPacer() as never, pace);
  const [hook] = hooks;
  if (hook === undefined) throw new Error("no hook registered");
  const started = Date.now();
  await hook({ method: "POST", url: "/repos/o/r/check-runs" });
  expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  await hook({ method: "GET", url: "/repos/o/r" });
  expect(asked).toEqual(["42"]);
  failing = true;
  await hook({ method: "PATCH", url: "/repos/o/r/check-runs/1" });
  expect(warnings).toEqual([
    {
      fields: { error: "store unreachable" },
      message: "Could not reserve a check-run write slot in the store; the write goes out on this process's own pace",
    },
  ]);
  // Disconnected (the store is closing): writes keep the process's own pace only.
  unshare();
  await hook({ method: "POST", url: "/repos/o/r/check-runs" });
  expect(asked).toHaveLength(2);
});
