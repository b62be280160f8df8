// The only data contract between the engine and where a repository lives (a local folder,
// GitHub, or memory). Kept narrow on purpose: metadata, a file list, and capped reads.

/** Whether the account that owns the repository is an organisation or a person. */
export type OwnerKind = "organization" | "user";

/** Facts about a repository that do not come from its files. Each may be unknown. */
export interface RepositoryMetadata {
  /** Short name, e.g. "kolibri". */
  name?: string;
  /** "owner/name" when the repository lives on a forge. */
  fullName?: string;
  description?: string;
  homepage?: string;
  topics?: readonly string[];
  defaultBranch?: string;
  /** The commit the files were read at. */
  commit?: string;
  ownerKind?: OwnerKind;
  /** Web address of the repository, used to link evidence. */
  url?: string;
  /** Local path of a checkout (CLI only). */
  path?: string;
  /**
   * Web address of a local checkout's `origin` remote, read from .git/config (credentials
   * dropped). What the checkout claims, never verified: evidence is not linked against it.
   */
  originRemote?: string;
  archived?: boolean;
  fork?: boolean;
  private?: boolean;
  hasIssues?: boolean;
}

/** The result of reading one file: text, or the precise reason there is no text. */
export type FileRead =
  | { kind: "text"; text: string; bytes: number }
  | { kind: "binary"; bytes: number }
  | { kind: "too-large"; bytes: number }
  | { kind: "missing" }
  | { kind: "unreadable"; reason: string };

/** The list of files in a snapshot. `truncated` says the list stopped at a cap. */
export interface FileListing {
  paths: readonly string[];
  /** True when the listing stopped early (file cap, depth cap, or the forge truncated it). */
  truncated: boolean;
  /** Why the listing is incomplete, for the report. */
  truncatedReason?: string;
}

/**
 * A repository as the engine sees it. Paths are POSIX, relative to the root, without "./". Every
 * implementation answers the same tree the same way (test/core/snapshot.test.ts runs them all).
 */
export interface RepositorySnapshot {
  readonly metadata: RepositoryMetadata;
  /**
   * Every file once, in code-unit order (`comparePaths`), without the folders no snapshot lists
   * (`isUnlisted`: .git, node_modules…). Indicators take the first of several matches, so the
   * order is part of the contract: a checkout and its GitHub repository must screen the same.
   */
  listFiles(): Promise<FileListing>;
  /**
   * Reads several files at once (a forge can batch them). Every requested path gets an entry.
   * `bytes` counts the file's bytes; more than `maxBytes` is "too-large" (exactly `maxBytes` is
   * read); files that look binary are "binary". A path the listing would never hold (an unlisted
   * folder, "./x", outside the root) is "missing".
   */
  readFiles(paths: readonly string[], maxBytes: number): Promise<ReadonlyMap<string, FileRead>>;
}

/** Default cap on bytes read per file: licence texts and READMEs fit; datasets and bundles do not. */
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024;

/** The order of a listing: whole paths by UTF-16 code unit (JavaScript's default sort order). */
export function comparePaths(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
