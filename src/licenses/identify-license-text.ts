// Identifies the licence texts in a file against every SPDX text, after SPDX's matching
// guidelines: equivalent words and spellings, replaceable text (copyright lines, template
// fields, filled-in parameter blocks) and omittable parts (title, how-to-apply appendix) do
// not count. First an exact match of the normalised words (a hash lookup, no trigrams), then a
// trigram match that also finds a licence inside a longer file (preamble, appendix) and every
// further licence text the file holds (SSPL followed by the Elastic License). Abridged texts
// and Creative Commons deeds are named from their title when their words are the licence's.
import { extractParameterBlocks, type ParameterBlock } from "./license-parameters.js";
import { licenseIdForName } from "./license-names.js";
import { normalizeLicenseText, type NormalizedText } from "./normalize-license-text.js";
import {
  exactLicenseIndex,
  shinglesOf,
  spdxLicenseIndex,
  templateShingles,
  templateWordSet,
  textHash,
  type SpdxTemplate,
  type TemplateMeta,
} from "./spdx-license-index.js";

export interface TextIdentification {
  spdx: string;
  /** Identifiers with the same text (GPL-3.0-only and GPL-3.0-or-later share one). */
  sameText: string[];
  confidence: number;
  /** 1-based lines where the licence text starts and ends in the file. */
  line: number;
  endLine: number;
  /** What the file holds beyond the licence text, in words, when anything. */
  note?: string;
  /** Words before and after the licence text (other licences excluded), lower-cased. */
  extraBefore: string;
  extraAfter: string;
  /** How the text was recognised when it is not the whole SPDX text. */
  form?: "abridged" | "deed";
}

export interface TextMiss {
  /** The closest SPDX text and how much of it the file holds, when one came near. */
  closest?: { spdx: string; coverage: number };
  /** A licence the file's title names although its text is not that licence's. */
  titled?: string;
}

export interface FileIdentification {
  /** Every licence text found, in file order. */
  found: TextIdentification[];
  miss: TextMiss;
}

/** Fewer words than this is a notice or a stub, not a licence text. */
const MIN_TEXT_WORDS = 30;
/** Share of an SPDX text's words a file must hold for it to be a candidate. */
const CANDIDATE_WORD_SHARE = 0.85;
/** Share of an SPDX text's trigrams a file must hold to count as that licence. */
const MATCH_SHINGLE_SHARE = 0.9;
/** Distinct texts examined closely after the cheap word filter, per pass. */
const MAX_EXAMINED = 40;
/** Licence texts looked for in one file. */
const MAX_TEXTS_PER_FILE = 4;
/** Lines at the top of a file read for a title. */
const TITLE_LINES = 6;
/** An abridged text: share of its words' trigrams that must come from the named licence. */
const ABRIDGED_PRECISION = 0.85;
/** An abridged text must hold at least this share of the named licence. */
const ABRIDGED_COVERAGE = 0.15;
/** Trigrams at each end of a template that mark where its text starts and stops in a file. */
const EDGE_SHINGLES = 12;
/** Phrases of a Creative Commons deed (the human-readable summary), normalised. */
const DEED_MARKERS = ["you are free to", "under the following terms", "share copy and redistribute the material"];

/** The first licence text of a file, or why there is none. */
export function identifyLicenseText(text: string): TextIdentification | TextMiss {
  const result = identifyLicenseTexts(text);
  return result.found[0] ?? result.miss;
}

export function isIdentified(result: TextIdentification | TextMiss): result is TextIdentification {
  return "spdx" in result;
}

/** Every licence text in a file. Each pass is linear in the file; at most a few passes. */
export function identifyLicenseTexts(text: string): FileIdentification {
  const prepared = extractParameterBlocks(text);
  const normalized = normalizeLicenseText(prepared.text);
  const words = normalized.words;
  if (words.length === 0) return { found: [], miss: {} };
  const exact = exactMatch(normalized);
  if (exact !== undefined) return { found: [withParameters(exact, prepared.blocks)], miss: {} };
  if (words.length < MIN_TEXT_WORDS) return { found: [], miss: {} };

  const spans: { from: number; to: number; template: SpdxTemplate; coverage: number }[] = [];
  let closest: TextMiss["closest"];
  const segments: [number, number][] = [[0, words.length]];
  while (segments.length > 0 && spans.length < MAX_TEXTS_PER_FILE) {
    const [from, to] = segments.shift() ?? [0, 0];
    if (to - from < MIN_TEXT_WORDS) continue;
    const result = similarityMatch(words, from, to);
    if (spans.length === 0 && result.closest !== undefined) closest = result.closest;
    // A second copy of a licence already found is part of the first one's surroundings.
    if (result.match === undefined || spans.some((span) => span.template.id === result.match?.template.id)) continue;
    const located = locate(words, from, to, result.match.template);
    spans.push({ ...located, template: result.match.template, coverage: result.match.coverage });
    segments.push([from, located.from], [located.to, to]);
  }
  if (spans.length === 0) {
    const abridged = abridgedMatch(text, normalized);
    if (abridged !== undefined) return { found: [abridged], miss: {} };
    const titled = titleOf(text);
    return {
      found: [],
      miss: { ...(closest === undefined ? {} : { closest }), ...(titled === undefined ? {} : { titled }) },
    };
  }
  spans.sort((a, b) => a.from - b.from);
  const found = spans.map((span, index) => {
    const previousEnd = spans[index - 1]?.to ?? 0;
    const nextStart = spans[index + 1]?.from ?? words.length;
    const others = spans.filter((other) => other !== span).map((other) => other.template.id);
    const identification = describeMatch(normalized, span, previousEnd, nextStart, others);
    return withParameters(identification, prepared.blocks);
  });
  return { found, miss: {} };
}

function exactMatch(normalized: NormalizedText): TextIdentification | undefined {
  const index = exactLicenseIndex();
  const hits =
    index.byHash.get(textHash(normalized.words)) ?? index.byHash.get(textHash(normalized.words, normalized.titleWords));
  if (hits === undefined) return undefined;
  const group = hits.map((hit) => index.templates[hit]).filter((meta): meta is TemplateMeta => meta !== undefined);
  const chosen = preferredTemplate(group);
  const variant = chosen.variant === undefined ? undefined : `the SPDX text ${chosen.variant}`;
  return {
    spdx: chosen.id,
    sameText: [...new Set([...group.map((meta) => meta.id), ...chosen.sameText])].filter((id) => id !== chosen.id),
    confidence: 1,
    line: normalized.lines[0] ?? 1,
    endLine: normalized.lines[normalized.lines.length - 1] ?? 1,
    ...(variant === undefined ? {} : { note: variant }),
    extraBefore: "",
    extraAfter: "",
  };
}

interface Similarity {
  match?: { template: SpdxTemplate; coverage: number };
  closest?: { spdx: string; coverage: number };
}

function similarityMatch(words: readonly string[], from: number, to: number): Similarity {
  const segmentWords = new Set<string>();
  for (let index = from; index < to; index += 1) segmentWords.add(words[index] ?? "");
  const length = to - from;
  const candidates: { template: SpdxTemplate; share: number }[] = [];
  for (const template of spdxLicenseIndex().templates) {
    if (template.wordCount < 20 || template.wordCount > length * 1.3) continue;
    let rare = 0;
    for (const word of template.rareWords) if (segmentWords.has(word)) rare += 1;
    if (rare < template.rareWords.length * CANDIDATE_WORD_SHARE - 1) continue;
    const wordSet = templateWordSet(template);
    let shared = 0;
    for (const word of wordSet) if (segmentWords.has(word)) shared += 1;
    const share = shared / wordSet.size;
    if (share >= CANDIDATE_WORD_SHARE) candidates.push({ template, share });
  }
  if (candidates.length === 0) return {};
  candidates.sort((a, b) => b.share - a.share || b.template.wordCount - a.template.wordCount);
  const segmentShingles = shinglesOf(words, from, to);
  let best: { template: SpdxTemplate; coverage: number; score: number } | undefined;
  let closest: { template: SpdxTemplate; coverage: number } | undefined;
  const examined = new Set<string>();
  for (const { template } of candidates) {
    // Licences sharing one text are examined once.
    const key = `${template.id}|${template.variant ?? ""}`;
    if (examined.has(key)) continue;
    examined.add(key);
    for (const id of template.sameText) examined.add(`${id}|${template.variant ?? ""}`);
    if (examined.size > MAX_EXAMINED * 3) break;
    const shingles = templateShingles(template);
    let matched = 0;
    for (const shingle of shingles) if (segmentShingles.has(shingle)) matched += 1;
    const coverage = shingles.size === 0 ? 0 : matched / shingles.size;
    if (closest === undefined || coverage > closest.coverage) closest = { template, coverage };
    if (coverage < MATCH_SHINGLE_SHARE) continue;
    // Among texts the file holds, the one covering most of it wins, less what it lacks:
    // BSD-3-Clause over the BSD-2-Clause inside it, Apache-2.0 over Pixar (Apache plus changes).
    const score = 2 * matched - shingles.size;
    if (best === undefined || score > best.score || (score === best.score && coverage > best.coverage))
      best = { template, coverage, score };
  }
  const near = closest === undefined ? undefined : { spdx: closest.template.id, coverage: round(closest.coverage) };
  if (best === undefined) return near === undefined ? {} : { closest: near };
  return {
    match: { template: best.template, coverage: best.coverage },
    ...(near === undefined ? {} : { closest: near }),
  };
}

/**
 * The span of `words` the template covers, within [from, to). It starts where the template's
 * opening words are (a project's notice before a GNU text shares trigrams with the text's
 * how-to-apply appendix, so coverage alone would pull the notice in) and ends at its closing words.
 */
function locate(words: readonly string[], from: number, to: number, template: SpdxTemplate) {
  const shingles = templateShingles(template);
  const opening = edgeShingles(template.words, 0);
  const closing = edgeShingles(template.words, 1);
  let first = -1;
  let last = -1;
  let openAt = -1;
  let closeAt = -1;
  for (let index = from; index + 2 < to; index += 1) {
    const shingle = `${words[index]} ${words[index + 1]} ${words[index + 2]}`;
    if (!shingles.has(shingle)) continue;
    if (first < 0) first = index;
    last = index + 3;
    const rank = opening.get(shingle);
    if (rank !== undefined && openAt < 0) openAt = Math.max(from, index - rank);
    if (closing.has(shingle)) closeAt = index + 3 + (closing.get(shingle) ?? 0);
  }
  if (first < 0) return { from, to };
  const start = openAt >= first ? openAt : first;
  const stop = closeAt > start && closeAt <= to ? closeAt : last;
  return { from: start, to: Math.max(stop, start + 1) };
}

/**
 * The template's first (side 0) or last (side 1) trigrams that occur nowhere else in it, with
 * how far they are from its edge: "19 november 2007" marks where an AGPL text starts, while
 * "gnu affero general" occurs all through it.
 */
function edgeShingles(words: readonly string[], side: 0 | 1): Map<string, number> {
  const candidates = new Map<string, number>();
  const count = Math.min(EDGE_SHINGLES, Math.max(0, words.length - 2));
  for (let offset = 0; offset < count; offset += 1) {
    const index = side === 0 ? offset : words.length - 3 - offset;
    const shingle = `${words[index]} ${words[index + 1]} ${words[index + 2]}`;
    if (!candidates.has(shingle)) candidates.set(shingle, offset);
  }
  const seen = new Map<string, number>();
  for (let index = 0; index + 2 < words.length; index += 1) {
    const shingle = `${words[index]} ${words[index + 1]} ${words[index + 2]}`;
    if (candidates.has(shingle)) seen.set(shingle, (seen.get(shingle) ?? 0) + 1);
  }
  for (const [shingle, occurrences] of seen) if (occurrences > 1) candidates.delete(shingle);
  return candidates;
}

/** Says what surrounds a matched licence and how faithful the text inside the span is. */
function describeMatch(
  normalized: NormalizedText,
  span: { from: number; to: number; template: SpdxTemplate; coverage: number },
  previousEnd: number,
  nextStart: number,
  others: readonly string[],
): TextIdentification {
  const { words, lines } = normalized;
  const shingles = templateShingles(span.template);
  const covered = new Uint8Array(span.to - span.from);
  for (let index = span.from; index + 2 < span.to; index += 1) {
    if (shingles.has(`${words[index]} ${words[index + 1]} ${words[index + 2]}`))
      covered[index - span.from] = covered[index - span.from + 1] = covered[index - span.from + 2] = 1;
  }
  let inside = 0;
  for (const flag of covered) if (flag === 0) inside += 1;
  const spanLength = span.to - span.from;
  const fidelity = spanLength === 0 ? 0 : 1 - inside / spanLength;
  const confidence = round(Math.min(span.coverage, fidelity));
  const before = words.slice(previousEnd, span.from);
  const after = words.slice(span.to, nextStart);
  const notes: string[] = [];
  if (span.template.variant !== undefined) notes.push(`the SPDX text ${span.template.variant}`);
  if (before.length > 0) notes.push(`a preamble of ${before.length} words before the licence text (${quote(before)})`);
  if (after.length > 0) notes.push(`${after.length} words after the licence text (${quote(after)})`);
  if (inside > 0) notes.push(`${inside} words inside it differ from the SPDX text`);
  if (others.length > 0) notes.push(`the file also holds ${others.join(", ")}`);
  const group = [span.template.id, ...span.template.sameText]
    .map((id) => spdxLicenseIndex().byId.get(id))
    .filter((found): found is SpdxTemplate => found !== undefined);
  const chosen = group.length === 0 ? span.template : preferredTemplate(group);
  return {
    spdx: chosen.id,
    sameText: [span.template.id, ...span.template.sameText].filter((id) => id !== chosen.id),
    confidence,
    line: lines[span.from] ?? 1,
    endLine: lines[Math.max(span.from, span.to - 1)] ?? 1,
    ...(notes.length === 0 ? {} : { note: notes.join("; ") }),
    extraBefore: before.join(" "),
    extraAfter: after.join(" "),
  };
}

/** Adds the values of a filled-in parameter block (BUSL's Licensor, Change Date) to the note. */
function withParameters(identification: TextIdentification, blocks: readonly ParameterBlock[]): TextIdentification {
  const block = blocks.find((candidate) => candidate.spdx === identification.spdx);
  if (block === undefined) return identification;
  const values = block.values.length === 0 ? "no values" : block.values.join("; ");
  const note = `filled-in parameters (lines ${block.fromLine}-${block.toLine}): ${values}`;
  return {
    ...identification,
    line: Math.min(identification.line, block.fromLine),
    note: identification.note === undefined ? note : `${note}; ${identification.note}`,
  };
}

/**
 * A text shorter than its licence that names it in its title and whose words are that
 * licence's (an abridged legal code), or a Creative Commons deed naming its licence.
 */
function abridgedMatch(text: string, normalized: NormalizedText): TextIdentification | undefined {
  const titled = titleOf(text);
  if (titled === undefined) return undefined;
  const index = spdxLicenseIndex();
  const template = index.byId.get(titled);
  const joined = normalized.words.join(" ");
  const base = {
    spdx: titled,
    sameText: template?.sameText ?? [],
    line: normalized.lines[0] ?? 1,
    endLine: normalized.lines[normalized.lines.length - 1] ?? 1,
    extraBefore: "",
    extraAfter: "",
  };
  if (/^CC-/.test(titled) && DEED_MARKERS.filter((marker) => joined.includes(marker)).length >= 2)
    return {
      ...base,
      confidence: 0.9,
      form: "deed",
      note: "a Creative Commons deed (the human-readable summary), not the legal code; its title names the licence",
    };
  if (template === undefined) return undefined;
  const shingles = templateShingles(template);
  const fileShingles = shinglesOf(normalized.words);
  let fromTemplate = 0;
  for (const shingle of fileShingles) if (shingles.has(shingle)) fromTemplate += 1;
  const precision = fileShingles.size === 0 ? 0 : fromTemplate / fileShingles.size;
  const coverage = shingles.size === 0 ? 0 : fromTemplate / shingles.size;
  if (precision < ABRIDGED_PRECISION || coverage < ABRIDGED_COVERAGE) return undefined;
  return {
    ...base,
    confidence: 0.9,
    form: "abridged",
    note: `an abridged text: its title names ${titled}, and ${Math.round(precision * 100)}% of its wording is that licence's (${Math.round(coverage * 100)}% of the SPDX text is present)`,
  };
}

/** The licence a file's title line names (one of its first lines), when one does. */
export function titleOf(text: string): string | undefined {
  let seen = 0;
  let start = 0;
  while (seen < TITLE_LINES && start < text.length) {
    const end = text.indexOf("\n", start);
    const line = text
      .slice(start, end < 0 ? text.length : end)
      .replace(/[#*_=`>]/g, " ")
      .trim();
    start = end < 0 ? text.length : end + 1;
    if (line === "") continue;
    seen += 1;
    const id = licenseIdForName(line.replace(/\s+/g, " "));
    if (id !== undefined) return id;
  }
  return undefined;
}

/** A few words of extra text, to say what it is: only lower-case words, never markup. */
function quote(words: readonly string[]): string {
  const shown = words.slice(0, 10).join(" ");
  return `"${shown}${words.length > 10 ? " …" : ""}"`;
}

/**
 * Among licences with the same text, the one to report: a current identifier, and for the GNU
 * family the -only form, since a bare text does not grant "any later version" by itself.
 */
function preferredTemplate<T extends TemplateMeta>(group: readonly T[]): T {
  const rank = (template: T) =>
    (template.deprecated ? 2 : 0) + (/-or-later$|invariants|RFN|exception|Exception/.test(template.id) ? 1 : 0);
  const sorted = [...group].sort((a, b) => rank(a) - rank(b) || a.id.length - b.id.length);
  const chosen = sorted[0];
  if (chosen === undefined) throw new Error("internal: empty licence group");
  return chosen;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
