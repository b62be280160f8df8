// Schema migrations, run at start-up by every process. Each step runs once, in order, under an
// advisory lock so that replicas starting together on one PostgreSQL do not race.
import type { Database } from "./database.js";

export const STORE_SCHEMA = "dpg";

/** Append only: a released step is never edited, a change is a new step. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE ${STORE_SCHEMA}.report (
    repository text NOT NULL,
    commit text NOT NULL,
    installation_id bigint NOT NULL,
    config_fingerprint text NOT NULL,
    default_branch boolean NOT NULL,
    conclusion text NOT NULL,
    check_run_id bigint,
    met_rows text[] NOT NULL,
    report jsonb NOT NULL,
    screened_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (repository, commit)
  );
  CREATE INDEX report_installation ON ${STORE_SCHEMA}.report (installation_id, repository);
  CREATE INDEX report_history ON ${STORE_SCHEMA}.report (repository, screened_at DESC);
  CREATE TABLE ${STORE_SCHEMA}.repository (
    repository text PRIMARY KEY,
    installation_id bigint NOT NULL,
    head_commit text,
    head_at timestamptz,
    tracked_commit text,
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE ${STORE_SCHEMA}.delivery (
    id text PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX delivery_age ON ${STORE_SCHEMA}.delivery (received_at);
  CREATE TABLE ${STORE_SCHEMA}.installation (
    installation_id bigint PRIMARY KEY,
    paused_until timestamptz,
    write_slot timestamptz NOT NULL DEFAULT 'epoch',
    write_hour_start timestamptz NOT NULL DEFAULT 'epoch',
    write_hour_count integer NOT NULL DEFAULT 0
  );
  `,
  // Whether each screened repository is private, for the dashboard (NULL: never recorded, shown as private).
  `ALTER TABLE ${STORE_SCHEMA}.report ADD COLUMN private boolean;`,
  // The job's config key (blob ids of the repository and organisation configs), for the sweep.
  `ALTER TABLE ${STORE_SCHEMA}.report ADD COLUMN config_key text NOT NULL DEFAULT 'unknown';`,
  // A few facts of each report (row outcomes, asset types, licence, GitHub's spelling and address),
  // so the dashboard's table reads a small column instead of every full report.
  `ALTER TABLE ${STORE_SCHEMA}.report ADD COLUMN summary jsonb;`,
  // The number of the repository's tracking issue, for the dashboard's link to it.
  `ALTER TABLE ${STORE_SCHEMA}.repository ADD COLUMN tracking_issue integer;`,
  // Whether a maintainer asked the App for fix issues in the repository. Rows from before this
  // column stay NULL (unknown, so their issues are still listed); rows created later start false.
  `ALTER TABLE ${STORE_SCHEMA}.repository ADD COLUMN fix_issues_requested boolean;
   ALTER TABLE ${STORE_SCHEMA}.repository ALTER COLUMN fix_issues_requested SET DEFAULT false;`,
  // The error run a failed screen completed on a commit, so that a later screen of the commit (a
  // sweep, a re-run) completes that run again instead of adding a second one.
  `CREATE TABLE ${STORE_SCHEMA}.failed_run (
     repository text NOT NULL,
     commit text NOT NULL,
     check_run_id bigint NOT NULL,
     failed_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (repository, commit)
   );`,
  // The installation's last check-run write slot, so replicas together keep one write pace.
  `ALTER TABLE ${STORE_SCHEMA}.installation ADD COLUMN run_write_slot timestamptz NOT NULL DEFAULT 'epoch';`,
];

const LOCK_KEY = 0x64706773; // "dpgs"

export async function migrate(database: Database): Promise<number> {
  await database.exec(`CREATE SCHEMA IF NOT EXISTS ${STORE_SCHEMA};
    CREATE TABLE IF NOT EXISTS ${STORE_SCHEMA}.migration (
      version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());`);
  // One text so that lock, steps and release share one session on a pooled connection.
  const rows = await database.query<{ version: number | null }>(
    `SELECT max(version) AS version FROM ${STORE_SCHEMA}.migration`,
  );
  let applied = rows[0]?.version ?? 0;
  for (let version = applied + 1; version <= MIGRATIONS.length; version++) {
    await database.exec(`BEGIN;
      SELECT pg_advisory_xact_lock(${LOCK_KEY});
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM ${STORE_SCHEMA}.migration WHERE version = ${version}) THEN
          EXECUTE ${quoteLiteral(MIGRATIONS[version - 1] ?? "")};
          INSERT INTO ${STORE_SCHEMA}.migration (version) VALUES (${version});
        END IF;
      END $$;
      COMMIT;`);
    applied = version;
  }
  return applied;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
