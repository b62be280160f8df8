// Repository metadata straight from a webhook payload's `repository`, so a screen never
// refetches what GitHub already sent (description, topics, default branch, flags).
import type { RepositoryMetadata } from "../core/snapshot.js";

/** The fields of a webhook `repository` object the screener reads (all payloads carry them). */
export interface PayloadRepository {
  name: string;
  full_name: string;
  owner: { login: string; type?: string };
  html_url: string;
  description?: string | null;
  homepage?: string | null;
  topics?: string[];
  default_branch?: string;
  archived?: boolean;
  fork?: boolean;
  private?: boolean;
  has_issues?: boolean;
}

export function metadataFromPayload(repository: PayloadRepository): RepositoryMetadata {
  return {
    name: repository.name,
    fullName: repository.full_name,
    url: repository.html_url,
    ownerKind: repository.owner.type === "Organization" ? "organization" : "user",
    ...(repository.description === undefined || repository.description === null
      ? {}
      : { description: repository.description }),
    ...(repository.homepage === undefined || repository.homepage === null || repository.homepage === ""
      ? {}
      : { homepage: repository.homepage }),
    ...(repository.topics === undefined ? {} : { topics: repository.topics }),
    ...(repository.default_branch === undefined ? {} : { defaultBranch: repository.default_branch }),
    ...(repository.archived === undefined ? {} : { archived: repository.archived }),
    ...(repository.fork === undefined ? {} : { fork: repository.fork }),
    ...(repository.private === undefined ? {} : { private: repository.private }),
    ...(repository.has_issues === undefined ? {} : { hasIssues: repository.has_issues }),
  };
}
