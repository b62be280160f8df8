// The text of one manifest with its line index, and line-by-line scans over it. Every pattern
// here is matched against one line at a time, with no quantifier that can cross a line, so a
// file of blank lines or one enormous line costs time linear in its size.
import type { Dependency, DependencyEcosystem, ManifestLicense } from "../core/manifest-facts.js";
import { LineIndex } from "../core/line-index.js";

export interface ManifestText {
  path: string;
  text: string;
  lines: LineIndex;
}

export function manifestText(path: string, text: string, lines: LineIndex = new LineIndex(text)): ManifestText {
  return { path, text, lines };
}

/** Calls `visit` with every line (without its newline or carriage return) and its 1-based number. */
export function eachLine(text: string, visit: (line: string, number: number) => void): void {
  let number = 1;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf("\n", start);
    const stop = end === -1 ? text.length : end;
    const line = text.charCodeAt(stop - 1) === 13 ? text.slice(start, stop - 1) : text.slice(start, stop);
    visit(line, number);
    if (end === -1) break;
    start = end + 1;
    number += 1;
  }
}

/** One dependency of `file` as every parser reports it; a version only when one is written ("" is none). */
export function dependencyEntry(
  file: ManifestText,
  ecosystem: DependencyEcosystem,
  name: string,
  version: string | undefined,
  line: number,
): Dependency {
  return { ecosystem, name, ...(version ? { version } : {}), path: file.path, line };
}

/**
 * Lines matching `pattern` (group 1 the name, group 2 the version if written) while `inScope`
 * says the line is in a dependency list, each as a dependency with its line.
 */
export function dependencyLines(
  file: ManifestText,
  ecosystem: DependencyEcosystem,
  pattern: RegExp,
  inScope: (line: string) => boolean = () => true,
): Dependency[] {
  const found: Dependency[] = [];
  eachLine(file.text, (line, number) => {
    if (!inScope(line)) return;
    const match = pattern.exec(line);
    if (match?.[1] !== undefined) found.push(dependencyEntry(file, ecosystem, match[1], match[2], number));
  });
  return found;
}

/** Lines matching `pattern` (group 1 captured), each as a licence value with its line. */
export function licenseLines(text: string, pattern: RegExp): ManifestLicense[] {
  const found: ManifestLicense[] = [];
  eachLine(text, (line, number) => {
    const value = pattern.exec(line)?.[1]?.trim();
    if (value) found.push(licenseValue(value, number));
  });
  return found;
}

/** A licence value, with its top-level comma list when it has one ("MIT, Apache-2.0"). */
export function licenseValue(value: string, line: number): ManifestLicense {
  const items = splitTopLevelCommas(value);
  return items.length > 1 ? { value, line, items } : { value, line };
}

function splitTopLevelCommas(value: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (char === "(") depth += 1;
    else if (char === ")") depth = Math.max(0, depth - 1);
    else if (char === "," && depth === 0) {
      items.push(value.slice(start, index).trim());
      start = index + 1;
    }
  }
  items.push(value.slice(start).trim());
  return items.filter((item) => item !== "");
}

/**
 * Python trove classifiers name licences in words; the last segment is the licence name, with
 * an SPDX-like short name in parentheses when there is one. Read by hand, not by a pattern
 * with overlapping quantifiers, since a classifier line can be arbitrarily long.
 */
export function troveLicenses(text: string): ManifestLicense[] {
  const found: ManifestLicense[] = [];
  eachLine(text, (line, number) => {
    for (let at = line.indexOf("License"); at !== -1; at = line.indexOf("License", at + 1)) {
      let next = at + "License".length;
      while (line[next] === " " || line[next] === "\t") next += 1;
      if (!line.startsWith("::", next)) continue;
      const rest = line.slice(next);
      const quote = rest.search(/["']/);
      const last = (quote === -1 ? "" : rest.slice(0, quote)).split("::").at(-1)?.trim() ?? "";
      if (last !== "" && last !== "OSI Approved")
        found.push({ value: /\(([^()]+)\)$/.exec(last)?.[1] ?? last, line: number });
      break;
    }
  });
  return found;
}
