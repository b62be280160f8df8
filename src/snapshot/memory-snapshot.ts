// A snapshot held in memory: the fake every indicator test uses.
import { decodeText } from "../core/decode-text.js";
import { isUnlisted } from "../core/find-files.js";
import {
  comparePaths,
  type FileListing,
  type FileRead,
  type RepositoryMetadata,
  type RepositorySnapshot,
} from "../core/snapshot.js";

/** File contents by path; a Uint8Array stands for raw bytes (binary files). */
export type MemoryFiles = Record<string, string | Uint8Array>;

export class MemorySnapshot implements RepositorySnapshot {
  readonly metadata: RepositoryMetadata;
  readonly #files: ReadonlyMap<string, Uint8Array>;
  readonly #truncated: boolean;

  constructor(files: MemoryFiles, metadata: RepositoryMetadata = {}, options: { truncated?: boolean } = {}) {
    const encoder = new TextEncoder();
    // Folders no snapshot lists are left out here too, so a fixture screens like its checkout.
    this.#files = new Map(
      Object.entries(files)
        .filter(([path]) => !isUnlisted(path))
        .map(([path, content]) => [path, typeof content === "string" ? encoder.encode(content) : content]),
    );
    this.metadata = { name: "memory", ...metadata };
    this.#truncated = options.truncated ?? false;
  }

  async listFiles(): Promise<FileListing> {
    return {
      paths: [...this.#files.keys()].sort(comparePaths),
      truncated: this.#truncated,
      ...(this.#truncated ? { truncatedReason: "the test marked it truncated" } : {}),
    };
  }

  async readFiles(paths: readonly string[], maxBytes: number): Promise<ReadonlyMap<string, FileRead>> {
    const result = new Map<string, FileRead>();
    for (const path of paths) {
      const bytes = this.#files.get(path);
      result.set(path, bytes === undefined ? { kind: "missing" } : decodeText(bytes, bytes.length, maxBytes));
    }
    return result;
  }
}
