import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { createInstallationGitHub, MAX_REPOSITORY_PAGES } from "../../src/github/installation-github.js";
import type { GitHubClient } from "../../src/snapshot/github-client.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { example } from "../helpers/webhook-examples.js";

const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

let github: GitHubMock;
beforeEach(() => {
  github = createGitHubMock();
});
afterEach(() => github.verify());

/** A repository object as GitHub lists it (the push example's, with all its fields), renamed. */
function listed(fullName: string, archived: boolean): Record<string, unknown> {
  const repository = (example("push", () => true) as { repository: Record<string, unknown> }).repository;
  return { ...repository, full_name: fullName, name: fullName.split("/")[1], archived };
}

test("an installation's listing reads every page and keeps only the name and the archived flag of each repository", async () => {
  const firstPage = Array.from({ length: 100 }, (_, index) => listed(`acme/tool-${index}`, index === 3));
  expect(Object.keys(firstPage[0] ?? {}).length).toBeGreaterThan(50);
  github.reply(
    "GET",
    "/installation/repositories",
    200,
    { total_count: 101, repositories: firstPage },
    {
      query: { per_page: "100" },
    },
  );
  github.reply(
    "GET",
    "/installation/repositories",
    200,
    { total_count: 101, repositories: [listed("acme/last", false)] },
    {
      query: { per_page: "100", page: "2" },
    },
  );
  const client = new Octokit({ auth: "token", log: QUIET }) as unknown as GitHubClient;

  const repositories = await createInstallationGitHub(client, 7).listRepositories();

  expect(repositories).toHaveLength(101);
  expect(repositories[3]).toEqual({ full_name: "acme/tool-3", archived: true });
  expect(repositories[100]).toEqual({ full_name: "acme/last", archived: false });
  expect(repositories.every((repository) => Object.keys(repository).length === 2)).toBe(true);
});

test("a listing longer than the pages the App reads stops there and says how many it listed", async () => {
  github.endlessInstallationRepositories("acme", MAX_REPOSITORY_PAGES, false);
  const client = new Octokit({ auth: "token", log: QUIET }) as unknown as GitHubClient;
  const capped: number[] = [];

  const repositories = await createInstallationGitHub(client, 7).listRepositories((listed) => capped.push(listed));

  expect(repositories).toHaveLength(MAX_REPOSITORY_PAGES * 100);
  expect(capped).toEqual([MAX_REPOSITORY_PAGES * 100]);
});

test("exactly as many repositories as the pages hold is the whole listing, not a capped one", async () => {
  github.endlessInstallationRepositories("acme", MAX_REPOSITORY_PAGES, false, MAX_REPOSITORY_PAGES * 100);
  const client = new Octokit({ auth: "token", log: QUIET }) as unknown as GitHubClient;
  const capped: number[] = [];

  const repositories = await createInstallationGitHub(client, 7).listRepositories((listed) => capped.push(listed));

  expect(repositories).toHaveLength(MAX_REPOSITORY_PAGES * 100);
  expect(capped).toEqual([]);
});
