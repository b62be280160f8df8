// `--org OWNER`: lists the organisation's repositories and screens each through the remote
// snapshot, here in this thread (the screens wait on GitHub, not on a CPU), all through one
// client so GitHub's rate limits are honoured once for the whole run. Octokit is loaded only here.
import type { Screener } from "./screen-pool.js";
import { screenTarget } from "./screen-target.js";
import { formatCount } from "../core/format-count.js";

export interface OrganizationListing {
  fullNames: string[];
  screener: Screener;
  /** Appended to the closing summary: what was skipped. */
  note: string;
  /** Said on stderr when the organisation has more repositories than are read. */
  truncated: string | undefined;
}

export async function listOrganization(
  org: { owner: string; includeArchived: boolean; includeForks: boolean },
  options: { env: Record<string, string | undefined>; concurrency: number; onWait: (message: string) => void },
): Promise<OrganizationListing | { problem: string }> {
  const token = options.env["GITHUB_TOKEN"];
  if (token === undefined || token === "")
    return { problem: `--org ${org.owner}: listing and screening an organisation needs a token: set GITHUB_TOKEN` };
  const apiUrl = options.env["GITHUB_API_URL"];
  const [{ createTokenClient }, { listOrganizationRepositories, MAX_REPOSITORY_PAGES, REPOSITORIES_PER_PAGE }] =
    await Promise.all([
      import("../github/create-token-client.js"),
      import("../github/list-organization-repositories.js"),
    ]);
  const { GitHubReadError } = await import("../snapshot/github-snapshot.js");
  const { openRemoteSnapshot } = await import("../snapshot/open-remote-snapshot.js");
  const client = createTokenClient({
    token,
    ...(apiUrl === undefined || apiUrl === "" ? {} : { baseUrl: apiUrl }),
    concurrency: options.concurrency,
    onWait: options.onWait,
  });
  let listed;
  try {
    listed = await listOrganizationRepositories(client, org.owner, {
      archived: org.includeArchived,
      forks: org.includeForks,
    });
  } catch (error) {
    if (error instanceof GitHubReadError) return { problem: `--org ${org.owner}: ${error.message}` };
    throw error;
  }
  const open = async (target: string) => (await openRemoteSnapshot(target, token, { client })).snapshot;
  const skipped = [
    listed.skipped.archived > 0 ? `${listed.skipped.archived} archived (--include-archived)` : "",
    listed.skipped.forks > 0 ? `${listed.skipped.forks} forks (--include-forks)` : "",
  ].filter(Boolean);
  return {
    fullNames: listed.fullNames,
    screener: { screen: (task) => screenTarget(task, open), close: async () => {} },
    note: skipped.length === 0 ? "" : `; skipped ${skipped.join(" and ")}`,
    truncated: listed.truncated
      ? `${org.owner} has more than ${formatCount(MAX_REPOSITORY_PAGES * REPOSITORIES_PER_PAGE)} repositories; only the first ${formatCount(MAX_REPOSITORY_PAGES * REPOSITORIES_PER_PAGE)} are screened`
      : undefined,
  };
}
