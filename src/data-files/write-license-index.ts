// Writes the SPDX text index data files. `npm run build` runs it after compiling, so an
// installed CLI never normalises the SPDX texts at start-up; tests and scripts can run it too:
//   node lib/data-files/write-license-index.js [DIR]     (default: lib/data)
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIndexData, META_FILE, WORDS_FILE, wordsFileText } from "../licenses/spdx-license-index.js";

/** Builds the index and writes both data files into `dir`; returns their paths. */
export function writeLicenseIndex(dir: string): string[] {
  const data = buildIndexData();
  mkdirSync(dir, { recursive: true });
  const meta = `${dir}/${META_FILE}`;
  const words = `${dir}/${WORDS_FILE}`;
  writeFileSync(meta, JSON.stringify(data.meta));
  writeFileSync(words, wordsFileText(data));
  return [meta, words];
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = process.argv[2] ?? fileURLToPath(new URL("../data", import.meta.url));
  for (const path of writeLicenseIndex(dir)) process.stdout.write(`wrote ${path}\n`);
}
