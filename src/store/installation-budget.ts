// GitHub's per-installation budget, shared by every replica through the store: the pace of
// content-creating writes, and a pause while the installation is rate limited.
import type { Database } from "./database.js";
import { STORE_SCHEMA } from "./migrate.js";

/**
 * GitHub documents "generally" 80 content-creating requests a minute and 500 an hour as secondary
 * limits (docs.github.com, "Rate limits for the REST API"); stay below them with a margin.
 */
export const DEFAULT_WRITE_SPACING_MS = 1000;
export const DEFAULT_WRITES_PER_HOUR = 450;

export interface InstallationBudgetOptions {
  writeSpacingMs?: number;
  writesPerHour?: number;
}

export class InstallationBudget {
  readonly #spacingMs: number;
  readonly #perHour: number;

  constructor(
    private readonly database: Database,
    options: InstallationBudgetOptions = {},
  ) {
    this.#spacingMs = options.writeSpacingMs ?? DEFAULT_WRITE_SPACING_MS;
    this.#perHour = options.writesPerHour ?? DEFAULT_WRITES_PER_HOUR;
  }

  /**
   * Reserves the installation's next write slot and returns how long to wait for it (0 when now).
   * One UPDATE takes the row lock, so replicas reserving at once get distinct slots.
   */
  async reserveWrite(installationId: number): Promise<number> {
    await this.#ensure(installationId);
    // Every SET expression sees the old row; `slot` is spelled out where it is needed.
    const slot = `CASE
        WHEN write_hour_count >= $3 AND GREATEST(write_slot + $2 * interval '1 millisecond', now())
             < write_hour_start + interval '1 hour'
        THEN write_hour_start + interval '1 hour'
        ELSE GREATEST(write_slot + $2 * interval '1 millisecond', now()) END`;
    const rows = await this.database.query<{ wait_ms: string | number }>(
      `UPDATE ${STORE_SCHEMA}.installation SET
         write_slot = ${slot},
         write_hour_count = CASE WHEN ${slot} >= write_hour_start + interval '1 hour' THEN 1
                                 ELSE write_hour_count + 1 END,
         write_hour_start = CASE WHEN ${slot} >= write_hour_start + interval '1 hour' THEN ${slot}
                                 ELSE write_hour_start END
       WHERE installation_id = $1
       RETURNING GREATEST(0, EXTRACT(EPOCH FROM (write_slot - now())) * 1000) AS wait_ms`,
      [installationId, this.#spacingMs, this.#perHour],
    );
    return Math.ceil(Number(rows[0]?.wait_ms ?? 0));
  }

  /**
   * Reserves the installation's next check-run write slot, `spacingMs` after the last one any
   * replica reserved, and returns how long to wait for it (0 when now). One statement, so
   * replicas reserving at once get distinct slots.
   */
  async reserveRunWrite(installationId: number, spacingMs: number): Promise<number> {
    const rows = await this.database.query<{ wait_ms: string | number }>(
      `INSERT INTO ${STORE_SCHEMA}.installation AS existing (installation_id, run_write_slot) VALUES ($1, now())
       ON CONFLICT (installation_id) DO UPDATE SET
         run_write_slot = GREATEST(existing.run_write_slot + $2 * interval '1 millisecond', now())
       RETURNING GREATEST(0, EXTRACT(EPOCH FROM (run_write_slot - now())) * 1000) AS wait_ms`,
      [installationId, spacingMs],
    );
    return Math.ceil(Number(rows[0]?.wait_ms ?? 0));
  }

  /** Pauses the installation's screens until `until` (a rate limit's reset); never shortens a pause. */
  async pauseUntil(installationId: number, until: Date): Promise<void> {
    await this.#ensure(installationId);
    await this.database.query(
      `UPDATE ${STORE_SCHEMA}.installation SET paused_until = GREATEST(paused_until, $2::timestamptz)
       WHERE installation_id = $1`,
      [installationId, until.toISOString()],
    );
  }

  /** When the installation's pause ends, if it is paused now. */
  async pausedUntil(installationId: number): Promise<Date | undefined> {
    const rows = await this.database.query<{ paused_until: Date | string | null }>(
      `SELECT paused_until FROM ${STORE_SCHEMA}.installation WHERE installation_id = $1 AND paused_until > now()`,
      [installationId],
    );
    const until = rows[0]?.paused_until;
    return until === undefined || until === null ? undefined : new Date(until);
  }

  async #ensure(installationId: number): Promise<void> {
    await this.database.query(
      `INSERT INTO ${STORE_SCHEMA}.installation (installation_id) VALUES ($1) ON CONFLICT DO NOTHING`,
      [installationId],
    );
  }
}
