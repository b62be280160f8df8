// Default-branch heads of many repositories, one GraphQL query per 100 of them (GitHub's node
// limit keeps such a query cheap: one point), with the blob id of each `.github/dpg.yml` so a
// sweep can tell a changed config without reading it.
import type { RepositoryMetadata } from "../core/snapshot.js";
import { DECLARATION_PATH, MAX_DECLARATION_BYTES } from "../declaration/declaration-path.js";
import type { ConfigFileRead } from "../declaration/resolve-config.js";
import type { GitHubClient } from "../snapshot/github-client.js";

export const HEADS_PER_QUERY = 100;

export interface RepositoryHeadSummary {
  owner: string;
  repo: string;
  /** Undefined for an empty repository. */
  commit: string | undefined;
  /** Blob id of the repository's own config at the head, or undefined when it has none. */
  configOid: string | undefined;
  /**
   * The config as read in the same query: its text when it is a small text file, "missing"
   * when there is none (or a folder by that name), "too-large" past the declaration cap;
   * undefined when the screen should read it itself (a large or binary file).
   */
  configRead: ConfigFileRead | undefined;
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
  config: ConfigObject | null;
}

type ConfigObject =
  | { __typename: "Blob"; oid: string; text: string | null; byteSize: number; isBinary: boolean; isTruncated: boolean }
  | { __typename: string; oid: string };

/**
 * Config texts carried from the sweep to its jobs at most this large (a job is a row of the
 * queue); a larger file is read by the job itself, capped as usual.
 */
export const MAX_PREFETCHED_CONFIG_BYTES = 64 * 1024;

const FIELDS = `name nameWithOwner url isArchived isFork isPrivate hasIssuesEnabled owner { __typename }
  defaultBranchRef { name target { oid } } config: object(expression: ${JSON.stringify(`HEAD:${DECLARATION_PATH}`)}) {
    __typename oid ... on Blob { text byteSize isBinary isTruncated } }`;

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
        configRead: configReadOf(node.config),
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

function configReadOf(config: ConfigObject | null): ConfigFileRead | undefined {
  if (config === null) return { kind: "missing" };
  // A folder or a submodule by that name counts as no file, as the App's own read treats it.
  if (!("byteSize" in config)) return config.__typename === "Blob" ? undefined : { kind: "missing" };
  if (config.byteSize > MAX_DECLARATION_BYTES) return { kind: "too-large", bytes: config.byteSize };
  if (config.isBinary || config.isTruncated || config.text === null || config.byteSize > MAX_PREFETCHED_CONFIG_BYTES)
    return undefined;
  return { kind: "text", text: config.text };
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
