// Pure helpers over a file listing, shared by indicators and fact builders.

/** Folders whose contents are someone else's code or generated output, not the project's. */
const VENDORED_SEGMENTS = new Set([
  "node_modules", "vendor", "vendors", "third_party", "third-party", "thirdparty", "3rdparty",
  "external", "externals", "bower_components", "jspm_packages", "site-packages", ".venv", "venv",
  "Pods", "Carthage", "deps", "_deps", "dist", "build", "target", ".git", ".yarn", ".pnpm-store",
]);

/**
 * Folders no snapshot lists: version control, installed dependencies, caches and build
 * output. Shared by the local and GitHub snapshots so a checkout and its GitHub repository
 * screen the same.
 */
export const UNLISTED_DIRS: ReadonlySet<string> = new Set([
  ".git", ".hg", ".svn", "node_modules", "bower_components", ".venv", "venv", "__pycache__",
  ".tox", ".gradle", ".idea", ".next", ".nuxt", "coverage",
]);

/** True when a folder of the path is one no snapshot lists. */
export function isUnlisted(path: string): boolean {
  const segments = path.split("/");
  segments.pop();
  return segments.some((segment) => UNLISTED_DIRS.has(segment));
}

/** True when any folder in the path is a vendored or build-output folder. */
export function isVendored(path: string): boolean {
  const segments = path.split("/");
  segments.pop();
  return segments.some((segment) => VENDORED_SEGMENTS.has(segment) || VENDORED_SEGMENTS.has(segment.toLowerCase()));
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
  for (const char of path) if (char === "/") count += 1;
  return count;
}

export interface FindOptions {
  /** Folders to look in ("" is the root). Defaults to the root, `.github` and `docs`. */
  dirs?: readonly string[];
}

/** Community-file locations GitHub itself recognises. */
export const COMMUNITY_DIRS = ["", ".github", "docs"] as const;

/** Files whose base name matches `pattern`, in the given folders, root first. */
export function findFiles(paths: readonly string[], pattern: RegExp, options: FindOptions = {}): string[] {
  const dirs = options.dirs ?? COMMUNITY_DIRS;
  const found: string[] = [];
  for (const dir of dirs) {
    for (const path of paths) {
      if (dirname(path).toLowerCase() === dir.toLowerCase() && pattern.test(basename(path))) found.push(path);
    }
  }
  return found;
}

/** 1-based line number of a character offset in a text. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index += 1) if (text.charCodeAt(index) === 10) line += 1;
  return line;
}
