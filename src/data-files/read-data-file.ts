// Reads the data files `npm run build` writes into lib/data/ (the SPDX text index and the SDG goal
// index, src/data-files/write-data-files.ts). These are the screener's own build products, never
// repository content; kept apart from the domain modules, which do no file I/O.
import { closeSync, existsSync, openSync, readFileSync, readSync } from "node:fs";
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

/**
 * `length` bytes of a data file from byte `start`, as text, or undefined when the file is missing
 * or shorter: the words file is read one licence at a time, not as a whole.
 */
export function readDataFileRange(name: string, start: number, length: number): string | undefined {
  const url = new URL(name, DATA_DIR);
  let fd: number | undefined;
  try {
    fd = openSync(url, "r");
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      const read = readSync(fd, buffer, filled, length - filled, start + filled);
      if (read === 0) return undefined;
      filled += read;
    }
    return buffer.toString("utf8");
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
