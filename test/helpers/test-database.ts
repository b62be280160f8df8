// The databases the store and queue suites run on: PGlite always, and the PostgreSQL server
// named by TEST_DATABASE_URL when there is one (.ci/run starts one). Each suite gets its own
// schema-free database: PGlite in memory, or a fresh database on the server.
import pg from "pg";
import { openDatabase, type Database } from "../../src/store/database.js";
import { migrate } from "../../src/store/migrate.js";

export interface TestEngine {
  name: "pglite" | "postgres";
  open(): Promise<Database>;
}

const serverUrl = process.env.TEST_DATABASE_URL;

export const engines: TestEngine[] = [
  { name: "pglite", open: () => openMigrated({ dataDir: "memory://" }) },
  ...(serverUrl === undefined || serverUrl === ""
    ? []
    : [{ name: "postgres" as const, open: () => openFreshServerDatabase(serverUrl) }]),
];

/** Says once, clearly, why the PostgreSQL half of a suite did not run. */
export function reportSkippedServer(suite: string): void {
  if (serverUrl === undefined || serverUrl === "") {
    process.stderr.write(
      `${suite}: PostgreSQL suite SKIPPED: TEST_DATABASE_URL is not set (.ci/run starts a server; ` +
        `locally: TEST_DATABASE_URL=postgres://user@127.0.0.1:5432/postgres npm test)\n`,
    );
  }
}

async function openMigrated(options: { dataDir?: string; databaseUrl?: string }): Promise<Database> {
  const database = await openDatabase(options);
  await migrate(database);
  return database;
}

let counter = 0;
async function openFreshServerDatabase(url: string): Promise<Database> {
  const name = `dpg_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return openMigrated({ databaseUrl: target.toString() });
}
