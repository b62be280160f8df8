// Reads the data files `npm run build` writes into lib/data/ (the SPDX text index). These are
// the screener's own build products, never repository content; kept apart from the domain
// modules, which do no file I/O.
import { existsSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/**
 * Where the data files live: lib/data/, next to the compiled modules, or the folder in
 * DPG_SCREENER_DATA_DIR (the test setup builds them there once per run).
 */
export const DATA_DIR =
  process.env["DPG_SCREENER_DATA_DIR"] !== undefined && process.env["DPG_SCREENER_DATA_DIR"] !== ""
    ? pathToFileURL(`${process.env["DPG_SCREENER_DATA_DIR"].replace(/\/$/, "")}/`)
    : new URL("../data/", import.meta.url);

/** The text of one data file, or undefined when it was not built. */
export function readDataFile(name: string): string | undefined {
  const url = new URL(name, DATA_DIR);
  if (!existsSync(url)) return undefined;
  try {
    return readFileSync(url, "utf8");
  } catch {
    return undefined;
  }
}
