// A snapshot whose reads are answered by another thread over a MessagePort: the worker evaluates,
// the main thread keeps the GitHub client (auth, retries, pacing) and serves listing and reads.
import type { MessagePort } from "node:worker_threads";
import type { FileListing, FileRead, RepositoryMetadata, RepositorySnapshot } from "../core/snapshot.js";

export type SnapshotRequest =
  { id: number; op: "list" } | { id: number; op: "read"; paths: string[]; maxBytes: number };

export type SnapshotResponse =
  { id: number; listing: FileListing } | { id: number; files: [string, FileRead][] } | { id: number; error: string };

export class PortSnapshot implements RepositorySnapshot {
  readonly #pending = new Map<number, { resolve: (value: SnapshotResponse) => void }>();
  #next = 0;

  constructor(
    private readonly port: MessagePort,
    readonly metadata: RepositoryMetadata,
  ) {
    port.on("message", (response: SnapshotResponse) => {
      const pending = this.#pending.get(response.id);
      this.#pending.delete(response.id);
      pending?.resolve(response);
    });
  }

  async listFiles(): Promise<FileListing> {
    const response = await this.#ask({ id: 0, op: "list" });
    if ("error" in response) throw new Error(response.error);
    if (!("listing" in response)) throw new Error("the main thread answered a listing with something else");
    return response.listing;
  }

  async readFiles(paths: readonly string[], maxBytes: number): Promise<ReadonlyMap<string, FileRead>> {
    const response = await this.#ask({ id: 0, op: "read", paths: [...paths], maxBytes });
    if ("error" in response) throw new Error(response.error);
    if (!("files" in response)) throw new Error("the main thread answered a read with something else");
    return new Map(response.files);
  }

  #ask(request: SnapshotRequest): Promise<SnapshotResponse> {
    const id = this.#next++;
    return new Promise((resolve) => {
      this.#pending.set(id, { resolve });
      this.port.postMessage({ ...request, id });
    });
  }
}

/** What the main thread's side saw fail. */
export interface ServedSnapshot {
  /**
   * The first error a listing or read raised here. The worker only gets its message; this one
   * keeps the response (status, retry-after) that tells a 5xx or a rate limit from a lasting failure.
   */
  readonly failure: unknown;
}

/** The main thread's side: answers a worker's snapshot requests from `snapshot`. */
export function serveSnapshot(port: MessagePort, snapshot: RepositorySnapshot): ServedSnapshot {
  const served: { failure: unknown } = { failure: undefined };
  port.on("message", (request: SnapshotRequest) => {
    const answer = async (): Promise<SnapshotResponse> => {
      try {
        if (request.op === "list") return { id: request.id, listing: await snapshot.listFiles() };
        const files = await snapshot.readFiles(request.paths, request.maxBytes);
        return { id: request.id, files: [...files] };
      } catch (error) {
        served.failure ??= error;
        return { id: request.id, error: error instanceof Error ? error.message : String(error) };
      }
    };
    void answer().then((response) => {
      try {
        port.postMessage(response);
      } catch {
        // The worker is gone (budget exceeded); nobody is waiting for the answer.
      }
    });
  });
  return served;
}
