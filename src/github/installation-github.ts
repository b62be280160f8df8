// One installation of the App as its handlers see it: the repositories it can reach and a view
// of each. Built from Probot's installation client at the edge (src/app/routes.ts), or from any
// client that satisfies GitHubClient (a worker, a benchmark).
import type { GitHubClient } from "../snapshot/github-client.js";
import { createRepositoryGitHub, type RepositoryGitHub } from "./repository-github.js";

/** A repository the installation can see, as GitHub lists it. */
export interface InstalledRepository {
  full_name: string;
  archived?: boolean;
}

export interface InstallationGitHub {
  /** Undefined when the event carries no installation (then no issue is ever written). */
  readonly installationId: number | undefined;
  /**
   * Every repository the installation can see, with the archived flag (100 per request), up to
   * MAX_REPOSITORY_PAGES pages; `onCapped` is told the number listed when more were left unread.
   */
  listRepositories(onCapped?: (listed: number) => void): Promise<InstalledRepository[]>;
  /** A fresh view of one repository that counts its own requests. */
  repository(owner: string, repo: string): RepositoryGitHub;
}

/** Pages read at most when listing an installation's repositories (100 each). */
export const MAX_REPOSITORY_PAGES = 100;

export function createInstallationGitHub(
  client: GitHubClient,
  installationId: number | undefined,
  /** The App's id, when known: only its own check runs are ever taken over. */
  options: { appId?: number } = {},
): InstallationGitHub {
  return {
    installationId,
    async listRepositories(onCapped) {
      const found: InstalledRepository[] = [];
      let total: number | undefined;
      for (let page = 1; page <= MAX_REPOSITORY_PAGES; page += 1) {
        const response = await client.request("GET /installation/repositories", {
          per_page: 100,
          ...(page === 1 ? {} : { page }),
        });
        const data = response.data as { total_count?: unknown; repositories?: InstalledRepository[] };
        if (typeof data.total_count === "number") total = data.total_count;
        const repositories = data.repositories ?? [];
        // GitHub's repository objects hold about a hundred fields each: keep the two the App
        // uses, so a listing of thousands costs kilobytes, not tens of megabytes, while it is held.
        for (const { full_name, archived } of repositories)
          found.push(archived === undefined ? { full_name } : { full_name, archived });
        if (repositories.length < 100) return found;
      }
      // All pages were full: GitHub's total_count says whether a next one exists (exactly
      // 10,000 repositories fill them all); without it, more may be left.
      if (total === undefined || total > found.length) onCapped?.(found.length);
      return found;
    },
    repository: (owner, repo) => createRepositoryGitHub(client, { owner, repo }, options),
  };
}
