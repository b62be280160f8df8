// Reads what a README says about the licence: its "Licence" section (sentences, Markdown
// links, or a bare licence name on its own line) and licence badges.
// A README statement is a claim, weaker than a licence file; callers weigh it as such.
import { lineOf } from "../core/find-files.js";
import { nextIndexFinder } from "../core/next-index.js";
import { isWhitespace } from "../core/trim-characters.js";
import { findLicenseNotices, type NoticeMatch } from "./find-license-notices.js";
import { licenseIdForName } from "./license-names.js";
import { parseLicenseValue, type ParsedLicenseValue } from "./parse-license-value.js";

export interface ReadmeLicense {
  spdx: string;
  line: number;
  confidence: number;
  note: string;
}

const SECTION =
  /^(#{1,6}\s*|)(licen[cs]e|licen[cs]ing|copyright and licen[cs]e|licen[cs]e and copyright)(?:\s*:)?(?:\s*#+)?\s*$/gim;
const BADGE = /img\.shields\.io\/badge\/licen[cs]e-([A-Za-z0-9_.%+-]+?)-[a-z]+/gi;
/** Characters of a licence section read after its heading. */
const SECTION_CHARS = 800;
/** A section line this short may be just a licence name ("MIT", "Apache 2.0"). */
const NAME_LINE_WORDS = 6;
/** Words that name a licence; a short line without any is not taken for a licence name. */
const NAME_WORDS =
  /licen[cs]e|gpl|\bmit\b|bsd|apache|\bmpl|mozilla|\bcc|creative|\bisc\b|\bepl|eclipse|eupl|artistic|zlib|boost|unlicense|public domain|odbl|pddl/i;
/** Words a licence name is made of; a short line with any other word is not a licence name. */
const NAME_VOCABULARY =
  /^(the|gnu|a?gpl|lgpl|[al]?gpl-?v?\d(\.\d)?\+?|apache|mit|bsd|isc|mpl|mozilla|eclipse|epl|eupl|european|union|public|general|lesser|library|affero|licen[cs]e[ds]?|version|v?\d+(\.\d+)*\+?|\d-clause|clause|new|revised|simplified|creative|commons|cc|cc0|by|sa|nc|nd|by-sa|by-nc|by-nc-sa|by-nd|by-nc-nd|attribution|sharealike|share-alike|noncommercial|non-commercial|noderivatives|international|unported|zero|or|later|only|and|any|unlicen[cs]e|boost|software|zlib|artistic|odbl|pddl|odc-by|open|database|data|commons|source|server|side|business|elastic|functional|mit-0|0bsd|wtfpl|-|&)$/i;
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
  // Outside the section: sentences whose subject is the project ("This project is licensed
  // under …") and formal GNU notices, whose "or any later version" decides the scope.
  for (const statement of statementsOutsideSection(text)) {
    if (found.some((item) => item.spdx === statement.spdx)) continue;
    found.push(statement);
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
  const name = line
    .replace(/[*_`>#]|^\s*[-+]\s+|[.:]\s*$/g, "")
    .trim()
    .replace(/^(code|source code|software|source|data|content|docs|documentation|licen[cs]e)\s*:\s*/i, "");
  if (name === "" || name.split(/\s+/).length > NAME_LINE_WORDS) return undefined;
  const byName = licenseIdForName(name);
  if (byName !== undefined) return parseLicenseValue(byName);
  // Only a line made of licence-name words is handed to spdx-correct, which maps almost
  // anything to some licence ("limitations under the License." is not MIT).
  if (!name.split(/[\s,/()]+/).every((word) => word === "" || NAME_VOCABULARY.test(word))) return undefined;
  const parsed = parseLicenseValue(name);
  // A repaired value must name a licence in words: "2020-2023 Example Org" is not MPL-2.0.
  if (parsed === undefined || parsed.confidence < 0.85 || (parsed.confidence < 1 && !NAME_WORDS.test(name)))
    return undefined;
  // spdx-correct reads "GNU AGPL v3" as -or-later; a line that does not say so gives no scope.
  if (/-or-later/.test(parsed.expression) && !/later|\+|>=/i.test(name))
    return parseLicenseValue(parsed.expression.replace(/-or-later/g, ""));
  return parsed;
}

/** "This project is (licensed|released|…) under": a sentence about the project's own licence. */
const PROJECT_STATEMENT =
  /\b(?:this|the|our)\s+(?:project|program|software|library|repository|repo|code|source code|codebase|work|app|application|tool|package|module|plugin|platform|product|data ?set|dataset|content|model)\b[^.\n]{0,80}?\b(?:is|are)\s+(?:(?:also|all|freely|now)\s+)?(?:licen[cs]ed|released|distributed|available|published|made available|offered|provided)\s+under\b/gi;
/** Characters of a sentence read after the start of a project statement. */
const STATEMENT_CHARS = 320;

function statementsOutsideSection(text: string): ReadmeLicense[] {
  const found: ReadmeLicense[] = [];
  const add = (notice: NoticeMatch, offset: number, kind: string) => {
    if (found.some((item) => item.spdx === notice.spdx)) return;
    const quote = notice.quote.replace(/\s+/g, " ").trim().slice(0, 200);
    found.push({
      spdx: notice.spdx,
      line: lineOf(text, offset) + notice.line - 1,
      confidence: Math.min(notice.confidence, 0.8),
      note: `README ${kind}: "${quote}"`,
    });
  };
  for (const match of text.matchAll(PROJECT_STATEMENT)) {
    const start = match.index ?? 0;
    const sentence = unlink(text.slice(start, start + STATEMENT_CHARS));
    const about = THIRD_PARTY.exec(sentence);
    if (about !== null) continue;
    for (const notice of findLicenseNotices(sentence)) add(notice, start, "licence statement");
  }
  for (const notice of findLicenseNotices(text))
    if (/^(A|L)?GPL-/.test(notice.spdx) && /free\s+software|any\s+later\s+version|version\s+\d/i.test(notice.quote))
      add({ ...notice, line: 1 }, offsetOfLine(text, notice.line), "GNU notice");
  return found;
}

/** Character offset where a 1-based line starts. */
function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line && offset >= 0; current += 1) {
    offset = text.indexOf("\n", offset);
    if (offset < 0) return text.length;
    offset += 1;
  }
  return offset;
}

/**
 * Markdown images dropped and links turned into their text, one line at a time so line numbers
 * hold: /!\[[^\]\n]*\]\([^)\s]*\)/g replaced by "", then /\[([^\]\n]*)\](?:\([^)\s]*\)|\[[^\]\n]*\])/g
 * by its text. By hand, because those expressions read on from every "[" of a run again.
 */
export function unlink(markdown: string): string {
  return replaceLinks(replaceLinks(markdown, true), false);
}

function replaceLinks(text: string, images: boolean): string {
  const isBracketEnd = (character: string) => character === "]" || character === "\n";
  const labelEnd = nextIndexFinder(text, isBracketEnd);
  const referenceEnd = nextIndexFinder(text, isBracketEnd);
  const targetEnd = nextIndexFinder(text, (character) => character === ")" || isWhitespace(character));
  let kept = "";
  let copied = 0;
  let index = 0;
  while (index < text.length) {
    const open = images ? (text.startsWith("![", index) ? index + 1 : -1) : text[index] === "[" ? index : -1;
    const close = open < 0 ? -1 : labelEnd(open + 1);
    let end = -1;
    if (close >= 0 && text[close] === "]") {
      if (text[close + 1] === "(") {
        const target = targetEnd(close + 2);
        if (text[target] === ")") end = target + 1;
      } else if (!images && text[close + 1] === "[") {
        const reference = referenceEnd(close + 2);
        if (text[reference] === "]") end = reference + 1;
      }
    }
    if (end < 0) {
      index += 1;
      continue;
    }
    kept += text.slice(copied, index) + (images ? "" : text.slice(open + 1, close));
    copied = end;
    index = end;
  }
  return copied === 0 ? text : kept + text.slice(copied);
}
