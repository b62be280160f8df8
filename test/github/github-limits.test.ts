// Issue writes within GitHub's limits: the adapter cuts a title or body GitHub would refuse,
// keeping the App's hidden state line so an unchanged result is still recognised.
import {
  capCharacters,
  capIssueBody,
  MAX_ISSUE_BODY_CHARACTERS,
  MAX_ISSUE_TITLE_CHARACTERS,
} from "../../src/github/github-limits.js";
import { createGitHubIssuesClient } from "../../src/github/issues-client.js";
import { readIssueState, renderIssueState } from "../../src/reporters/issue-state.js";
import type { GitHubClient } from "../../src/snapshot/github-client.js";

test("a body within the limit is untouched", () => {
  expect(capIssueBody("short")).toBe("short");
});

test("a body over the limit is cut, says so, and keeps its hidden state line", () => {
  const state = renderIssueState({ fingerprint: "abc", unmet: ["1"] });
  const body = `${"x".repeat(100_000)}\n${state}`;
  const capped = capIssueBody(body);
  expect(capped.length).toBeLessThanOrEqual(MAX_ISSUE_BODY_CHARACTERS);
  expect(capped).toContain("… cut here: GitHub shows at most 65,536 characters");
  expect(readIssueState(capped)).toEqual({ fingerprint: "abc", unmet: ["1"] });
});

test("a cut never splits a surrogate pair", () => {
  const capped = capCharacters("😀".repeat(200), MAX_ISSUE_TITLE_CHARACTERS);
  expect(capped.length).toBeLessThanOrEqual(MAX_ISSUE_TITLE_CHARACTERS);
  expect(capped).toBe(`${"😀".repeat(127)}…`);
});

test("the GitHub issues adapter sends titles, bodies and comments within the limits", async () => {
  const sent: Record<string, unknown>[] = [];
  const client: GitHubClient = {
    request: async (_route, parameters = {}) => {
      sent.push(parameters);
      return { status: 201, headers: {}, data: { number: 1, title: "", state: "open", html_url: "u" } };
    },
    graphql: async () => ({}),
  };
  const issues = createGitHubIssuesClient(client, { owner: "o", repo: "r" });
  const long = "y".repeat(70_000);
  await issues.createIssue({ title: "t".repeat(300), body: long, labels: ["dpg"] });
  await issues.updateIssue(1, { title: "t".repeat(300), body: long });
  await issues.createComment(1, long);
  for (const parameters of sent) {
    if (typeof parameters["title"] === "string")
      expect((parameters["title"] as string).length).toBeLessThanOrEqual(MAX_ISSUE_TITLE_CHARACTERS);
    expect((parameters["body"] as string).length).toBeLessThanOrEqual(MAX_ISSUE_BODY_CHARACTERS);
  }
  expect(sent).toHaveLength(3);
});
