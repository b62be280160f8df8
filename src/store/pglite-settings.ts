// How the embedded engine is started. PostgreSQL's default of 128 MB of shared buffers is sized for
// a server; the App's store is small (a row and a report per repository), and PGlite's memory
// never shrinks once grown: 16 MB took an opened store from ~300 MB to ~160 MB RSS (docs/benchmarks.md).
import { PGlite } from "@electric-sql/pglite";

export const PGLITE_SHARED_BUFFERS = "16MB";

/** PGlite's own start parameters plus the smaller buffer pool (command line, so postgresql.conf is left alone). */
export const PGLITE_START_PARAMS: string[] = [
  ...PGlite.defaultStartParams,
  "-c",
  `shared_buffers=${PGLITE_SHARED_BUFFERS}`,
];
