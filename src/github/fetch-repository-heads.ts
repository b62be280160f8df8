// Default-branch heads of many repositories, one GraphQL query per 100 of them (GitHub's node
// limit keeps such a query cheap: one point), with the blob id of each `.github/dpg.yml` so a
// sweep can tell a changed config without reading it.
import type { RepositoryMetadata } from "../core/snapshot.js";
import { DECLARATION_PATH } from "../declaration/declaration-path.js";
import type { GitHubClient } from "../snapshot/github-client.js";

export const HEADS_PER_QUERY = 100;

export interface RepositoryHeadSummary {
  owner: string;
  repo: string;
  /** Undefined for an empty repository. */
  commit: string | undefined;
  /** Blob id of the repository's own config at the head, or undefined when it has none. */
  configOid: string | undefined;
  metadata: RepositoryMetadata;
}

interface HeadNode {
  name: string;
  nameWithOwner: string;
  url: string;
  isArchived: boolean;
  isFork: boolean;
  isPrivate: boolean;
  hasIssuesEnabled: boolean;
  owner: { __typename: string };
  defaultBranchRef: { name: string; target: { oid: string } | null } | null;
  config: { oid: string } | null;
}

const FIELDS = `name nameWithOwner url isArchived isFork isPrivate hasIssuesEnabled owner { __typename }
  defaultBranchRef { name target { oid } } config: object(expression: ${JSON.stringify(`HEAD:${DECLARATION_PATH}`)}) { oid }`;

/** Reads the heads of `repositories` ("owner/name"), `HEADS_PER_QUERY` per request. */
export async function fetchRepositoryHeads(
  client: GitHubClient,
  repositories: readonly string[],
): Promise<RepositoryHeadSummary[]> {
  const heads: RepositoryHeadSummary[] = [];
  for (let start = 0; start < repositories.length; start += HEADS_PER_QUERY) {
    const batch = repositories.slice(start, start + HEADS_PER_QUERY);
    const parts = batch.map((fullName, index) => {
      const [owner = "", name = ""] = fullName.split("/");
      return `r${index}: repository(owner: ${JSON.stringify(owner)}, name: ${JSON.stringify(name)}) { ${FIELDS} }`;
    });
    const data = await queryAllowingMissing(client, `query { ${parts.join("\n")} }`);
    batch.forEach((fullName, index) => {
      const node = data[`r${index}`];
      if (node === null || node === undefined) return;
      const [owner = "", repo = ""] = node.nameWithOwner.split("/");
      heads.push({
        owner,
        repo,
        commit: node.defaultBranchRef?.target?.oid,
        configOid: node.config?.oid,
        metadata: {
          name: node.name,
          fullName: node.nameWithOwner,
          url: node.url,
          ownerKind: node.owner.__typename === "Organization" ? "organization" : "user",
          archived: node.isArchived,
          fork: node.isFork,
          private: node.isPrivate,
          hasIssues: node.hasIssuesEnabled,
          ...(node.defaultBranchRef === null ? {} : { defaultBranch: node.defaultBranchRef.name }),
        },
      });
    });
  }
  return heads;
}

/**
 * GitHub answers a missing repository with `null` plus an error entry; Octokit throws on any
 * error entry, with the partial data attached. A missing repository is an answer here.
 */
async function queryAllowingMissing(client: GitHubClient, query: string): Promise<Record<string, HeadNode | null>> {
  try {
    return (await client.graphql(query)) as Record<string, HeadNode | null>;
  } catch (error) {
    const partial = error as { data?: unknown; errors?: { type?: string }[] };
    const onlyMissing = (partial.errors ?? []).every((entry) => entry.type === "NOT_FOUND");
    if (typeof partial.data === "object" && partial.data !== null && onlyMissing)
      return partial.data as Record<string, HeadNode | null>;
    throw error;
  }
}
