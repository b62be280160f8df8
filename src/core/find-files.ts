// Pure helpers over a file listing, shared by indicators and fact builders.

/** Folders whose contents are someone else's code or generated output, not the project's. */
const VENDORED_SEGMENTS = new Set([
  "node_modules",
  "vendor",
  "vendors",
  "third_party",
  "third-party",
  "thirdparty",
  "3rdparty",
  "external",
  "externals",
  "bower_components",
  "jspm_packages",
  "site-packages",
  ".venv",
  "venv",
  "Pods",
  "Carthage",
  "deps",
  "_deps",
  "dist",
  "build",
  "target",
  ".git",
  ".yarn",
  ".pnpm-store",
]);

/**
 * Folders no snapshot lists: version control, installed dependencies, caches and build
 * output. Shared by the local and GitHub snapshots so a checkout and its GitHub repository
 * screen the same.
 */
export const UNLISTED_DIRS: ReadonlySet<string> = new Set([
  ".git",
  ".hg",
  ".svn",
  "node_modules",
  "bower_components",
  ".venv",
  "venv",
  "__pycache__",
  ".tox",
  ".gradle",
  ".idea",
  ".next",
  ".nuxt",
  "coverage",
]);

/**
 * A test for "some folder of the path is in `names`", as one regular expression: these run on
 * every path of trees of 100,000 files, where splitting each path into segments was the cost.
 * A lower-case name also matches any casing of it (VENDOR, Vendor); a name with capitals
 * (Pods, Carthage) matches only as written.
 */
function folderTest(names: ReadonlySet<string>): (path: string) => boolean {
  const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const lower = [...names].filter((name) => name === name.toLowerCase()).map(escape);
  const mixed = [...names].filter((name) => name !== name.toLowerCase()).map(escape);
  const anyCase = new RegExp(`(?:^|/)(?:${lower.join("|")})/`, "i");
  const exact = mixed.length === 0 ? undefined : new RegExp(`(?:^|/)(?:${mixed.join("|")})/`);
  return (path) => anyCase.test(path) || (exact?.test(path) ?? false);
}

const UNLISTED_FOLDER = folderTest(UNLISTED_DIRS);
const VENDORED_FOLDER = folderTest(VENDORED_SEGMENTS);

/** True when a folder of the path is one no snapshot lists. */
export function isUnlisted(path: string): boolean {
  return UNLISTED_FOLDER(path);
}

/** True when any folder in the path is a vendored or build-output folder. */
export function isVendored(path: string): boolean {
  return VENDORED_FOLDER(path);
}

export function basename(path: string): string {
  const index = path.lastIndexOf("/");
  return index === -1 ? path : path.slice(index + 1);
}

export function dirname(path: string): string {
  const index = path.lastIndexOf("/");
  return index === -1 ? "" : path.slice(0, index);
}

/** Depth of a path: 0 for a root file, 1 for "docs/x". */
export function depth(path: string): number {
  let count = 0;
  for (let index = path.indexOf("/"); index !== -1; index = path.indexOf("/", index + 1)) count += 1;
  return count;
}

export interface FindOptions {
  /** Folders to look in ("" is the root). Defaults to the root, `.github` and `docs`. */
  dirs?: readonly string[];
}

/** A README's file name, as GitHub recognises it (README, README.md, readme.rst…). */
export const README_NAME = /^readme(\.[a-z0-9]+)?$/i;

/** Community-file locations GitHub itself recognises. */
export const COMMUNITY_DIRS = ["", ".github", "docs"] as const;

/**
 * Paths grouped by lower-cased folder, built once per listing: a screen looks for community
 * files some thirty times, and on a tree of 100,000 files each full pass was the cost. Keyed by
 * the listing array itself, so it lives exactly as long as the listing.
 */
const folderIndexes = new WeakMap<readonly string[], ReadonlyMap<string, readonly string[]>>();

function folderIndex(paths: readonly string[]): ReadonlyMap<string, readonly string[]> {
  let index = folderIndexes.get(paths);
  if (index === undefined) {
    const grouped = new Map<string, string[]>();
    for (const path of paths) {
      const slash = path.lastIndexOf("/");
      const folder = slash === -1 ? "" : path.slice(0, slash).toLowerCase();
      const group = grouped.get(folder);
      if (group === undefined) grouped.set(folder, [path]);
      else group.push(path);
    }
    index = grouped;
    folderIndexes.set(paths, index);
  }
  return index;
}

/** Files whose base name matches `pattern`, in the given folders, root first. */
export function findFiles(paths: readonly string[], pattern: RegExp, options: FindOptions = {}): string[] {
  const index = folderIndex(paths);
  const found: string[] = [];
  for (const dir of options.dirs ?? COMMUNITY_DIRS) {
    for (const path of index.get(dir.toLowerCase()) ?? []) if (pattern.test(basename(path))) found.push(path);
  }
  return found;
}

/** 1-based line number of a character offset in a text, from the text's one line index. */
export { lineOf } from "./line-index.js";
