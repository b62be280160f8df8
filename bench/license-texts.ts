// Counts the licence-like files the licence step identifies (a licence text, a notice or a
// REUSE file name) and those it leaves unidentified, per folder and in total, so the counts
// can be compared before and after a change of the matcher. It only uses licenseFiles() and
// buildLicenseFacts(), so it runs unchanged against older versions of src/licenses.
// Usage: npx tsx bench/license-texts.ts DIR...   (a folder with TREE.txt uses it as the file list)
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { decodeText } from "../src/core/decode-text.js";
import type { SnapshotView } from "../src/core/indicator.js";
import { DEFAULT_MAX_FILE_BYTES, type FileRead } from "../src/core/snapshot.js";
import { buildLicenseFacts, licenseFiles } from "../src/licenses/build-license-facts.js";

/** Licence-like files of the project: the same set whatever the version of the selection. */
const LICENSE_LIKE =
  /^((\.github\/|docs\/)?(licen[cs]es?|copying|copyright|unlicen[cs]e)([-._ ][^/]*)?|LICENSES\/[^/]+)$/i;
const NOT_THE_PROJECTS = /third|3rd|\.(pdf|png|jpe?g|svg|json|ya?ml|xml)$/i;

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

function read(dir: string, paths: readonly string[]): Map<string, FileRead> {
  const files = new Map<string, FileRead>();
  for (const path of paths) {
    const full = join(dir, path);
    if (!existsSync(full) || !statSync(full).isFile()) files.set(path, { kind: "missing" });
    else {
      const bytes = readFileSync(full);
      files.set(path, decodeText(bytes.subarray(0, DEFAULT_MAX_FILE_BYTES + 1), bytes.length, DEFAULT_MAX_FILE_BYTES));
    }
  }
  return files;
}

const dirs = process.argv.slice(2).filter((dir) => statSync(dir).isDirectory());
let identified = 0;
let unidentified = 0;
const misses: string[] = [];
for (const dir of dirs) {
  const paths = listFolder(dir);
  const selected = licenseFiles(paths);
  const candidates = paths.filter((path) => LICENSE_LIKE.test(path) && !NOT_THE_PROJECTS.test(path));
  const files = read(dir, [...new Set([...selected, ...candidates])]);
  const view: SnapshotView = {
    metadata: {},
    listing: { paths, truncated: false },
    read: (path) => files.get(path) ?? { kind: "missing" },
  };
  // Manifests are not counted here; the second argument (newer versions) is their parsed facts.
  const facts = (buildLicenseFacts as (view: SnapshotView, manifests: unknown) => ReturnType<typeof buildLicenseFacts>)(
    view,
    { manifests: [] },
  );
  const name = dir.replace(/\/$/, "").split("/").pop() ?? dir;
  for (const path of candidates) {
    const file = files.get(path);
    if (file?.kind !== "text" || file.text.trim() === "") continue;
    const found = facts.licenses.filter(
      (item) =>
        item.path === path && (item.method === "text" || item.method === "notice" || item.method === "filename"),
    );
    if (found.length > 0) identified += 1;
    else {
      unidentified += 1;
      misses.push(`${name}/${path}`);
    }
  }
}
console.log(
  `Licence-like files identified: ${identified} of ${identified + unidentified} (${unidentified} unidentified) over ${dirs.length} folders`,
);
if (misses.length > 0) console.log(`Unidentified: ${misses.join(", ")}`);
