// Writes the data files a screen loads instead of building them at start-up: the SPDX text index
// and the SDG goal index. `npm run build` runs it after compiling, so an installed CLI never
// normalises the SPDX texts or stems the UN targets at start-up; tests and scripts can run it too:
//   node lib/data-files/write-data-files.js [DIR]     (default: lib/data)
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIndexData, META_FILE, WORDS_FILE, wordsFileText } from "../licenses/spdx-license-index.js";
import { buildSdgIndex, SDG_INDEX_FILE, sdgIndexFileText } from "../sdg/sdg-index.js";

/** Builds the SPDX index and writes both of its data files into `dir`; returns their paths. */
export function writeLicenseIndex(dir: string): string[] {
  const data = buildIndexData();
  mkdirSync(dir, { recursive: true });
  const meta = `${dir}/${META_FILE}`;
  const words = `${dir}/${WORDS_FILE}`;
  writeFileSync(meta, JSON.stringify(data.meta));
  writeFileSync(words, wordsFileText(data));
  return [meta, words];
}

/** Builds the SDG goal index and writes its data file into `dir`; returns its path. */
export function writeSdgIndex(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/${SDG_INDEX_FILE}`;
  writeFileSync(path, sdgIndexFileText(buildSdgIndex()));
  return path;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = process.argv[2] ?? fileURLToPath(new URL("../data", import.meta.url));
  for (const path of [...writeLicenseIndex(dir), writeSdgIndex(dir)]) process.stdout.write(`wrote ${path}\n`);
}
