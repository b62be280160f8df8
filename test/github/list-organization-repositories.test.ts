import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import {
  listOrganizationRepositories,
  MAX_REPOSITORY_PAGES,
  REPOSITORIES_PER_PAGE,
} from "../../src/github/list-organization-repositories.js";
import type { GitHubClient } from "../../src/snapshot/github-client.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";

const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const INCLUDE = { archived: false, forks: false };

let github: GitHubMock;
beforeEach(() => {
  github = createGitHubMock();
});
afterEach(() => github.verify());

/** Every page GitHub would send for an organisation that fills all the pages read; `next` links one more. */
function fullPages(next: boolean) {
  const page = Array.from({ length: REPOSITORIES_PER_PAGE }, (_, index) => ({ full_name: `octo-org/repo-${index}` }));
  github.reply("GET", "/orgs/octo-org/repos", 200, page, {
    query: true,
    times: MAX_REPOSITORY_PAGES,
    headers: next
      ? {
          link: '<https://api.github.com/organizations/1/repos?page=101>; rel="next", <https://api.github.com/organizations/1/repos?page=102>; rel="last"',
        }
      : {
          link: '<https://api.github.com/organizations/1/repos?page=99>; rel="prev", <https://api.github.com/organizations/1/repos?page=1>; rel="first"',
        },
  });
}

const client = () => new Octokit({ auth: "token", log: QUIET }) as unknown as GitHubClient;

test("an organisation larger than the pages read is listed up to them and said to be cut", async () => {
  fullPages(true);
  const listed = await listOrganizationRepositories(client(), "octo-org", INCLUDE);
  expect(listed.fullNames).toHaveLength(MAX_REPOSITORY_PAGES * REPOSITORIES_PER_PAGE);
  expect(listed.truncated).toBe(true);
});

test("an organisation of exactly as many repositories as the pages hold is not said to be cut", async () => {
  fullPages(false);
  const listed = await listOrganizationRepositories(client(), "octo-org", INCLUDE);
  expect(listed.fullNames).toHaveLength(MAX_REPOSITORY_PAGES * REPOSITORIES_PER_PAGE);
  expect(listed.truncated).toBe(false);
});

test("--org says on stderr when an organisation is larger than the repositories it screens", async () => {
  fullPages(true);
  const { listOrganization } = await import("../../src/cli/organization.js");
  const listing = await listOrganization(
    { owner: "octo-org", includeArchived: false, includeForks: false },
    { env: { GITHUB_TOKEN: "test-token" }, concurrency: 4, onWait: () => {} },
  );
  expect(listing).toMatchObject({
    truncated: "octo-org has more than 10,000 repositories; only the first 10,000 are screened",
  });
  expect("fullNames" in listing && listing.fullNames).toHaveLength(10_000);
});
