// Every SPDX licence text from spdx-license-list, normalised once per process (it takes a
// few hundred milliseconds, so it is built on first use and memoised, never per screen).
import spdxFull from "spdx-license-list/full.js";
import { normalizeLicenseText } from "./normalize-license-text.js";
import { isDeprecatedSpdxId } from "./spdx-license-ids.js";

export interface SpdxTemplate {
  id: string;
  name: string;
  osiApproved: boolean;
  deprecated: boolean;
  words: string[];
  /** Words after the title line, for texts that omit the title. */
  titleWords: number;
  wordSet: Set<string>;
  /** The template's rarest words across all SPDX texts: a cheap first filter for candidates. */
  rareWords: string[];
  /** Other identifiers whose normalised text is identical to this one. */
  sameText: string[];
  /** Word trigrams, built when first needed by the similarity match. */
  shingles?: Set<string>;
}

export interface SpdxLicenseIndex {
  templates: SpdxTemplate[];
  byId: Map<string, SpdxTemplate>;
  /** Normalised text (whole, and without its title line) → templates with exactly that text. */
  exact: Map<string, SpdxTemplate[]>;
}

/** How many rare words each template keeps for the first filter. */
const RARE_WORDS = 16;

let memo: SpdxLicenseIndex | undefined;

/** The index, built on first call. */
export function spdxLicenseIndex(): SpdxLicenseIndex {
  memo ??= buildIndex();
  return memo;
}

function buildIndex(): SpdxLicenseIndex {
  const templates: SpdxTemplate[] = [];
  const byId = new Map<string, SpdxTemplate>();
  const exact = new Map<string, SpdxTemplate[]>();
  const addKey = (key: string, template: SpdxTemplate) => {
    const list = exact.get(key);
    if (list === undefined) exact.set(key, [template]);
    else if (!list.includes(template)) list.push(template);
  };
  for (const [id, entry] of Object.entries(spdxFull)) {
    const normalized = normalizeLicenseText(entry.licenseText);
    const template: SpdxTemplate = {
      id,
      name: entry.name,
      osiApproved: entry.osiApproved,
      deprecated: isDeprecatedSpdxId(id),
      words: normalized.words,
      titleWords: normalized.titleWords,
      wordSet: new Set(normalized.words),
      rareWords: [],
      sameText: [],
    };
    templates.push(template);
    byId.set(id, template);
    addKey(normalized.words.join(" "), template);
    if (normalized.titleWords > 0) addKey(normalized.words.slice(normalized.titleWords).join(" "), template);
    // Many files stop at "END OF TERMS AND CONDITIONS" and leave out the how-to-apply appendix.
    const end = endOfTerms(normalized.words);
    if (end > 0 && end < normalized.words.length) {
      const words = normalized.words.slice(0, end);
      const core: SpdxTemplate = { ...template, words, wordSet: new Set(words), rareWords: [], sameText: [] };
      templates.push(core);
      addKey(words.join(" "), core);
      if (normalized.titleWords > 0) addKey(words.slice(normalized.titleWords).join(" "), core);
    }
  }
  const documentFrequency = new Map<string, number>();
  for (const template of templates)
    for (const word of template.wordSet) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  for (const template of templates) {
    template.rareWords = [...template.wordSet]
      .sort((a, b) => (documentFrequency.get(a) ?? 0) - (documentFrequency.get(b) ?? 0) || (a < b ? -1 : 1))
      .slice(0, RARE_WORDS);
  }
  for (const group of exact.values()) {
    for (const template of group) {
      for (const other of group)
        if (other.id !== template.id && !template.sameText.includes(other.id)) template.sameText.push(other.id);
    }
  }
  return { templates, byId, exact };
}

const END_OF_TERMS = ["end", "of", "terms", "and", "conditions"];

/** Word index just past "end of terms and conditions", or 0 when the text has no such line. */
function endOfTerms(words: readonly string[]): number {
  for (let index = 0; index + END_OF_TERMS.length <= words.length; index += 1) {
    if (END_OF_TERMS.every((word, offset) => words[index + offset] === word)) return index + END_OF_TERMS.length;
  }
  return 0;
}

/** Word trigrams of a word list, as strings. */
export function shinglesOf(words: readonly string[], from = 0, to = words.length): Set<string> {
  const shingles = new Set<string>();
  for (let index = from; index + 2 < to; index += 1)
    shingles.add(`${words[index]} ${words[index + 1]} ${words[index + 2]}`);
  return shingles;
}

/** A template's trigrams, memoised on the template. */
export function templateShingles(template: SpdxTemplate): Set<string> {
  template.shingles ??= shinglesOf(template.words);
  return template.shingles;
}
