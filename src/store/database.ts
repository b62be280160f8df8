// One SQL dialect for both deployments: PostgreSQL when DATABASE_URL is set (any number of
// replicas share it), otherwise PGlite, Postgres compiled to WebAssembly, in-process and kept in
// a data folder. Everything above this file sees only `Database`.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn } from "node:child_process";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PGLITE_START_PARAMS, useBaselineWasmCompiler } from "./pglite-settings.js";

export interface Database {
  /** "postgres" for a server, "pglite" for the embedded engine (single process only). */
  readonly engine: "postgres" | "pglite";
  /** One statement with `$1…` parameters; returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, parameters?: readonly unknown[]): Promise<Row[]>;
  /** Several statements without parameters (migrations); returns the last statement's rows. */
  exec(sql: string): Promise<unknown[]>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…`; when absent the embedded engine is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded engine's files; "memory://" keeps nothing (tests). */
  dataDir?: string | undefined;
  /** Connections in the pool (server only). */
  maxConnections?: number;
}

export const DEFAULT_DATA_DIR = "./data";

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== "") {
    return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  }
  return openPglite(options.dataDir ?? DEFAULT_DATA_DIR);
}

async function openPostgres(connectionString: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max, application_name: "dpg-screener" });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  await pool.query("SELECT 1");
  return {
    engine: "postgres",
    async query<Row>(sql: string, parameters: readonly unknown[] = []) {
      const result = await pool.query(sql, [...parameters]);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      // A multi-statement text gives one result per statement.
      const result = (await pool.query(sql)) as pg.QueryResult | pg.QueryResult[];
      return Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows;
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.includes("://")) {
    mkdirSync(dataDir, { recursive: true });
    if (!existsSync(join(dataDir, "PG_VERSION"))) await createDataDirInChild(dataDir);
  }
  useBaselineWasmCompiler();
  const db = await PGlite.create(dataDir, { startParams: PGLITE_START_PARAMS });
  return {
    engine: "pglite",
    async query<Row>(sql: string, parameters: readonly unknown[] = []) {
      const result = await db.query<Row>(sql, parameters.map(toPgliteParameter));
      return result.rows;
    },
    async exec(sql: string) {
      const results = await db.exec(sql);
      return results.at(-1)?.rows ?? [];
    },
    close: () => db.close(),
  };
}

/**
 * A new data folder is created in a child process: initdb's memory (~500 MB) then leaves with it.
 * Should the child fail, the folder is created in this process by the caller, as before.
 */
async function createDataDirInChild(dataDir: string): Promise<void> {
  const compiled = fileURLToPath(new URL("./create-pglite-data-dir.js", import.meta.url));
  const args = existsSync(compiled)
    ? [compiled, dataDir]
    : ["--import", "tsx", fileURLToPath(new URL("./create-pglite-data-dir.ts", import.meta.url)), dataDir];
  await new Promise<void>((resolve) => {
    const child = spawn(process.execPath, args, { stdio: "ignore" });
    child.once("error", () => resolve());
    child.once("exit", () => resolve());
  });
}

/**
 * PGlite sends parameters as text and, unlike node-postgres, does not encode JavaScript arrays
 * (pg-boss passes job ids as arrays); encode them as Postgres array literals.
 */
function toPgliteParameter(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const items = value.map((item: unknown) =>
    item === null || item === undefined ? "NULL" : `"${String(item).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`,
  );
  return `{${items.join(",")}}`;
}

/**
 * pg-boss's `db` option: its statements either carry parameters (one statement) or none (its
 * multi-statement plans, such as BEGIN…COMMIT blocks), so each goes to the matching call.
 */
export function bossDatabase(database: Database): {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
} {
  return {
    async executeSql(text, values) {
      if (values === undefined || values.length === 0) return { rows: await database.exec(text) };
      return { rows: await database.query(text, values) };
    },
  };
}
