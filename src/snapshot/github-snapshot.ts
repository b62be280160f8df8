// A snapshot of one commit of a GitHub repository, read with the fewest requests: one recursive
// git-tree request for the file list, then the wanted files as aliased GraphQL blob lookups
// (one query per BLOB_BATCH_SIZE files). Never clones, never downloads a tarball.
import { decodeText } from "../core/decode-text.js";
import { isUnlisted } from "../core/find-files.js";
import {
  comparePaths,
  type FileListing,
  type FileRead,
  type RepositoryMetadata,
  type RepositorySnapshot,
} from "../core/snapshot.js";
import { messageOf, type GitHubClient } from "./github-client.js";

/** Files per GraphQL query. Blob lookups are not connections, so this only bounds response size. */
export const BLOB_BATCH_SIZE = 100;

/** Git's file mode for a symbolic link: its blob holds the target path, not file content. */
const SYMLINK_MODE = "120000";

export interface GitHubSnapshotOptions {
  owner: string;
  repo: string;
  /** The commit SHA to read (for a fork pull request: the head SHA, read through the base repository). */
  commit: string;
  /** Metadata already known (from a webhook payload or a GraphQL lookup); never refetched. */
  metadata?: RepositoryMetadata;
}

/** Raised when GitHub refuses a read the screen cannot do without (the tree, a whole query). */
export class GitHubReadError extends Error {}

interface TreeEntry {
  path: string;
  mode: string;
  type: string;
  sha?: string;
  size?: number;
}

/**
 * Folders listed in full when GitHub truncates the recursive tree: community and licence files
 * live there (and at the root), and a truncated list may have cut them.
 */
const FOLDERS_KEPT_WHEN_TRUNCATED = new Set([".github", "docs", "licenses"]);

interface BlobNode {
  text: string | null;
  byteSize: number;
  isBinary: boolean | null;
  isTruncated: boolean;
}

export class GitHubSnapshot implements RepositorySnapshot {
  readonly metadata: RepositoryMetadata;
  readonly #client: GitHubClient;
  readonly #owner: string;
  readonly #repo: string;
  readonly #commit: string;
  /** Blob sizes from the tree, so oversized files are never downloaded. */
  readonly #sizes = new Map<string, number>();
  #listing: Promise<FileListing> | undefined;

  constructor(client: GitHubClient, options: GitHubSnapshotOptions) {
    this.#client = client;
    this.#owner = options.owner;
    this.#repo = options.repo;
    this.#commit = options.commit;
    this.metadata = {
      name: options.repo,
      fullName: `${options.owner}/${options.repo}`,
      ...options.metadata,
      commit: options.commit,
    };
  }

  listFiles(): Promise<FileListing> {
    this.#listing ??= this.#fetchTree();
    return this.#listing;
  }

  async readFiles(paths: readonly string[], maxBytes: number): Promise<ReadonlyMap<string, FileRead>> {
    const result = new Map<string, FileRead>();
    const listed = new Set((await this.listFiles()).paths);
    const toFetch: string[] = [];
    for (const path of paths) {
      const size = this.#sizes.get(path);
      if (!listed.has(path)) result.set(path, { kind: "missing" });
      else if (size !== undefined && size > maxBytes) result.set(path, { kind: "too-large", bytes: size });
      else toFetch.push(path);
    }
    for (let start = 0; start < toFetch.length; start += BLOB_BATCH_SIZE) {
      const batch = toFetch.slice(start, start + BLOB_BATCH_SIZE);
      for (const [path, read] of await this.#fetchBlobs(batch, maxBytes)) result.set(path, read);
    }
    return result;
  }

  async #fetchTree(): Promise<FileListing> {
    let data: { tree?: TreeEntry[]; truncated?: boolean };
    try {
      data = await this.#requestTree(this.#commit, true);
    } catch (error) {
      throw new GitHubReadError(
        `Could not list the files of ${this.#owner}/${this.#repo} at ${this.#commit}: ${messageOf(error)}`,
        { cause: error },
      );
    }
    const paths = new Set<string>();
    this.#addBlobs(paths, data.tree ?? [], "");
    if (data.truncated !== true) return { paths: sorted(paths), truncated: false };
    const completed = await this.#completeKeyFolders(paths);
    return {
      paths: sorted(paths),
      truncated: true,
      truncatedReason: `GitHub truncated the file tree (over 100,000 entries or 7 MB)${completed ? "; the root, .github, docs and LICENSES folders were listed in full" : ""}`,
    };
  }

  /** Lists the root and the community/licence folders one level each (at most 4 more requests). */
  async #completeKeyFolders(paths: Set<string>): Promise<boolean> {
    try {
      const root = await this.#requestTree(this.#commit, false);
      this.#addBlobs(paths, root.tree ?? [], "");
      for (const entry of root.tree ?? []) {
        if (
          entry.type !== "tree" ||
          entry.sha === undefined ||
          !FOLDERS_KEPT_WHEN_TRUNCATED.has(entry.path.toLowerCase())
        )
          continue;
        const folder = await this.#requestTree(entry.sha, false);
        this.#addBlobs(paths, folder.tree ?? [], `${entry.path}/`);
      }
      return true;
    } catch {
      return false; // the truncated list is still usable; the warning says it is incomplete
    }
  }

  async #requestTree(treeSha: string, recursive: boolean): Promise<{ tree?: TreeEntry[]; truncated?: boolean }> {
    const response = await this.#client.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      owner: this.#owner,
      repo: this.#repo,
      tree_sha: treeSha,
      // Any value turns recursion on (GitHub docs); omit the parameter to turn it off.
      ...(recursive ? { recursive: "1" } : {}),
    });
    return response.data as { tree?: TreeEntry[]; truncated?: boolean };
  }

  #addBlobs(paths: Set<string>, entries: readonly TreeEntry[], prefix: string): void {
    for (const entry of entries) {
      const path = `${prefix}${entry.path}`;
      if (entry.type !== "blob" || entry.mode === SYMLINK_MODE || isUnlisted(path)) continue;
      paths.add(path);
      if (entry.size !== undefined) this.#sizes.set(path, entry.size);
    }
  }

  async #fetchBlobs(paths: readonly string[], maxBytes: number): Promise<Map<string, FileRead>> {
    const variables: Record<string, unknown> = { owner: this.#owner, name: this.#repo };
    const fields = paths.map((path, index) => {
      variables[`e${index}`] = `${this.#commit}:${path}`;
      return `f${index}: object(expression: $e${index}) { ... on Blob { text byteSize isBinary isTruncated } }`;
    });
    const declarations = paths.map((_, index) => `$e${index}: String!`).join(", ");
    const query = `query($owner: String!, $name: String!, ${declarations}) { repository(owner: $owner, name: $name) { ${fields.join(" ")} } }`;

    let repository: Record<string, BlobNode | null> | undefined;
    const aliasErrors = new Map<string, string>();
    try {
      const data = (await this.#client.graphql(query, variables)) as {
        repository?: Record<string, BlobNode | null> | null;
      };
      repository = data.repository ?? undefined;
    } catch (error) {
      // A partial failure still carries the data of the aliases that worked.
      const partial = partialGraphqlData(error);
      if (partial === undefined)
        throw new GitHubReadError(
          `Could not read files of ${this.#owner}/${this.#repo} through GraphQL: ${messageOf(error)}`,
          { cause: error },
        );
      repository = partial.data.repository ?? undefined;
      for (const item of partial.errors) if (item.alias !== undefined) aliasErrors.set(item.alias, item.message);
    }
    if (repository === undefined)
      throw new GitHubReadError(`GitHub returned no repository ${this.#owner}/${this.#repo} for the file query`);

    const result = new Map<string, FileRead>();
    paths.forEach((path, index) => {
      const alias = `f${index}`;
      const error = aliasErrors.get(alias);
      if (error !== undefined) {
        result.set(path, { kind: "unreadable", reason: `GitHub could not read it: ${error}` });
        return;
      }
      result.set(path, readBlob(repository[alias] ?? null, maxBytes));
    });
    return result;
  }
}

function readBlob(blob: BlobNode | null, maxBytes: number): FileRead {
  if (blob === null || blob.byteSize === undefined) return { kind: "missing" };
  if (blob.byteSize > maxBytes) return { kind: "too-large", bytes: blob.byteSize };
  if (blob.isBinary === true || blob.text === null) return { kind: "binary", bytes: blob.byteSize };
  if (blob.isTruncated) return { kind: "unreadable", reason: "GitHub truncated the text of this file" };
  // Same decoding rules as the local snapshot (BOM, NUL sniffing).
  return decodeText(new TextEncoder().encode(blob.text), blob.byteSize, maxBytes);
}

interface PartialGraphql {
  data: { repository?: Record<string, BlobNode | null> | null };
  errors: { alias?: string; message: string }[];
}

/** The data and per-alias errors of a GraphqlResponseError, or undefined for other errors. */
function partialGraphqlData(error: unknown): PartialGraphql | undefined {
  if (typeof error !== "object" || error === null || !("data" in error) || !("errors" in error)) return undefined;
  const { data, errors } = error as { data: unknown; errors: unknown };
  if (typeof data !== "object" || data === null || !Array.isArray(errors)) return undefined;
  return {
    data: data as PartialGraphql["data"],
    errors: errors.map((item: { path?: unknown[]; message?: string }) => {
      const alias = item.path?.[1];
      return { ...(typeof alias === "string" ? { alias } : {}), message: item.message ?? "unknown error" };
    }),
  };
}

function sorted(paths: Set<string>): string[] {
  return [...paths].sort(comparePaths);
}
