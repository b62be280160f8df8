// The App's memory across processes and replicas: the latest Report per repository and commit,
// the newest known head of each default branch, and which commit the tracking issue shows.
// The dashboard reads it through the three queries at the bottom.
import { isMet } from "../core/outcome.js";
import type { Report } from "../core/report.js";
import type { Database } from "./database.js";
import { STORE_SCHEMA } from "./migrate.js";

export interface SavedScreen {
  installationId: number;
  /** "owner/name", any case; stored lower-case. */
  repository: string;
  commit: string;
  configFingerprint: string;
  /** The job's config key (what a sweep compares); "unknown" when the enqueuer could not tell. */
  configKey?: string;
  defaultBranch: boolean;
  conclusion: string;
  checkRunId?: number | undefined;
  /** The repository's visibility when screened; the dashboard treats unknown as private. */
  private?: boolean | undefined;
  report: Report;
}

/** The `summary` column: a report's row outcomes, asset types, licence, full name and address. */
export interface ReportSummary {
  outcomes: Record<string, string>;
  assetTypes: string[];
  license: string | null;
  name: string;
  url?: string;
}

export interface StoredScreen extends Omit<SavedScreen, "report"> {
  metRows: string[];
  screenedAt: Date;
}

export interface MetRowsEntry {
  commit: string;
  metRows: string[];
  screenedAt: Date;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `after` for the next page; undefined on the last page. */
  next?: string;
}

interface ScreenRow {
  repository: string;
  commit: string;
  installation_id: string | number;
  config_fingerprint: string;
  config_key: string;
  default_branch: boolean;
  conclusion: string;
  check_run_id: string | number | null;
  met_rows: string[];
  screened_at: Date | string;
}

const SCREEN_COLUMNS = `repository, commit, installation_id, config_fingerprint, config_key, default_branch, conclusion,
  check_run_id, met_rows, screened_at`;

/**
 * Days an error run is remembered for its commit. A commit screened again after that (a sweep of
 * a repository that has not moved for a month) gets one more error run, not a lost one.
 */
export const FAILED_RUN_DAYS = 30;

export class ReportStore {
  constructor(private readonly database: Database) {}

  /** Saves (or replaces) the report of one commit. */
  async saveScreen(screen: SavedScreen): Promise<void> {
    const metRows = screen.report.results.filter((result) => isMet(result.outcome)).map((result) => result.indicator);
    await this.database.query(
      `INSERT INTO ${STORE_SCHEMA}.report (${SCREEN_COLUMNS}, report, private, summary)
       VALUES ($1, $2, $3, $4, $11, $5, $6, $7, $8, now(), $9, $10, $12)
       ON CONFLICT (repository, commit) DO UPDATE SET
         installation_id = EXCLUDED.installation_id, config_fingerprint = EXCLUDED.config_fingerprint,
         config_key = EXCLUDED.config_key,
         default_branch = EXCLUDED.default_branch, conclusion = EXCLUDED.conclusion,
         check_run_id = EXCLUDED.check_run_id, met_rows = EXCLUDED.met_rows, report = EXCLUDED.report,
         private = EXCLUDED.private, summary = EXCLUDED.summary, screened_at = now()`,
      [
        normalise(screen.repository),
        screen.commit,
        screen.installationId,
        screen.configFingerprint,
        screen.defaultBranch,
        screen.conclusion,
        screen.checkRunId ?? null,
        metRows,
        JSON.stringify(screen.report),
        screen.private ?? null,
        screen.configKey ?? "unknown",
        JSON.stringify(summaryOf(screen.report)),
      ],
    );
  }

  /**
   * Notes the error run a failed screen completed on `commit` (the newest one wins), and forgets
   * those older than FAILED_RUN_DAYS, so the table does not keep every commit that ever failed.
   */
  async recordFailedRun(repository: string, commit: string, checkRunId: number): Promise<void> {
    await this.database.query(
      `INSERT INTO ${STORE_SCHEMA}.failed_run (repository, commit, check_run_id) VALUES ($1, $2, $3)
       ON CONFLICT (repository, commit) DO UPDATE SET check_run_id = EXCLUDED.check_run_id, failed_at = now()`,
      [normalise(repository), commit, checkRunId],
    );
    await this.database.query(
      `DELETE FROM ${STORE_SCHEMA}.failed_run WHERE failed_at < now() - make_interval(days => $1)`,
      [FAILED_RUN_DAYS],
    );
  }

  /** The error run a failed screen left on `commit`, if any. */
  async failedRun(repository: string, commit: string): Promise<number | undefined> {
    const rows = await this.database.query<{ check_run_id: string | number }>(
      `SELECT check_run_id FROM ${STORE_SCHEMA}.failed_run WHERE repository = $1 AND commit = $2`,
      [normalise(repository), commit],
    );
    return rows[0] === undefined ? undefined : Number(rows[0].check_run_id);
  }

  /** The stored screen of one commit, without its report body. */
  async findScreen(repository: string, commit: string): Promise<StoredScreen | undefined> {
    const rows = await this.database.query<ScreenRow>(
      `SELECT ${SCREEN_COLUMNS} FROM ${STORE_SCHEMA}.report WHERE repository = $1 AND commit = $2`,
      [normalise(repository), commit],
    );
    return rows[0] === undefined ? undefined : toScreen(rows[0]);
  }

  /**
   * Records the head of a repository's default branch as seen at `seenAt` (a push's commit time,
   * or a sweep's read time). An older sighting never replaces a newer one, whatever the order
   * events arrive in. Returns the head in force afterwards.
   */
  async noteHead(installationId: number, repository: string, commit: string, seenAt: Date): Promise<string> {
    const rows = await this.database.query<{ head_commit: string }>(
      `INSERT INTO ${STORE_SCHEMA}.repository AS r (repository, installation_id, head_commit, head_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (repository) DO UPDATE SET
         installation_id = EXCLUDED.installation_id,
         head_commit = CASE WHEN r.head_at IS NULL OR EXCLUDED.head_at >= r.head_at
                            THEN EXCLUDED.head_commit ELSE r.head_commit END,
         head_at = GREATEST(r.head_at, EXCLUDED.head_at),
         updated_at = now()
       RETURNING head_commit`,
      [normalise(repository), installationId, commit, seenAt.toISOString()],
    );
    return rows[0]?.head_commit ?? commit;
  }

  /** The newest known head of the default branch, if any was seen. */
  async head(repository: string): Promise<string | undefined> {
    const rows = await this.database.query<{ head_commit: string | null }>(
      `SELECT head_commit FROM ${STORE_SCHEMA}.repository WHERE repository = $1`,
      [normalise(repository)],
    );
    return rows[0]?.head_commit ?? undefined;
  }

  /**
   * Claims the tracking issue for `commit`: true only when it is still the newest known head of
   * the default branch (or no head is known), so a late screen of an older commit leaves the
   * issue to the newer one.
   */
  async claimTracking(installationId: number, repository: string, commit: string): Promise<boolean> {
    const rows = await this.database.query<{ tracked_commit: string }>(
      `INSERT INTO ${STORE_SCHEMA}.repository AS r (repository, installation_id, tracked_commit)
       VALUES ($1, $2, $3)
       ON CONFLICT (repository) DO UPDATE SET tracked_commit = EXCLUDED.tracked_commit, updated_at = now()
         WHERE r.head_commit IS NULL OR r.head_commit = EXCLUDED.tracked_commit
       RETURNING tracked_commit`,
      [normalise(repository), installationId, commit],
    );
    return rows.length === 1;
  }

  /** Keeps the number of the repository's tracking issue (open or closed) for the dashboard. */
  async recordTrackingIssue(repository: string, issue: number): Promise<void> {
    await this.database.query(
      `UPDATE ${STORE_SCHEMA}.repository SET tracking_issue = $2, updated_at = now() WHERE repository = $1`,
      [normalise(repository), issue],
    );
  }

  /** Notes that a maintainer asked for fix issues in the repository (the "Open fix issues" button). */
  async recordFixIssuesRequested(installationId: number, repository: string): Promise<void> {
    await this.database.query(
      `INSERT INTO ${STORE_SCHEMA}.repository (repository, installation_id, fix_issues_requested)
       VALUES ($1, $2, true)
       ON CONFLICT (repository) DO UPDATE SET fix_issues_requested = true, updated_at = now()`,
      [normalise(repository), installationId],
    );
  }

  /**
   * False only when the store knows no fix issues were ever asked for in the repository: never
   * screened here, or screened since the store began keeping this. Then a repository that has not
   * opted in to issues has none of the App's issues to keep in line, and no listing is needed.
   */
  async mayHaveFixIssues(repository: string): Promise<boolean> {
    const rows = await this.database.query<{ fix_issues_requested: boolean | null }>(
      `SELECT fix_issues_requested FROM ${STORE_SCHEMA}.repository WHERE repository = $1`,
      [normalise(repository)],
    );
    const row = rows[0];
    return row !== undefined && row.fix_issues_requested !== false;
  }

  /** The number of the repository's tracking issue, when the App has one. */
  async trackingIssue(repository: string): Promise<number | undefined> {
    const rows = await this.database.query<{ tracking_issue: number | null }>(
      `SELECT tracking_issue FROM ${STORE_SCHEMA}.repository WHERE repository = $1`,
      [normalise(repository)],
    );
    return rows[0]?.tracking_issue ?? undefined;
  }

  /** The latest screen of the repository's default branch, with its report. */
  async latestReport(repository: string): Promise<(StoredScreen & { report: Report }) | undefined> {
    const rows = await this.database.query<ScreenRow & { report: Report | string }>(
      `SELECT ${SCREEN_COLUMNS}, report FROM ${STORE_SCHEMA}.report
       WHERE repository = $1 AND default_branch ORDER BY screened_at DESC LIMIT 1`,
      [normalise(repository)],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return {
      ...toScreen(row),
      report: typeof row.report === "string" ? (JSON.parse(row.report) as Report) : row.report,
    };
  }

  /** The met rows of each default-branch screen of the repository, newest first. */
  async metRowsHistory(repository: string, limit = 100): Promise<MetRowsEntry[]> {
    const rows = await this.database.query<Pick<ScreenRow, "commit" | "met_rows" | "screened_at">>(
      `SELECT commit, met_rows, screened_at FROM ${STORE_SCHEMA}.report
       WHERE repository = $1 AND default_branch ORDER BY screened_at DESC LIMIT $2`,
      [normalise(repository), clampLimit(limit)],
    );
    return rows.map((row) => ({ commit: row.commit, metRows: row.met_rows, screenedAt: new Date(row.screened_at) }));
  }

  /** The latest default-branch screen of each repository of an installation, by repository name. */
  async listInstallation(
    installationId: number,
    options: { after?: string; limit?: number } = {},
  ): Promise<Page<StoredScreen>> {
    const limit = clampLimit(options.limit ?? 50);
    const rows = await this.database.query<ScreenRow>(
      `SELECT DISTINCT ON (repository) ${SCREEN_COLUMNS} FROM ${STORE_SCHEMA}.report
       WHERE installation_id = $1 AND default_branch AND repository > $2
       ORDER BY repository, screened_at DESC LIMIT $3`,
      [installationId, options.after ?? "", limit + 1],
    );
    const items = rows.slice(0, limit).map(toScreen);
    const last = items.at(-1);
    return rows.length > limit && last !== undefined ? { items, next: last.repository } : { items };
  }
}

/** What the dashboard's table needs of a report (see ReportSummary). */
export function summaryOf(report: Report): ReportSummary {
  const outcomes: Record<string, string> = {};
  for (const result of report.results) outcomes[result.indicator] = result.outcome;
  return {
    outcomes,
    assetTypes: report.assetTypes,
    license: report.license,
    name: report.repository.name,
    ...(report.repository.url === undefined ? {} : { url: report.repository.url }),
  };
}

function toScreen(row: ScreenRow): StoredScreen {
  return {
    installationId: Number(row.installation_id),
    repository: row.repository,
    commit: row.commit,
    configFingerprint: row.config_fingerprint,
    configKey: row.config_key,
    defaultBranch: row.default_branch,
    conclusion: row.conclusion,
    ...(row.check_run_id === null ? {} : { checkRunId: Number(row.check_run_id) }),
    metRows: row.met_rows,
    screenedAt: new Date(row.screened_at),
  };
}

function normalise(repository: string): string {
  return repository.toLowerCase();
}

function clampLimit(limit: number): number {
  return Math.max(1, Math.min(500, Math.floor(limit)));
}
