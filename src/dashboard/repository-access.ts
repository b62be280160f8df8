// Who may see which repository: public repositories are public; a private one only to a signed-in
// user whom GitHub lists as able to access it. GitHub's answer is cached per user and installation
// for a few minutes, in a bounded map, so paging through a table does not ask GitHub every time.
import { createHash } from "node:crypto";
import type { UserAccessClient } from "../github/user-access-client.js";
import type { RepositorySummary } from "./repository-summary.js";

/** How long GitHub's list of a user's repositories is trusted. */
export const ACCESS_CACHE_MS = 5 * 60 * 1000;
/** Entries kept at most (user × installation); the oldest goes first. */
export const ACCESS_CACHE_ENTRIES = 1000;

export class RepositoryAccess {
  readonly #client: UserAccessClient | undefined;
  readonly #now: () => number;
  readonly #cache = new Map<string, { at: number; names: Promise<Set<string>> }>();

  constructor(client: UserAccessClient | undefined, now: () => number = Date.now) {
    this.#client = client;
    this.#now = now;
  }

  /** The summaries the viewer may see. `token` is the signed-in user's, or undefined. */
  async filter(summaries: readonly RepositorySummary[], token: string | undefined): Promise<RepositorySummary[]> {
    if (!summaries.some((summary) => summary.private)) return [...summaries];
    const visible: RepositorySummary[] = [];
    const byInstallation = new Map<number, Set<string>>();
    for (const summary of summaries) {
      if (!summary.private) {
        visible.push(summary);
        continue;
      }
      if (token === undefined || this.#client === undefined) continue;
      let names = byInstallation.get(summary.installationId);
      if (names === undefined) {
        names = await this.#accessible(token, summary.installationId);
        byInstallation.set(summary.installationId, names);
      }
      if (names.has(`${summary.owner}/${summary.name}`.toLowerCase())) visible.push(summary);
    }
    return visible;
  }

  async canSee(summary: RepositorySummary, token: string | undefined): Promise<boolean> {
    return (await this.filter([summary], token)).length === 1;
  }

  #accessible(token: string, installationId: number): Promise<Set<string>> {
    const client = this.#client;
    if (client === undefined) return Promise.resolve(new Set());
    // The token itself is never a map key: only its hash is kept in memory.
    const key = `${createHash("sha256").update(token).digest("base64url")}:${installationId}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined && this.#now() - cached.at < ACCESS_CACHE_MS) return cached.names;
    const names = client.accessibleRepositories(token, installationId).catch(() => {
      // A failed lookup shows nothing private and is not cached, so the next page asks again.
      this.#cache.delete(key);
      return new Set<string>();
    });
    this.#cache.delete(key);
    this.#cache.set(key, { at: this.#now(), names });
    while (this.#cache.size > ACCESS_CACHE_ENTRIES) {
      const oldest = this.#cache.keys().next().value;
      if (oldest === undefined) break;
      this.#cache.delete(oldest);
    }
    return names;
  }
}
