// Generated organisations for dashboard tests and benchmarks: reports with varied outcomes,
// licences and asset types, a few private repositories, and a served dashboard on loopback.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RegisteredIndicatorId as IndicatorId } from "../../src/indicators/registry.js";
import type { Outcome } from "../../src/core/outcome.js";
import { INDICATOR_IDS } from "../../src/indicators/registry.js";
import { allIndicators } from "../../src/indicators/registry.js";
import { MemoryDashboardSource, type MemoryEntry } from "../../src/dashboard/memory-dashboard-source.js";
import { summarizeReport } from "../../src/dashboard/repository-summary.js";
import {
  createDashboardHandler,
  type DashboardHandler,
  type DashboardOptions,
} from "../../src/dashboard/handle-dashboard-request.js";
import type { DashboardSource } from "../../src/dashboard/dashboard-source.js";
import type { ReportStore } from "../../src/store/report-store.js";
import type { IndicatorHeading } from "../../src/dashboard/render-organization-page.js";
import { buildReport } from "./build-report.js";

export const INDICATOR_HEADINGS: IndicatorHeading[] = allIndicators.map(({ id, title }) => ({ id, title }));

const CYCLE: Outcome[] = ["pass", "review", "fail", "attested", "pass", "not-applicable", "review"];
const LICENSES = ["MIT", "Apache-2.0", "GPL-3.0-or-later", null];

export interface GeneratedRepository {
  name: string;
  private?: boolean;
  outcomes?: Partial<Record<IndicatorId, Outcome>>;
  license?: string | null;
  history?: number[];
}

export function repositoryEntry(owner: string, installationId: number, repository: GeneratedRepository): MemoryEntry {
  const commit = `${repository.name.length.toString(16).padStart(2, "0")}${"a".repeat(38)}`;
  const report = buildReport(repository.outcomes ?? {}, {
    evidence: { "2": [{ path: "LICENSE", line: 1, note: "licence text" }] },
  });
  report.repository = {
    name: `${owner}/${repository.name}`,
    url: `https://github.com/${owner}/${repository.name}`,
    ref: commit,
  };
  report.license = repository.license === undefined ? "MIT" : repository.license;
  const screenedAt = "2026-11-30T12:00:00.000Z";
  const summary = summarizeReport(report, {
    installationId,
    owner,
    name: repository.name,
    private: repository.private ?? false,
    commit,
    screenedAt,
    checkRunUrl: `https://github.com/${owner}/${repository.name}/runs/1`,
    issueUrl: `https://github.com/${owner}/${repository.name}/issues/1`,
  });
  const history = (repository.history ?? []).map((met, index) => ({
    screenedAt: new Date(Date.UTC(2026, 10, 1 + index)).toISOString(),
    commit: `${index}`.padStart(40, "0"),
    met,
    rows: INDICATOR_IDS.length,
  }));
  return { summary, report, history };
}

/** `count` repositories named repo-0001…, outcomes cycling so every filter has hits. */
export function generateOrganization(owner: string, count: number, installationId = 1): MemoryEntry[] {
  const entries: MemoryEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const outcomes: Partial<Record<IndicatorId, Outcome>> = {};
    INDICATOR_IDS.forEach((id, row) => {
      outcomes[id] = CYCLE[(index + row * 3) % CYCLE.length] ?? "pass";
    });
    entries.push(
      repositoryEntry(owner, installationId, {
        name: `repo-${String(index + 1).padStart(4, "0")}`,
        outcomes,
        license: LICENSES[index % LICENSES.length] ?? null,
        history: [3, 5, 6, 8].map((met) => Math.min(met + (index % 3), 11)),
      }),
    );
  }
  return entries;
}

export interface ServedDashboard {
  url: string;
  source: DashboardSource;
  close(): Promise<void>;
}

export async function serveDashboard(
  entries: readonly MemoryEntry[],
  options: Partial<DashboardOptions> = {},
): Promise<ServedDashboard> {
  const source = new MemoryDashboardSource(entries);
  const handler = createDashboardHandler({ source, indicators: INDICATOR_HEADINGS, ...options });
  return serve(handler, source);
}

/** Saves the entries (and their history, as earlier commits) into the App's store. */
export async function fillStore(store: ReportStore, entries: readonly MemoryEntry[]): Promise<void> {
  for (const { summary, report, history } of entries) {
    const base = {
      installationId: summary.installationId,
      repository: `${summary.owner}/${summary.name}`,
      configFingerprint: "f",
      defaultBranch: true,
      conclusion: "neutral",
      private: summary.private,
    };
    // Older screens first, each with its number of met rows, so the store's history is the fixture's.
    for (const point of (history ?? []).slice(0, -1)) {
      const older = structuredClone(report);
      older.results.forEach((result, index) => (result.outcome = index < point.met ? "pass" : "fail"));
      await store.saveScreen({ ...base, commit: point.commit, report: older });
    }
    await store.saveScreen({ ...base, commit: summary.commit, checkRunId: 1, report });
  }
}

/** The dashboard over a store-backed source (the App's own), on loopback. */
export async function serveSource(
  source: DashboardSource,
  options: Partial<DashboardOptions> = {},
): Promise<ServedDashboard> {
  return serve(createDashboardHandler({ source, indicators: INDICATOR_HEADINGS, ...options }), source);
}

async function serve(handler: DashboardHandler, source: DashboardSource): Promise<ServedDashboard> {
  const server: Server = createServer((request, response) => {
    void handler(request, response).then((handled) => {
      if (!handled) {
        response.statusCode = 404;
        response.end("not the dashboard");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    source,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
