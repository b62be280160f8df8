// Looks up a repository's metadata and the commit at the tip of its default branch in one
// GraphQL request, for when no webhook payload carries them (installation fan-out, the CLI).
import type { RepositoryMetadata } from "../core/snapshot.js";
import { messageOf, type GitHubClient } from "./github-client.js";
import { GitHubReadError } from "./github-snapshot.js";

export interface RepositoryHead {
  owner: string;
  repo: string;
  /** Tip of the default branch; undefined for an empty repository. */
  commit: string | undefined;
  metadata: RepositoryMetadata;
}

const HEAD_QUERY = `query($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    name nameWithOwner description homepageUrl url isArchived isFork isPrivate hasIssuesEnabled
    owner { __typename }
    repositoryTopics(first: 50) { nodes { topic { name } } }
    defaultBranchRef { name target { oid } }
  }
}`;

interface HeadData {
  repository: {
    name: string;
    nameWithOwner: string;
    description: string | null;
    homepageUrl: string | null;
    url: string;
    isArchived: boolean;
    isFork: boolean;
    isPrivate: boolean;
    hasIssuesEnabled: boolean;
    owner: { __typename: string };
    repositoryTopics: { nodes: { topic: { name: string } }[] };
    defaultBranchRef: { name: string; target: { oid: string } | null } | null;
  } | null;
}

/** Splits "owner/name"; throws on anything else. */
export function parseFullName(fullName: string): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(fullName.trim());
  if (match === null) throw new GitHubReadError(`"${fullName}" is not a repository name; expected owner/name`);
  return { owner: match[1] as string, repo: match[2] as string };
}

export async function fetchRepositoryHead(client: GitHubClient, owner: string, repo: string): Promise<RepositoryHead> {
  let data: HeadData;
  try {
    data = (await client.graphql(HEAD_QUERY, { owner, name: repo })) as HeadData;
  } catch (error) {
    throw new GitHubReadError(`Could not look up ${owner}/${repo}: ${messageOf(error)}`, { cause: error });
  }
  const found = data.repository;
  if (found === null) throw new GitHubReadError(`Repository ${owner}/${repo} was not found or is not accessible`);
  const commit = found.defaultBranchRef?.target?.oid;
  const metadata: RepositoryMetadata = {
    name: found.name,
    fullName: found.nameWithOwner,
    url: found.url,
    topics: found.repositoryTopics.nodes.map((node) => node.topic.name),
    ownerKind: found.owner.__typename === "Organization" ? "organization" : "user",
    archived: found.isArchived,
    fork: found.isFork,
    private: found.isPrivate,
    hasIssues: found.hasIssuesEnabled,
    ...(found.description === null ? {} : { description: found.description }),
    ...(found.homepageUrl === null || found.homepageUrl === "" ? {} : { homepage: found.homepageUrl }),
    ...(found.defaultBranchRef === null ? {} : { defaultBranch: found.defaultBranchRef.name }),
  };
  return { owner, repo, commit, metadata };
}
