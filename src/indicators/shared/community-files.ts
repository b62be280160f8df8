// Where community files live (root, .github, docs — the places GitHub looks) and how to read them.
import { findFiles, lineOf, README_NAME } from "../../core/find-files.js";
import type { Evidence, SnapshotView } from "../../core/indicator.js";
import { DEFAULT_MAX_FILE_BYTES } from "../../core/snapshot.js";

export const README = README_NAME;
export const CODE_OF_CONDUCT = /^code[-_ ]?of[-_ ]?conduct(\.[a-z0-9]+)?$/i;
export const SECURITY = /^security(\.[a-z0-9]+)?$/i;
export const CONTRIBUTING = /^contributing(\.[a-z0-9]+)?$/i;

/** The README GitHub would show: the root one first. */
export function readmePaths(paths: readonly string[]): string[] {
  return findFiles(paths, README);
}

/** Text of the first readable file among `paths`, with its path. */
export function firstText(view: SnapshotView, paths: readonly string[]): { path: string; text: string } | undefined {
  for (const path of paths) {
    const file = view.read(path);
    if (file.kind === "text") return { path, text: file.text };
  }
  return undefined;
}

/**
 * Why the first of `paths` that is listed could not be read ("README.md is 200.0 MiB, over the
 * 512 KiB cap, and was not read"), when none of them was read as text: a row must say that it did
 * not read a file, never that the file says nothing.
 */
export function unreadReason(
  view: SnapshotView,
  paths: readonly string[],
): { path: string; reason: string } | undefined {
  if (firstText(view, paths) !== undefined) return undefined;
  const path = paths[0];
  if (path === undefined) return undefined;
  const file = view.read(path);
  switch (file.kind) {
    case "too-large":
      return {
        path,
        reason: `${path} is ${formatBytes(file.bytes)}, over the ${formatBytes(DEFAULT_MAX_FILE_BYTES)} cap, and was not read`,
      };
    case "binary":
      return { path, reason: `${path} is not text and was not read` };
    case "unreadable":
      return { path, reason: `${path} could not be read (${file.reason})` };
    default:
      return undefined;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Evidence for every match of `pattern` in `text` (at most `limit`), quoting the line. */
export function quoteMatches(path: string, text: string, pattern: RegExp, limit = 3): Evidence[] {
  const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
  const evidence: Evidence[] = [];
  for (const match of text.matchAll(new RegExp(pattern.source, flags))) {
    const line = lineOf(text, match.index ?? 0);
    const quoted = (text.split("\n")[line - 1] ?? "").trim().slice(0, 160);
    evidence.push({ path, line, note: `"${quoted}"` });
    if (evidence.length >= limit) break;
  }
  return evidence;
}
