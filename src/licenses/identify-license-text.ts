// Identifies a licence text against every SPDX text: exact match of the normalised words first,
// then a trigram match that also finds a licence embedded in a longer file (preamble, additions).
import { normalizeLicenseText, type NormalizedText } from "./normalize-license-text.js";
import { shinglesOf, spdxLicenseIndex, templateShingles, type SpdxTemplate } from "./spdx-license-index.js";

export interface TextIdentification {
  spdx: string;
  /** Identifiers with the same text (GPL-3.0-only and GPL-3.0-or-later share one). */
  sameText: string[];
  confidence: number;
  /** 1-based line where the licence text starts in the file. */
  line: number;
  /** What the file holds beyond the licence text, in words, when anything. */
  note?: string;
  /** Words before and after the licence text, so callers can look at the extra text. */
  extraBefore: string;
  extraAfter: string;
}

export interface TextMiss {
  /** The closest SPDX text and how much of it the file holds, when one came near. */
  closest?: { spdx: string; coverage: number };
}

/** Fewer words than this is a notice or a stub, not a licence text. */
const MIN_TEXT_WORDS = 30;
/** Share of an SPDX text's words a file must hold for it to be a candidate. */
const CANDIDATE_WORD_SHARE = 0.85;
/** Share of an SPDX text's trigrams a file must hold to count as that licence. */
const MATCH_SHINGLE_SHARE = 0.9;
/** Candidates examined closely after the cheap word filter. */
const MAX_CANDIDATES = 12;

export function identifyLicenseText(text: string): TextIdentification | TextMiss {
  const normalized = normalizeLicenseText(text);
  if (normalized.words.length === 0) return {};
  const index = spdxLicenseIndex();
  const exact =
    index.exact.get(normalized.words.join(" ")) ??
    index.exact.get(normalized.words.slice(normalized.titleWords).join(" "));
  if (exact !== undefined) {
    const chosen = preferredTemplate(exact);
    return {
      spdx: chosen.id,
      sameText: sameTextIds(chosen, exact),
      confidence: 1,
      line: normalized.lines[0] ?? 1,
      extraBefore: "",
      extraAfter: "",
    };
  }
  if (normalized.words.length < MIN_TEXT_WORDS) return {};
  return similarityMatch(normalized);
}

export function isIdentified(result: TextIdentification | TextMiss): result is TextIdentification {
  return "spdx" in result;
}

function similarityMatch(normalized: NormalizedText): TextIdentification | TextMiss {
  const fileWords = new Set(normalized.words);
  const candidates: { template: SpdxTemplate; share: number }[] = [];
  for (const template of spdxLicenseIndex().templates) {
    if (template.wordSet.size < 10 || template.words.length > normalized.words.length * 1.3) continue;
    let rare = 0;
    for (const word of template.rareWords) if (fileWords.has(word)) rare += 1;
    if (rare < template.rareWords.length * CANDIDATE_WORD_SHARE - 1) continue;
    let shared = 0;
    for (const word of template.wordSet) if (fileWords.has(word)) shared += 1;
    const share = shared / template.wordSet.size;
    if (share >= CANDIDATE_WORD_SHARE) candidates.push({ template, share });
  }
  if (candidates.length === 0) return {};
  // Largest possible match first, so smaller licences can be skipped once one is found.
  candidates.sort((a, b) => b.share * b.template.words.length - a.share * a.template.words.length);
  const fileShingles = shinglesOf(normalized.words);
  let best: { template: SpdxTemplate; coverage: number; score: number } | undefined;
  const examined = new Set<string>();
  for (const { template } of candidates) {
    // Licences sharing one text are examined once.
    if (examined.has(template.id)) continue;
    // A template with fewer trigrams than the best match so far cannot beat it.
    if (best !== undefined && template.words.length - 2 < best.score) break;
    examined.add(template.id);
    for (const id of template.sameText) examined.add(id);
    if (examined.size > MAX_CANDIDATES * 3) break;
    const shingles = templateShingles(template);
    let matched = 0;
    for (const shingle of shingles) if (fileShingles.has(shingle)) matched += 1;
    const coverage = shingles.size === 0 ? 0 : matched / shingles.size;
    // Matched text counts for a licence and its missing text against it, so BSD-3-Clause beats
    // the BSD-2-Clause inside it, and Apache-2.0 beats Pixar (Apache-2.0 plus changes).
    const score = 2 * matched - shingles.size;
    if (best === undefined || score > best.score || (score === best.score && coverage > best.coverage))
      best = { template, coverage, score };
  }
  if (best === undefined) return {};
  const closest = { spdx: best.template.id, coverage: round(best.coverage) };
  if (best.coverage < MATCH_SHINGLE_SHARE) return { closest };
  return describeMatch(normalized, best.template, best.coverage);
}

/** Locates the matched licence in the file and says what surrounds it. */
function describeMatch(normalized: NormalizedText, template: SpdxTemplate, coverage: number): TextIdentification {
  const shingles = templateShingles(template);
  const words = normalized.words;
  const covered = new Uint8Array(words.length);
  for (let index = 0; index + 2 < words.length; index += 1) {
    if (shingles.has(`${words[index]} ${words[index + 1]} ${words[index + 2]}`))
      covered[index] = covered[index + 1] = covered[index + 2] = 1;
  }
  let first = covered.indexOf(1);
  let last = covered.lastIndexOf(1);
  if (first < 0) first = last = 0;
  let inside = 0;
  for (let index = first; index <= last; index += 1) if (covered[index] === 0) inside += 1;
  const before = words.slice(0, first);
  const after = words.slice(last + 1);
  // Differences inside the licence text lower the confidence; text around it is reported instead.
  const spanLength = last - first + 1;
  const fidelity = spanLength === 0 ? 0 : 1 - inside / spanLength;
  const confidence = round(Math.min(coverage, fidelity));
  const notes: string[] = [];
  if (before.length > 0) notes.push(`${before.length} words before the licence text`);
  if (after.length > 0) notes.push(`${after.length} words after the licence text`);
  if (inside > 0) notes.push(`${inside} words inside it differ from the SPDX text`);
  const sameText = template.sameText.length > 0 ? [template.id, ...template.sameText] : [template.id];
  const chosen = preferredTemplate(
    sameText.map((id) => spdxLicenseIndex().byId.get(id)).filter((found): found is SpdxTemplate => found !== undefined),
  );
  return {
    spdx: chosen.id,
    sameText: sameText.filter((id) => id !== chosen.id),
    confidence,
    line: normalized.lines[first] ?? 1,
    ...(notes.length === 0 ? {} : { note: notes.join("; ") }),
    extraBefore: before.join(" "),
    extraAfter: after.join(" "),
  };
}

/**
 * Among licences with the same text, the one to report: a current identifier, and for the GNU
 * family the -only form, since a bare text does not grant "any later version" by itself.
 */
function preferredTemplate(group: readonly SpdxTemplate[]): SpdxTemplate {
  const rank = (template: SpdxTemplate) =>
    (template.deprecated ? 2 : 0) + (/-or-later$|invariants|RFN|exception|Exception/.test(template.id) ? 1 : 0);
  const sorted = [...group].sort((a, b) => rank(a) - rank(b) || a.id.length - b.id.length);
  const chosen = sorted[0];
  if (chosen === undefined) throw new Error("internal: empty licence group");
  return chosen;
}

function sameTextIds(chosen: SpdxTemplate, group: readonly SpdxTemplate[]): string[] {
  return [...new Set([...group.map((template) => template.id), ...chosen.sameText])].filter((id) => id !== chosen.id);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
