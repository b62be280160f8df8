// A local checkout is screened as its repository holds it: what the root .gitignore names
// plainly (a build folder such as /lib/ or /dist/, a developer's /.env) is not in the repository,
// so it is not listed. Only plain names and paths are read; a line with a glob, an escape or a
// negation is left alone, so the listing keeps those files (the screen as it was), never drops
// more than git would. Git itself cannot re-include a file below an excluded folder, so a
// negation never brings back what a plain folder line excludes. Nothing is run (no `git`).
import { join } from "node:path";
import { trimTrailing } from "../core/trim-characters.js";
import { readWholeLines } from "./read-whole-lines.js";

/** The part of a .gitignore read; a longer one is cut at a line break. */
export const MAX_GITIGNORE_BYTES = 64 * 1024;
/** Plain patterns kept; the rest of a huge file is not read. */
const MAX_PATTERNS = 1000;

export interface PlainIgnores {
  /** Whether a path relative to the root (POSIX) is ignored; `directory` for folders. */
  ignores(path: string, directory: boolean): boolean;
  /** How many plain patterns were read. */
  size: number;
}

interface PlainPattern {
  text: string;
  /** Matched against the whole path (it had a leading or inner slash), else against the last name. */
  anchored: boolean;
  directoryOnly: boolean;
}

/** The plain patterns of a .gitignore's text (pure). */
export function parsePlainIgnores(text: string): PlainIgnores {
  const patterns: PlainPattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (patterns.length >= MAX_PATTERNS) break;
    const line = trimTrailing(raw, " \t");
    if (line === "" || line.startsWith("#") || line.startsWith("!") || /[*?[\]\\]/.test(line)) continue;
    const directoryOnly = line.endsWith("/");
    const body = trimTrailing(line, "/");
    const anchored = body.startsWith("/") || body.includes("/");
    const path = body.replace(/^\/+/, "");
    if (path === "" || path.split("/").some((part) => part === "" || part === "." || part === "..")) continue;
    patterns.push({ text: path, anchored, directoryOnly });
  }
  return {
    size: patterns.length,
    ignores(path, directory) {
      const name = path.slice(path.lastIndexOf("/") + 1);
      return patterns.some(
        (pattern) =>
          (directory || !pattern.directoryOnly) && (pattern.anchored ? path === pattern.text : name === pattern.text),
      );
    },
  };
}

const NOTHING: PlainIgnores = { size: 0, ignores: () => false };

/** The root .gitignore's plain patterns: a regular file only (no link followed), capped in bytes. */
export async function readRootGitignore(root: string): Promise<PlainIgnores> {
  const text = await readWholeLines(join(root, ".gitignore"), MAX_GITIGNORE_BYTES);
  return text === undefined ? NOTHING : parsePlainIgnores(text);
}
