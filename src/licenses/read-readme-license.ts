// Reads what a README says about the licence: its "Licence" section (sentences, Markdown
// links, or a bare licence name on its own line) and licence badges.
// A README statement is a claim, weaker than a licence file; callers weigh it as such.
import { lineOf } from "../core/find-files.js";
import { findLicenseNotices } from "./find-license-notices.js";
import { parseLicenseValue, type ParsedLicenseValue } from "./parse-license-value.js";

export interface ReadmeLicense {
  spdx: string;
  line: number;
  confidence: number;
  note: string;
}

const SECTION =
  /^(#{1,6}\s*|)(licen[cs]e|licen[cs]ing|copyright and licen[cs]e|licen[cs]e and copyright)\s*:?\s*#*\s*$/gim;
const BADGE = /img\.shields\.io\/badge\/licen[cs]e-([A-Za-z0-9_.%+-]+?)-[a-z]+/gi;
/** Characters of a licence section read after its heading. */
const SECTION_CHARS = 800;
/** A section line this short may be just a licence name ("MIT", "Apache 2.0"). */
const NAME_LINE_WORDS = 6;
/** Words that name a licence; a short line without any is not taken for a licence name. */
const NAME_WORDS =
  /licen[cs]e|gpl|\bmit\b|bsd|apache|\bmpl|mozilla|\bcc|creative|\bisc\b|\bepl|eclipse|eupl|artistic|zlib|boost|unlicense|public domain|odbl|pddl/i;
/** A sentence about a framework the project started from, not about the project. */
const THIRD_PARTY = /\bthe\s+([A-Z][\w.-]*)\s+(?:framework|library|template|boilerplate|skeleton)\b/i;

export function readReadmeLicense(text: string): ReadmeLicense[] {
  const found: ReadmeLicense[] = [];
  for (const match of text.matchAll(SECTION)) {
    const start = (match.index ?? 0) + match[0].length;
    let section = text.slice(start, start + SECTION_CHARS);
    const nextHeading = section.search(/^#{1,6}\s/m);
    if (nextHeading > 0) section = section.slice(0, nextHeading);
    const lines = unlink(section).split("\n");
    const firstLine = lineOf(text, start);
    const add = (spdx: string, index: number, confidence: number) => {
      if (found.some((item) => item.spdx === spdx)) return;
      const quote = (lines[index] ?? "").replace(/\s+/g, " ").trim().slice(0, 200);
      const about = THIRD_PARTY.exec(quote)?.[0];
      const caveat = about === undefined ? "" : ` (it speaks of ${about}, which may not be this project)`;
      found.push({
        spdx,
        line: firstLine + index,
        confidence: Math.min(confidence, 0.8),
        note: `README licence section: "${quote}"${caveat}`,
      });
    };
    // A line that is only a licence name is read whole; notices are looked for in the other lines.
    const named = new Set<number>();
    lines.forEach((line, index) => {
      const parsed = licenseName(line);
      if (parsed === undefined) return;
      named.add(index);
      add(parsed.expression, index, parsed.confidence);
    });
    for (const notice of findLicenseNotices(lines.join("\n")))
      if (!named.has(notice.line - 1)) add(notice.spdx, notice.line - 1, notice.confidence);
    if (found.length > 0) break;
  }
  for (const match of text.matchAll(BADGE)) {
    const value = decodeURIComponent((match[1] ?? "").replace(/_/g, " ").replace(/--/g, "-"));
    const parsed = parseLicenseValue(value);
    if (parsed === undefined || found.some((item) => item.spdx === parsed.expression)) continue;
    found.push({
      spdx: parsed.expression,
      line: lineOf(text, match.index ?? 0),
      confidence: Math.min(parsed.confidence, 0.7),
      note: `README licence badge "${value}"`,
    });
  }
  return found;
}

/** The licence a short line names, as in "MIT" or "**Apache 2.0**", when it is sure of it. */
function licenseName(line: string): ParsedLicenseValue | undefined {
  const name = line.replace(/[*_`>#]|^\s*[-+]\s+|[.:]\s*$/g, "").trim();
  if (name === "" || name.split(/\s+/).length > NAME_LINE_WORDS) return undefined;
  const parsed = parseLicenseValue(name);
  // A repaired value must name a licence in words: "2020-2023 Example Org" is not MPL-2.0.
  if (parsed === undefined || parsed.confidence < 0.85 || (parsed.confidence < 1 && !NAME_WORDS.test(name)))
    return undefined;
  // spdx-correct reads "GNU AGPL v3" as -or-later; a line that does not say so gives no scope.
  if (/-or-later/.test(parsed.expression) && !/later|\+|>=/i.test(name))
    return parseLicenseValue(parsed.expression.replace(/-or-later/g, ""));
  return parsed;
}

/** Markdown images dropped and links turned into their text, one line at a time so line numbers hold. */
function unlink(markdown: string): string {
  return markdown.replace(/!\[[^\]\n]*\]\([^)\s]*\)/g, "").replace(/\[([^\]\n]*)\](?:\([^)\s]*\)|\[[^\]\n]*\])/g, "$1");
}
