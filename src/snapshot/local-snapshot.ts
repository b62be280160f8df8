// A snapshot of a local folder (the CLI). Reads only, with caps on files listed, depth and
// bytes per file; never follows a symlink out of the root and never runs anything.
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import { decodeText } from "../core/decode-text.js";
import { UNLISTED_DIRS } from "../core/find-files.js";
import type { FileListing, FileRead, RepositoryMetadata, RepositorySnapshot } from "../core/snapshot.js";

export interface LocalSnapshotOptions {
  /** Stop listing after this many files (the listing is then marked truncated). */
  maxFiles?: number;
  /** Do not descend deeper than this many folders. */
  maxDepth?: number;
}

export const DEFAULT_MAX_FILES = 100_000;
export const DEFAULT_MAX_DEPTH = 40;

/** Why a target cannot be screened; the CLI prints the message and exits 2. */
export class TargetError extends Error {}

export class LocalSnapshot implements RepositorySnapshot {
  readonly metadata: RepositoryMetadata;
  readonly #root: string;
  readonly #options: Required<LocalSnapshotOptions>;

  private constructor(root: string, options: LocalSnapshotOptions) {
    this.#root = root;
    this.#options = {
      maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES,
      maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    };
    this.metadata = { name: basename(root), path: root };
  }

  /** Opens a folder, or throws a TargetError that names the problem. */
  static async open(target: string, options: LocalSnapshotOptions = {}): Promise<LocalSnapshot> {
    const absolute = resolve(target);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new TargetError(`${target}: no such file or folder`);
      if (code === "EACCES") throw new TargetError(`${target}: permission denied`);
      throw new TargetError(`${target}: cannot be read (${code ?? "unknown error"})`);
    }
    if (!info.isDirectory()) throw new TargetError(`${target}: is a file, not a folder; give the folder of a checkout`);
    const root = await realpath(absolute);
    try {
      await readdir(root);
    } catch {
      throw new TargetError(`${target}: permission denied`);
    }
    return new LocalSnapshot(root, options);
  }

  async listFiles(): Promise<FileListing> {
    const paths: string[] = [];
    // A full listing stops everything; a too-deep folder only skips that folder.
    let truncatedReason: string | undefined;
    let depthReason: string | undefined;
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (truncatedReason !== undefined) return;
      if (depth > this.#options.maxDepth) {
        depthReason = `folders deeper than ${this.#options.maxDepth} levels were not listed`;
        return;
      }
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return; // an unreadable folder is left out, like an ignored one
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!UNLISTED_DIRS.has(entry.name)) await walk(full, depth + 1);
        } else if (entry.isFile() || (entry.isSymbolicLink() && (await this.#isFileInsideRoot(full)))) {
          // Symlinked folders are never followed: that is how loops and escapes happen.
          if (paths.length >= this.#options.maxFiles) {
            truncatedReason = `more than ${this.#options.maxFiles} files`;
            return;
          }
          paths.push(relative(this.#root, full).split(sep).join("/"));
        }
        if (truncatedReason !== undefined) return;
      }
    };
    await walk(this.#root, 0);
    const reason = truncatedReason ?? depthReason;
    return { paths, truncated: reason !== undefined, ...(reason === undefined ? {} : { truncatedReason: reason }) };
  }

  async readFiles(paths: readonly string[], maxBytes: number): Promise<ReadonlyMap<string, FileRead>> {
    const result = new Map<string, FileRead>();
    for (const path of paths) result.set(path, await this.#readFile(path, maxBytes));
    return result;
  }

  async #isFileInsideRoot(full: string): Promise<boolean> {
    try {
      const target = await realpath(full);
      if (!this.#contains(target)) return false;
      return (await stat(target)).isFile();
    } catch {
      return false; // dangling link or a loop
    }
  }

  #contains(absolute: string): boolean {
    return absolute === this.#root || absolute.startsWith(this.#root + sep);
  }

  async #readFile(path: string, maxBytes: number): Promise<FileRead> {
    const full = resolve(this.#root, path);
    if (!this.#contains(full)) return { kind: "missing" };
    let target: string;
    try {
      const link = await lstat(full);
      target = link.isSymbolicLink() ? await realpath(full) : full;
    } catch {
      return { kind: "missing" };
    }
    if (!this.#contains(target)) return { kind: "unreadable", reason: "symbolic link pointing outside the repository" };
    let handle;
    try {
      handle = await open(target, "r");
    } catch (error) {
      return {
        kind: "unreadable",
        reason: (error as NodeJS.ErrnoException).code === "EACCES" ? "permission denied" : "cannot be opened",
      };
    }
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) return { kind: "too-large", bytes: size };
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buffer, 0, size, 0);
      return decodeText(buffer.subarray(0, bytesRead), size, maxBytes);
    } catch {
      return { kind: "unreadable", reason: "read error" };
    } finally {
      await handle.close();
    }
  }
}
