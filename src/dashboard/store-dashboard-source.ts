// The dashboard over the App's store: one SQL query per page, reading only the few fields of each
// repository's latest default-branch report that the table needs (outcomes, asset types, licence),
// extracted by PostgreSQL (or PGlite) itself, so a 10,000-repository page never parses 10,000
// reports in JavaScript. A repository whose visibility was never recorded counts as private.
import type { IndicatorId } from "../core/indicator.js";
import { isMet, type Outcome } from "../core/outcome.js";
import type { AssetType } from "../core/asset-type.js";
import type { Report } from "../core/report.js";
import type { Database } from "../store/database.js";
import { STORE_SCHEMA } from "../store/migrate.js";
import type { ReportSummary } from "../store/report-store.js";
import type { DashboardSource, HistoryPoint, InstallationEntry } from "./dashboard-source.js";
import type { RepositorySummary } from "./repository-summary.js";
import { summarizeReport } from "./repository-summary.js";

interface SummaryRow {
  repository: string;
  installation_id: string | number;
  commit: string;
  check_run_id: string | number | null;
  screened_at: Date | string;
  private: boolean | null;
  summary: ReportSummary | null;
}

/** Most screens of one repository shown in its history chart. */
const HISTORY_LIMIT = 200;

export class StoreDashboardSource implements DashboardSource {
  constructor(private readonly database: Database) {}

  async listInstallations(): Promise<InstallationEntry[]> {
    const rows = await this.database.query<{ installation_id: string | number; owner: string }>(
      `SELECT DISTINCT installation_id, split_part(repository, '/', 1) AS owner
       FROM ${STORE_SCHEMA}.report WHERE default_branch`,
    );
    return rows.map((row) => ({ installationId: Number(row.installation_id), owner: row.owner }));
  }

  async listSummaries(owner: string): Promise<RepositorySummary[]> {
    const rows = await this.database.query<SummaryRow>(
      `SELECT DISTINCT ON (repository) ${SUMMARY_COLUMNS}
       FROM ${STORE_SCHEMA}.report
       WHERE default_branch AND repository LIKE $1 ESCAPE '\\'
       ORDER BY repository, screened_at DESC`,
      [`${escapeLike(owner.toLowerCase())}/%`],
    );
    return rows.map(toSummary);
  }

  async getRepository(
    owner: string,
    name: string,
  ): Promise<{ summary: RepositorySummary; report: Report } | undefined> {
    const rows = await this.database.query<SummaryRow & { report: Report | string; tracking_issue: number | null }>(
      `SELECT ${SUMMARY_COLUMNS}, report,
         (SELECT tracking_issue FROM ${STORE_SCHEMA}.repository r WHERE r.repository = $1) AS tracking_issue
       FROM ${STORE_SCHEMA}.report
       WHERE repository = $1 AND default_branch ORDER BY screened_at DESC LIMIT 1`,
      [`${owner}/${name}`.toLowerCase()],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    const report = typeof row.report === "string" ? (JSON.parse(row.report) as Report) : row.report;
    const base = toSummary(row);
    const { outcomes: _outcomes, met: _met, rows: _rows, assetTypes: _types, license: _license, ...facts } = base;
    const url = repositoryUrl(row.summary);
    const issueUrl =
      row.tracking_issue !== null && url !== undefined ? `${url}/issues/${Number(row.tracking_issue)}` : undefined;
    return { summary: summarizeReport(report, issueUrl === undefined ? facts : { ...facts, issueUrl }), report };
  }

  async history(owner: string, name: string): Promise<HistoryPoint[]> {
    const rows = await this.database.query<{
      commit: string;
      met_rows: string[];
      screened_at: Date | string;
      rows: number;
    }>(
      `SELECT commit, met_rows, screened_at, jsonb_array_length(report->'results') AS rows
       FROM ${STORE_SCHEMA}.report WHERE repository = $1 AND default_branch
       ORDER BY screened_at DESC LIMIT $2`,
      [`${owner}/${name}`.toLowerCase(), HISTORY_LIMIT],
    );
    return rows
      .map((row) => ({
        screenedAt: new Date(row.screened_at).toISOString(),
        commit: row.commit,
        met: row.met_rows.length,
        rows: Number(row.rows),
      }))
      .reverse();
  }
}

// Screens saved before the summary column existed get theirs built from the report, in SQL.
const SUMMARY_COLUMNS = `repository, installation_id, commit, check_run_id, screened_at, private,
  COALESCE(summary, jsonb_build_object(
    'outcomes', (SELECT jsonb_object_agg(r->>'indicator', r->>'outcome') FROM jsonb_array_elements(report->'results') r),
    'assetTypes', report->'assetTypes', 'license', report->'license',
    'name', report->'repository'->'name', 'url', report->'repository'->'url')) AS summary`;

function toSummary(row: SummaryRow): RepositorySummary {
  const summary = row.summary;
  // The store keys on the lower-cased name; the report keeps GitHub's spelling for display.
  const fullName = typeof summary?.name === "string" ? summary.name : "";
  const spelled = fullName.toLowerCase() === row.repository ? fullName : row.repository;
  const [owner = "", name = ""] = spelled.split("/");
  const outcomes = (summary?.outcomes ?? {}) as Partial<Record<IndicatorId, Outcome>>;
  const values = Object.values(outcomes).filter((outcome): outcome is Outcome => outcome !== undefined);
  const met = values.filter(isMet).length;
  const url = repositoryUrl(summary);
  return {
    installationId: Number(row.installation_id),
    owner,
    name,
    private: row.private !== false,
    commit: row.commit,
    screenedAt: new Date(row.screened_at).toISOString(),
    outcomes,
    met,
    rows: values.length,
    assetTypes: (summary?.assetTypes ?? []) as AssetType[],
    license: summary?.license ?? null,
    ...(row.check_run_id !== null && url !== undefined
      ? { checkRunUrl: `${url}/runs/${Number(row.check_run_id)}` }
      : {}),
  };
}

/** The repository's address on GitHub as the report spelled it, when it is an http(s) URL. */
function repositoryUrl(summary: ReportSummary | null): string | undefined {
  const address = summary?.url;
  return typeof address === "string" && /^https?:\/\//.test(address) ? address.replace(/\/$/, "") : undefined;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
