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
  ids: IndicatorId[];
  outcomes: Outcome[];
  asset_types: AssetType[] | null;
  license: string | null;
  url: string | null;
  full_name: string | null;
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
    const rows = await this.database.query<SummaryRow & { report: Report | string }>(
      `SELECT ${SUMMARY_COLUMNS}, report FROM ${STORE_SCHEMA}.report
       WHERE repository = $1 AND default_branch ORDER BY screened_at DESC LIMIT 1`,
      [`${owner}/${name}`.toLowerCase()],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    const report = typeof row.report === "string" ? (JSON.parse(row.report) as Report) : row.report;
    const base = toSummary(row);
    const { outcomes: _outcomes, met: _met, rows: _rows, assetTypes: _types, license: _license, ...facts } = base;
    return { summary: summarizeReport(report, facts), report };
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

const SUMMARY_COLUMNS = `repository, installation_id, commit, check_run_id, screened_at, private,
  jsonb_path_query_array(report, '$.results[*].indicator') AS ids,
  jsonb_path_query_array(report, '$.results[*].outcome') AS outcomes,
  report->'assetTypes' AS asset_types, report->>'license' AS license, report->'repository'->>'url' AS url,
  report->'repository'->>'name' AS full_name`;

function toSummary(row: SummaryRow): RepositorySummary {
  // The store keys on the lower-cased name; the report keeps GitHub's spelling for display.
  const spelled =
    row.full_name !== null && row.full_name.toLowerCase() === row.repository ? row.full_name : row.repository;
  const [owner = "", name = ""] = spelled.split("/");
  const outcomes: Partial<Record<IndicatorId, Outcome>> = {};
  row.ids.forEach((id, index) => {
    const outcome = row.outcomes[index];
    if (outcome !== undefined) outcomes[id] = outcome;
  });
  const met = row.outcomes.filter(isMet).length;
  const url = row.url !== null && /^https?:\/\//.test(row.url) ? row.url.replace(/\/$/, "") : undefined;
  return {
    installationId: Number(row.installation_id),
    owner,
    name,
    private: row.private !== false,
    commit: row.commit,
    screenedAt: new Date(row.screened_at).toISOString(),
    outcomes,
    met,
    rows: row.outcomes.length,
    assetTypes: row.asset_types ?? [],
    license: row.license,
    ...(row.check_run_id !== null && url !== undefined
      ? { checkRunUrl: `${url}/runs/${Number(row.check_run_id)}` }
      : {}),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
