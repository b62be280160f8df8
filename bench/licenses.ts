// Licence benchmark: per folder, the detected licence expression and the time the
// licence step takes, next to GitHub's licensee when it is installed; then the quality bars.
// Usage: npm run bench:licenses -- DIR...   (a folder with TREE.txt uses it as the file list)
import { buildManifestFacts } from "../src/manifests/build-manifest-facts.js";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import spdxFull from "spdx-license-list/full.js";
import { decodeText } from "../src/core/decode-text.js";
import type { SnapshotView } from "../src/core/indicator.js";
import { DEFAULT_MAX_FILE_BYTES, type FileRead } from "../src/core/snapshot.js";
import { buildLicenseFacts, licenseFiles } from "../src/licenses/build-license-facts.js";
import { identifyLicenseText, isIdentified } from "../src/licenses/identify-license-text.js";
import { exactLicenseIndex, licenseIndexSource, spdxLicenseIndex } from "../src/licenses/spdx-license-index.js";
import { isDeprecatedSpdxId } from "../src/licenses/spdx-license-ids.js";

function listFolder(dir: string): string[] {
  const tree = join(dir, "TREE.txt");
  if (existsSync(tree))
    return readFileSync(tree, "utf8")
      .split("\n")
      .filter((line) => line !== "");
  const paths: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === ".git" || entry.name === "node_modules") continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) paths.push(relative(dir, full));
    }
  };
  walk(dir);
  return paths;
}

function readFiles(dir: string, paths: readonly string[]): Map<string, FileRead> {
  const files = new Map<string, FileRead>();
  for (const path of paths) {
    const full = join(dir, path);
    if (!existsSync(full) || !statSync(full).isFile()) {
      files.set(path, { kind: "missing" });
      continue;
    }
    const bytes = readFileSync(full);
    files.set(path, decodeText(bytes.subarray(0, DEFAULT_MAX_FILE_BYTES + 1), bytes.length, DEFAULT_MAX_FILE_BYTES));
  }
  return files;
}

function viewOf(paths: readonly string[], files: ReadonlyMap<string, FileRead>): SnapshotView {
  return {
    metadata: {},
    listing: { paths, truncated: false },
    read: (path) => files.get(path) ?? { kind: "missing" },
  };
}

/** Licence step only: choose files, then build facts from already-read files. I/O is timed apart. */
function screenFolder(dir: string, paths: readonly string[]) {
  const selectStart = performance.now();
  const selected = licenseFiles(paths);
  const selectMs = performance.now() - selectStart;
  const files = readFiles(dir, selected);
  const factsStart = performance.now();
  const view = viewOf(paths, files);
  const facts = buildLicenseFacts(view, buildManifestFacts(view, { maxFileBytes: DEFAULT_MAX_FILE_BYTES }));
  const factsMs = performance.now() - factsStart;
  return { facts, selected: selected.length, stepMs: selectMs + factsMs };
}

function licensee(dir: string): { verdict: string; ms: number } | undefined {
  const start = performance.now();
  try {
    const output = execFileSync("licensee", ["detect", "--json", dir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const parsed = JSON.parse(output) as { licenses?: { spdx_id?: string }[] };
    const ids = (parsed.licenses ?? []).map((license) => license.spdx_id ?? "?");
    return { verdict: ids.length === 0 ? "none" : ids.join(", "), ms: performance.now() - start };
  } catch (error) {
    const status = (error as { status?: number; code?: string }).code === "ENOENT" ? undefined : "error";
    return status === undefined ? undefined : { verdict: "error", ms: performance.now() - start };
  }
}

const dirs = process.argv
  .slice(2)
  .filter((dir) => statSync(dir).isDirectory() && dir.replace(/\/$/, "").split("/").pop() !== "");
if (dirs.length === 0) {
  console.error("usage: npm run bench:licenses -- DIR...");
  process.exit(2);
}

// Loaded once per process (the first screen pays it); reported apart from the per-folder times.
// From the data files `npm run build` writes (DPG_SCREENER_DATA_DIR, or lib/data), else built in memory.
const indexSource = licenseIndexSource();
const exactStart = performance.now();
exactLicenseIndex();
const exactMs = performance.now() - exactStart;
const indexStart = performance.now();
spdxLicenseIndex();
const indexMs = performance.now() - indexStart;

let total = 0;
let licenseeTotal = 0;
let licenseeRuns = 0;
const rows: string[] = [];
for (const dir of dirs) {
  const paths = listFolder(dir);
  const { facts, selected, stepMs } = screenFolder(dir, paths);
  total += stepMs;
  const theirs = licensee(dir);
  if (theirs !== undefined) {
    licenseeTotal += theirs.ms;
    licenseeRuns += 1;
  }
  const name = dir.replace(/\/$/, "").split("/").pop() ?? dir;
  const flags = [
    facts.conflicts.length > 0 ? `${facts.conflicts.length} conflict(s)` : "",
    facts.unidentified.length > 0 ? `${facts.unidentified.length} unidentified` : "",
  ]
    .filter((flag) => flag !== "")
    .join(", ");
  rows.push(
    [
      name,
      String(paths.length),
      String(selected),
      facts.license ?? "none",
      flags,
      stepMs.toFixed(1),
      theirs?.verdict ?? "-",
      theirs === undefined ? "-" : theirs.ms.toFixed(0),
      theirs === undefined ? "-" : `${(theirs.ms / Math.max(stepMs, 0.1)).toFixed(0)}x`,
    ].join("\t"),
  );
}
console.log(
  ["folder", "files", "read", "dpg-screener", "findings", "ms", "licensee", "licensee ms", "ratio"].join("\t"),
);
for (const row of rows) console.log(row);
console.log(
  `\nTotal licence step: ${total.toFixed(1)} ms over ${dirs.length} folders (mean ${(total / dirs.length).toFixed(1)} ms); SPDX index (${indexSource}): exact-match part ${exactMs.toFixed(0)} ms, words ${indexMs.toFixed(0)} ms more, once per process.`,
);
if (licenseeRuns > 0)
  console.log(
    `licensee: ${licenseeTotal.toFixed(0)} ms over ${licenseeRuns} folders (mean ${(licenseeTotal / licenseeRuns).toFixed(0)} ms, process start included).`,
  );
else console.log("licensee: not installed (apt-get install ruby-licensee), skipped.");

// Quality bar 1: every non-deprecated SPDX text, verbatim, is identified as itself or a same-text licence.
let verbatim = 0;
let asItself = 0;
const misses: string[] = [];
for (const [id, entry] of Object.entries(spdxFull)) {
  if (isDeprecatedSpdxId(id)) continue;
  verbatim += 1;
  const result = identifyLicenseText(entry.licenseText);
  if (isIdentified(result) && (result.spdx === id || result.sameText.includes(id))) asItself += 1;
  else misses.push(`${id} → ${isIdentified(result) ? result.spdx : "none"}`);
}
console.log(
  `\nVerbatim SPDX texts identified as themselves (or an identical-text licence): ${asItself}/${verbatim}${misses.length > 0 ? `; misses: ${misses.join(", ")}` : ""}`,
);

// Quality bar 2: the licence step on a 50,000-file tree, beyond listing (files read from the largest folder).
const largest = dirs.map((dir) => ({ dir, paths: listFolder(dir) })).sort((a, b) => b.paths.length - a.paths.length)[0];
if (largest !== undefined) {
  const base = largest.paths;
  const big = Array.from({ length: 50_000 }, (_, index) =>
    index < base.length ? (base[index] ?? "") : `generated/${Math.floor(index / 500)}/src/module${index}.ts`,
  );
  const times: number[] = [];
  // A fresh array per run: the file selection is memoised per listing, as in one screen.
  for (let run = 0; run < 5; run += 1) times.push(screenFolder(largest.dir, [...big]).stepMs);
  console.log(
    `50,000-file tree (${base.length} paths of ${largest.dir} + generated source paths): licence step ${times.map((time) => time.toFixed(1)).join(", ")} ms over 5 runs (first run includes JIT warm-up).`,
  );
}
