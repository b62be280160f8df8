import { decideIssuePlan } from "../../src/github/ensure-screen-issues.js";
import { createGitHubIssuesClient } from "../../src/github/issues-client.js";
import { APP_SETTINGS_DEFAULTS } from "../../src/declaration/app-settings-schema.js";
import type { GitHubClient } from "../../src/snapshot/github-client.js";

const config = (
  mode: "off" | "tracking" | "per-indicator" | undefined,
  optIn: { file?: boolean; organization?: boolean } = {},
) => ({
  settings: { ...APP_SETTINGS_DEFAULTS, issues: { mode, label: "dpg-screener" } },
  hasRepositoryFile: optIn.file ?? false,
  organizationSetsIssuesMode: optIn.organization ?? false,
});
const push = { fixIssuesRequested: false, defaultBranch: true };

describe("decideIssuePlan", () => {
  test.each([
    // Not opted in: nothing is ever opened, but fix issues opened with the button still close when met.
    ["not opted in", config(undefined), push, { mode: undefined, tracking: false, fixIssues: "sync" }],
    [
      "not opted in, a pull request's commit",
      config(undefined),
      { fixIssuesRequested: false, defaultBranch: false },
      { mode: undefined, tracking: false, fixIssues: "none" },
    ],
    [
      "own file without a mode",
      config(undefined, { file: true }),
      push,
      { mode: "tracking", tracking: true, fixIssues: "sync" },
    ],
    [
      "organisation sets the mode",
      config("tracking", { organization: true }),
      push,
      { mode: "tracking", tracking: true, fixIssues: "sync" },
    ],
    [
      "per-indicator",
      config("per-indicator", { file: true }),
      push,
      { mode: "per-indicator", tracking: true, fixIssues: "create" },
    ],
    ["off", config("off", { file: true }), push, { mode: "off", tracking: false, fixIssues: "none" }],
    [
      "a pull request's commit",
      config("tracking", { file: true }),
      { fixIssuesRequested: false, defaultBranch: false },
      { mode: "tracking", tracking: false, fixIssues: "none" },
    ],
    [
      "not opted in, and the store knows the button was never pressed here",
      config(undefined),
      { ...push, mayHaveFixIssues: false },
      { mode: undefined, tracking: false, fixIssues: "none" },
    ],
    [
      "not opted in, the button pressed here before",
      config(undefined),
      { ...push, mayHaveFixIssues: true },
      { mode: undefined, tracking: false, fixIssues: "sync" },
    ],
    [
      "opted in: the store's knowledge of the button does not matter",
      config(undefined, { file: true }),
      { ...push, mayHaveFixIssues: false },
      { mode: "tracking", tracking: true, fixIssues: "sync" },
    ],
    [
      "the button, not opted in",
      config(undefined),
      { fixIssuesRequested: true, defaultBranch: true },
      { mode: undefined, tracking: false, fixIssues: "create" },
    ],
    [
      "the button on a pull request, opted in",
      config("tracking"),
      { fixIssuesRequested: true, defaultBranch: false },
      { mode: "tracking", tracking: false, fixIssues: "create" },
    ],
  ] as const)("%s", (_name, loaded, request, plan) => {
    expect(decideIssuePlan(loaded, request)).toEqual(plan);
  });
});

describe("createGitHubIssuesClient", () => {
  const issue = (number: number, extra: Record<string, unknown> = {}) => ({
    number,
    title: `#${number}`,
    body: null,
    state: "open",
    state_reason: null,
    html_url: `u${number}`,
    ...extra,
  });

  test("lists every page, drops pull requests, and maps fields", async () => {
    const requests: Record<string, unknown>[] = [];
    const pages = [
      Array.from({ length: 100 }, (_, index) => issue(index + 1)),
      [issue(101, { pull_request: {} }), issue(102, { state: "closed", state_reason: "not_planned", body: "b" })],
    ];
    const client: GitHubClient = {
      request: async (_route, parameters = {}) => {
        requests.push(parameters);
        return { status: 200, headers: {}, data: pages[(parameters["page"] as number) - 1] ?? [] };
      },
      graphql: async () => ({}),
    };
    const listed = await createGitHubIssuesClient(client, { owner: "o", repo: "r" }).listIssues({
      label: "dpg-screener",
      creator: "app[bot]",
    });
    expect(listed).toHaveLength(101);
    expect(listed.at(-1)).toEqual({
      number: 102,
      title: "#102",
      body: "b",
      state: "closed",
      stateReason: "not_planned",
      url: "u102",
    });
    expect(requests.map((request) => request["page"])).toEqual([1, 2]);
    expect(requests[0]).toMatchObject({ labels: "dpg-screener", state: "all", creator: "app[bot]", per_page: 100 });
  });

  test("an existing label (422) is fine; other label errors surface", async () => {
    let status = 422;
    const client: GitHubClient = {
      request: () => Promise.reject(Object.assign(new Error("x"), { status })),
      graphql: async () => ({}),
    };
    const issues = createGitHubIssuesClient(client, { owner: "o", repo: "r" });
    await expect(issues.ensureLabel("dpg-screener")).resolves.toBeUndefined();
    status = 500;
    await expect(issues.ensureLabel("dpg-screener")).rejects.toMatchObject({ status: 500 });
  });

  test("sends state_reason in GitHub's spelling", async () => {
    const seen: Record<string, unknown>[] = [];
    const client: GitHubClient = {
      request: async (_route, parameters = {}) => (seen.push(parameters), { status: 200, headers: {}, data: issue(1) }),
      graphql: async () => ({}),
    };
    await createGitHubIssuesClient(client, { owner: "o", repo: "r" }).updateIssue(1, {
      state: "closed",
      stateReason: "completed",
    });
    expect(seen[0]).toEqual({ owner: "o", repo: "r", issue_number: 1, state: "closed", state_reason: "completed" });
  });
});
