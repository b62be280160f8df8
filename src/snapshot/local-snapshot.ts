// A snapshot of a local folder (the CLI). Reads only, with caps on files listed, depth and
// bytes per file; never follows a symlink out of the root and never runs anything.
// The listing and the reads are synchronous: a screen of a checkout runs on its own thread (the
// CLI's lanes, the Action), and each awaited call costs a round trip through libuv's thread pool,
// which left the thread idle a third of the time on real trees (docs/benchmarks.md).
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
} from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { basename, join, posix, resolve, sep } from "node:path";
import { decodeText } from "../core/decode-text.js";
import { isUnlisted, UNLISTED_DIRS } from "../core/find-files.js";
import { readRootGitignore } from "./root-gitignore.js";
import {
  comparePaths,
  type FileListing,
  type FileRead,
  type RepositoryMetadata,
  type RepositorySnapshot,
} from "../core/snapshot.js";
import { readOriginRemote } from "./origin-remote.js";

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

  private constructor(root: string, options: LocalSnapshotOptions, originRemote: string | undefined) {
    this.#root = root;
    this.#options = {
      maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES,
      maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    };
    this.metadata = { name: basename(root), path: root, ...(originRemote === undefined ? {} : { originRemote }) };
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
    return new LocalSnapshot(root, options, await readOriginRemote(root));
  }

  /**
   * Lists breadth first, so a cut at the file cap keeps every shallower file: the root's README,
   * LICENSE and .github survive one huge early folder. The result is in the contract's order
   * (`comparePaths`), whatever order it was found in. What the root .gitignore names plainly is
   * not in the repository, so it is not listed (root-gitignore.ts).
   */
  async listFiles(): Promise<FileListing> {
    const ignored = await readRootGitignore(this.#root);
    const paths: string[] = [];
    let truncatedReason: string | undefined;
    let depthReason: string | undefined;
    // Each folder carries its repository path ("" for the root): joining names is cheaper than
    // path.relative on every one of 50,000 files.
    const queue: { dir: string; prefix: string; depth: number }[] = [{ dir: this.#root, prefix: "", depth: 0 }];
    for (let next = 0; next < queue.length && truncatedReason === undefined; next += 1) {
      const { dir, prefix, depth } = queue[next] ?? { dir: this.#root, prefix: "", depth: 0 };
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue; // an unreadable folder is left out, like an ignored one
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const path = prefix + entry.name;
        if (entry.isDirectory()) {
          if (UNLISTED_DIRS.has(entry.name) || ignored.ignores(path, true)) continue;
          if (depth + 1 > this.#options.maxDepth)
            depthReason = `folders deeper than ${this.#options.maxDepth} levels were not listed`;
          else queue.push({ dir: join(dir, entry.name), prefix: `${path}/`, depth: depth + 1 });
        } else if (entry.isFile() || (entry.isSymbolicLink() && this.#isListedLink(join(dir, entry.name)))) {
          if (ignored.ignores(path, false)) continue;
          if (paths.length >= this.#options.maxFiles) {
            truncatedReason = `more than ${this.#options.maxFiles} files`;
            break;
          }
          paths.push(path);
        }
      }
    }
    paths.sort(comparePaths);
    const reason = truncatedReason ?? depthReason;
    return { paths, truncated: reason !== undefined, ...(reason === undefined ? {} : { truncatedReason: reason }) };
  }

  async readFiles(paths: readonly string[], maxBytes: number): Promise<ReadonlyMap<string, FileRead>> {
    const result = new Map<string, FileRead>();
    for (const path of paths) result.set(path, this.#readFile(path, maxBytes));
    return result;
  }

  /**
   * A symbolic link is listed unless it leads to a folder (never followed: that is how loops and
   * escapes happen) or nowhere. One that leaves the root or leads to a device is listed but never
   * read, so the row it matters to says it could not be read instead of "not found".
   */
  #isListedLink(full: string): boolean {
    try {
      return !statSync(realpathSync(full)).isDirectory();
    } catch {
      return false; // dangling link or a loop
    }
  }

  #contains(absolute: string): boolean {
    return absolute === this.#root || absolute.startsWith(this.#root + sep);
  }

  /** A path as a listing holds it: normalised, relative, inside the root, not in an unlisted folder. */
  #isListable(path: string): boolean {
    return (
      path !== "" &&
      posix.normalize(path) === path &&
      !path.startsWith("/") &&
      !path.startsWith("../") &&
      path !== ".." &&
      !isUnlisted(path)
    );
  }

  #readFile(path: string, maxBytes: number): FileRead {
    if (!this.#isListable(path)) return { kind: "missing" };
    const full = resolve(this.#root, path);
    if (!this.#contains(full)) return { kind: "missing" };
    let target: string;
    try {
      const link = lstatSync(full);
      target = link.isSymbolicLink() ? realpathSync(full) : full;
    } catch {
      return { kind: "missing" };
    }
    if (!this.#contains(target)) return { kind: "unreadable", reason: "symbolic link pointing outside the repository" };
    // Only regular files are opened: a device (/dev/zero) never ends and a FIFO blocks the open.
    try {
      if (!statSync(target).isFile()) return { kind: "unreadable", reason: "not a regular file" };
    } catch {
      return { kind: "missing" };
    }
    let fd: number;
    try {
      fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (error) {
      return {
        kind: "unreadable",
        reason: (error as NodeJS.ErrnoException).code === "EACCES" ? "permission denied" : "cannot be opened",
      };
    }
    try {
      const { size } = fstatSync(fd);
      if (size > maxBytes) return { kind: "too-large", bytes: size };
      // Never more than the cap plus one byte, whatever size the file claimed: files grow.
      const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
      let total = 0;
      for (;;) {
        const bytesRead = readSync(fd, buffer, total, buffer.length - total, total);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > maxBytes) return { kind: "too-large", bytes: Math.max(size, total) };
        if (total === buffer.length) return { kind: "unreadable", reason: "changed while it was read" };
      }
      return decodeText(buffer.subarray(0, total), total, maxBytes);
    } catch {
      return { kind: "unreadable", reason: "read error" };
    } finally {
      closeSync(fd);
    }
  }
}
