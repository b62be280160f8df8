// Lists an organisation's repositories for `dpg-screener screen --org OWNER`: one REST page of
// 100 per request, archived repositories and forks skipped unless asked for.
import { messageOf, statusOf, type GitHubClient } from "../snapshot/github-client.js";
import { GitHubReadError } from "../snapshot/github-snapshot.js";

/** GitHub's largest page for GET /orgs/{org}/repos. */
export const REPOSITORIES_PER_PAGE = 100;
/** Pages read at most (10,000 repositories); a larger organisation is cut and the caller told. */
export const MAX_REPOSITORY_PAGES = 100;

export interface OrganizationRepositories {
  /** owner/name of each repository to screen, in GitHub's order (by name). */
  fullNames: string[];
  skipped: { archived: number; forks: number };
  /** True when the organisation has more repositories than MAX_REPOSITORY_PAGES pages. */
  truncated: boolean;
}

interface ListedRepository {
  full_name: string;
  archived?: boolean;
  fork?: boolean;
}

export async function listOrganizationRepositories(
  client: GitHubClient,
  org: string,
  include: { archived: boolean; forks: boolean },
): Promise<OrganizationRepositories> {
  const result: OrganizationRepositories = { fullNames: [], skipped: { archived: 0, forks: 0 }, truncated: false };
  let next = false;
  for (let page = 1; page <= MAX_REPOSITORY_PAGES; page += 1) {
    let listed: ListedRepository[];
    try {
      const response = await client.request("GET /orgs/{org}/repos", {
        org,
        type: "all",
        sort: "full_name",
        per_page: REPOSITORIES_PER_PAGE,
        page,
      });
      listed = response.data as ListedRepository[];
      next = /\brel="next"/.test(String(response.headers["link"] ?? ""));
    } catch (error) {
      if (statusOf(error) === 404)
        throw new GitHubReadError(`No organisation "${org}" on GitHub, or the token cannot see it`, { cause: error });
      throw new GitHubReadError(`Could not list the repositories of ${org}: ${messageOf(error)}`, { cause: error });
    }
    for (const repository of listed) {
      if (repository.archived === true && !include.archived) result.skipped.archived += 1;
      else if (repository.fork === true && !include.forks) result.skipped.forks += 1;
      else result.fullNames.push(repository.full_name);
    }
    if (listed.length < REPOSITORIES_PER_PAGE) return result;
  }
  // All pages were full; GitHub links a next page only when there is one (exactly 10,000 fill them all).
  result.truncated = next;
  return result;
}
