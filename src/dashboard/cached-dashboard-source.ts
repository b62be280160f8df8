// Keeps each organisation's summaries for a few seconds: the table's totals, filters, sorting and
// paging all run over every repository, so each click on a 10,000-repository table read all their
// summaries from the store again (1.0–1.4 s on PGlite, docs/benchmarks.md). Requests within
// SUMMARY_TTL_MS, and those that arrive while a read is under way, share one read. A failed read is
// never kept. Repository pages and histories are one repository's rows and are not kept.
import type { DashboardSource, HistoryPoint, InstallationEntry } from "./dashboard-source.js";
import type { RepositorySummary } from "./repository-summary.js";

/** How long an organisation's summaries are served from memory: a screen shows up at most this late. */
export const SUMMARY_TTL_MS = 10_000;

export class CachedDashboardSource implements DashboardSource {
  readonly #kept = new Map<string, { at: number; summaries: Promise<RepositorySummary[]> }>();

  constructor(
    private readonly source: DashboardSource,
    private readonly now: () => number = Date.now,
  ) {}

  listInstallations(): Promise<InstallationEntry[]> {
    return this.source.listInstallations();
  }

  listSummaries(owner: string): Promise<RepositorySummary[]> {
    const key = owner.toLowerCase();
    const now = this.now();
    // Entries past their time are dropped here, so the map holds at most the owners asked for lately.
    for (const [kept, entry] of this.#kept) if (now - entry.at >= SUMMARY_TTL_MS) this.#kept.delete(kept);
    const kept = this.#kept.get(key);
    if (kept !== undefined) return kept.summaries;
    const summaries = this.source.listSummaries(owner);
    this.#kept.set(key, { at: now, summaries });
    summaries.catch(() => {
      if (this.#kept.get(key)?.summaries === summaries) this.#kept.delete(key);
    });
    return summaries;
  }

  getRepository(owner: string, name: string) {
    return this.source.getRepository(owner, name);
  }

  history(owner: string, name: string): Promise<HistoryPoint[]> {
    return this.source.history(owner, name);
  }
}
