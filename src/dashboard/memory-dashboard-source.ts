// A DashboardSource over arrays, for tests and benchmarks.
import type { Report } from "../core/report.js";
import type { DashboardSource, HistoryPoint, InstallationEntry } from "./dashboard-source.js";
import type { RepositorySummary } from "./repository-summary.js";

export interface MemoryEntry {
  summary: RepositorySummary;
  report: Report;
  history?: HistoryPoint[];
}

export class MemoryDashboardSource implements DashboardSource {
  readonly #entries = new Map<string, MemoryEntry>();

  constructor(entries: readonly MemoryEntry[] = []) {
    for (const entry of entries) this.put(entry);
  }

  put(entry: MemoryEntry): void {
    this.#entries.set(keyOf(entry.summary.owner, entry.summary.name), entry);
  }

  async listInstallations(): Promise<InstallationEntry[]> {
    const seen = new Map<string, InstallationEntry>();
    for (const { summary } of this.#entries.values())
      seen.set(summary.owner.toLowerCase(), { installationId: summary.installationId, owner: summary.owner });
    return [...seen.values()];
  }

  async listSummaries(owner: string): Promise<RepositorySummary[]> {
    const wanted = owner.toLowerCase();
    return [...this.#entries.values()]
      .filter((entry) => entry.summary.owner.toLowerCase() === wanted)
      .map((entry) => entry.summary);
  }

  async getRepository(
    owner: string,
    name: string,
  ): Promise<{ summary: RepositorySummary; report: Report } | undefined> {
    const entry = this.#entries.get(keyOf(owner, name));
    return entry === undefined ? undefined : { summary: entry.summary, report: entry.report };
  }

  async history(owner: string, name: string): Promise<HistoryPoint[]> {
    return this.#entries.get(keyOf(owner, name))?.history ?? [];
  }
}

function keyOf(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}
