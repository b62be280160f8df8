// How the embedded engine is started. PostgreSQL's default of 128 MB of shared buffers is sized for
// a server; the App's store is small (a row and a report per repository), and PGlite's memory
// never shrinks once grown: 16 MB took an opened store from ~300 MB to ~160 MB RSS (docs/benchmarks.md).
import { setFlagsFromString } from "node:v8";
import { PGlite } from "@electric-sql/pglite";

export const PGLITE_SHARED_BUFFERS = "16MB";

/** PGlite's own start parameters plus the smaller buffer pool (command line, so postgresql.conf is left alone). */
export const PGLITE_START_PARAMS: string[] = [
  ...PGlite.defaultStartParams,
  "-c",
  `shared_buffers=${PGLITE_SHARED_BUFFERS}`,
];

/**
 * Compiles PGlite's WebAssembly with V8's baseline compiler only. By default V8 also recompiles
 * the functions Postgres runs often with its optimising compiler and keeps both copies: an
 * opened store took 248–269 MB RSS with it and 204–208 MB without, and 3,000 upserts and reads
 * ran no slower (docs/benchmarks.md). The flag only concerns WebAssembly, and it applies to
 * modules compiled after it is set, so it is set before PGlite is created.
 */
export function useBaselineWasmCompiler(): void {
  setFlagsFromString("--liftoff-only");
}
