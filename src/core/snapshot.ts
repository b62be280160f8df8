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

/** A repository as the engine sees it. Paths are POSIX, relative to the root, without "./". */
export interface RepositorySnapshot {
  readonly metadata: RepositoryMetadata;
  listFiles(): Promise<FileListing>;
  /**
   * Reads several files at once (a forge can batch them). Every requested path gets an entry.
   * Text longer than `maxBytes` is "too-large"; files that look binary are "binary".
   */
  readFiles(paths: readonly string[], maxBytes: number): Promise<ReadonlyMap<string, FileRead>>;
}

/** Default cap on bytes read per file: licence texts and READMEs fit; datasets and bundles do not. */
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024;
