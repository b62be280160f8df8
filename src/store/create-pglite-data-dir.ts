// Child-process entry (`node create-pglite-data-dir.js DIR`): creates an embedded engine's data
// folder (PGlite runs initdb, a second WebAssembly instance of several hundred MB) and exits, so
// that memory leaves with the process instead of staying with the App (a worker thread's did not:
// its freed memory stayed in the App's RSS).
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_START_PARAMS } from "./pglite-settings.js";

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error("usage: create-pglite-data-dir DIR");
const db = await PGlite.create(dataDir, { startParams: PGLITE_START_PARAMS });
await db.close();
