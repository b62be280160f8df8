// CLI remote mode: `dpg-screener screen owner/repo` with GITHUB_TOKEN. Uses @octokit/rest and
// the same GitHubSnapshot as the App, so both read a repository identically.
import { Octokit } from "@octokit/rest";
import { countRequests, type CountingClient } from "./github-client.js";
import { fetchRepositoryHead, parseFullName } from "./fetch-repository-head.js";
import { GitHubReadError, GitHubSnapshot } from "./github-snapshot.js";

/** Failed requests become errors the CLI prints once; Octokit's own request log would repeat them. */
const QUIET_LOG = { debug: () => {}, info: () => {}, warn: console.warn, error: () => {} };

export interface RemoteSnapshotOptions {
  /** API base URL for GitHub Enterprise Server, e.g. https://ghe.example.com/api/v3. */
  baseUrl?: string;
  /** A commit SHA (or branch) to screen instead of the default branch's tip. */
  ref?: string;
  /** For tests: a client to use instead of a new @octokit/rest Octokit. */
  client?: CountingClient;
}

export interface RemoteSnapshot {
  snapshot: GitHubSnapshot;
  /** Counts every GitHub request made for this snapshot (lookup, tree, file queries). */
  client: CountingClient;
}

/** Opens "owner/name" on GitHub. A token is required: GitHub's GraphQL API has no anonymous access. */
export async function openRemoteSnapshot(
  fullName: string,
  token: string | undefined,
  options: RemoteSnapshotOptions = {},
): Promise<RemoteSnapshot> {
  const { owner, repo } = parseFullName(fullName);
  if (options.client === undefined && (token === undefined || token === "")) {
    throw new GitHubReadError(
      "Screening a GitHub repository needs a token: set GITHUB_TOKEN (GitHub's GraphQL API has no anonymous access)",
    );
  }
  const client =
    options.client ??
    countRequests(
      new Octokit({
        auth: token,
        ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
        userAgent: "dpg-screener",
        log: QUIET_LOG,
      }),
    );
  const head = await fetchRepositoryHead(client, owner, repo);
  const commit = options.ref ?? head.commit;
  if (commit === undefined)
    throw new GitHubReadError(`Repository ${owner}/${repo} is empty: it has no default branch to screen`);
  return { snapshot: new GitHubSnapshot(client, { owner, repo, commit, metadata: head.metadata }), client };
}
