// Every SPDX licence text from spdx-license-list, normalised. Normalising all ~730 texts takes
// about half a second, so `npm run build` does it once and writes two compact data files
// (lib/data/, read through src/data-files): a small one mapping a hash of each normalised text to
// its licence, enough for exact matches, and a larger one with the words, of which only the texts
// a file's similarity match examines are read (each template's byte range is in the small file).
// Without the files (tests and tsx run from src/) the same index is built in memory.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { readDataFile, readDataFileRange } from "../data-files/read-data-file.js";
import { normalizeLicenseText } from "./normalize-license-text.js";
import { isDeprecatedSpdxId } from "./spdx-license-ids.js";

/** Bump when the normaliser or the data layout changes, so stale data files are ignored. */
export const INDEX_FORMAT = 5;

/** What a template describes, without its words: enough to report an exact match. */
export interface TemplateMeta {
  id: string;
  name: string;
  osiApproved: boolean;
  deprecated: boolean;
  /** Set for a part of the SPDX text that is shipped on its own ("without the GPL text"). */
  variant?: string;
  /** Index in `words` where the opening title line ends (0 when there is none). */
  titleWords: number;
  /** Other identifiers whose normalised text is identical to this one. */
  sameText: string[];
  /** How many words the normalised text has. */
  wordCount: number;
  /** The template's rarest words across all SPDX texts: a cheap first filter for candidates. */
  rareWords: string[];
  /** For a variant: the number of the template it is a prefix of. */
  prefixOf?: number;
  /** Byte offset and length of the template's line in the words file (not for a variant). */
  wordsAt?: [number, number];
}

export interface SpdxTemplate extends TemplateMeta {
  /** The normalised words, read from the words file when the template is first examined. */
  readonly words: string[];
  /** Distinct words, built when first needed. */
  wordSet?: Set<string>;
  /** Word trigrams, built when first needed by the similarity match. */
  shingles?: Set<string>;
}

/** The exact-match part of the index: hash of normalised words → template numbers. */
export interface ExactIndex {
  templates: TemplateMeta[];
  byHash: Map<string, number[]>;
}

export interface SpdxLicenseIndex {
  templates: SpdxTemplate[];
  /** The whole SPDX text of each identifier (not its variants). */
  byId: Map<string, SpdxTemplate>;
}

/** The serialised form of the two data files. */
export interface IndexData {
  meta: { format: number; spdxLicenseList: string; templates: TemplateMeta[]; hashes: [string, number[]][] };
  /** Each template's words joined by spaces, one line each; empty for a variant (a prefix of its base). */
  words: string[];
}

/** How many rare words each template keeps for the first filter. */
const RARE_WORDS = 16;

const require = createRequire(import.meta.url);
const SPDX_LIST_VERSION = (require("spdx-license-list/package.json") as { version: string }).version;
export const META_FILE = "spdx-index-meta.json";
export const WORDS_FILE = "spdx-index-words.txt";

/** The hash of a normalised word list under which exact texts are looked up. */
export function textHash(words: readonly string[], from = 0): string {
  const hash = createHash("sha1");
  for (let index = from; index < words.length; index += 1)
    hash.update(index === from ? (words[index] ?? "") : ` ${words[index] ?? ""}`);
  return hash.digest("base64url").slice(0, 20);
}

let exactMemo: ExactIndex | undefined;
let fullMemo: SpdxLicenseIndex | undefined;
let builtMemo: IndexData | undefined;

/** The exact-match index: from the data file when it is current, else built in memory. */
export function exactLicenseIndex(): ExactIndex {
  exactMemo ??= toExact(loadMeta() ?? built().meta);
  return exactMemo;
}

/** The full index with words, for the similarity match; loaded on first use. */
export function spdxLicenseIndex(): SpdxLicenseIndex {
  if (fullMemo !== undefined) return fullMemo;
  const exact = exactLicenseIndex();
  const line = loadWords(exact.templates) ?? ((index: number) => built().words[index]);
  const cache: (string[] | undefined)[] = [];
  const wordsOf = (index: number): string[] => {
    const cached = cache[index];
    if (cached !== undefined) return cached;
    const meta = exact.templates[index];
    const words =
      meta?.prefixOf !== undefined
        ? wordsOf(meta.prefixOf).slice(0, meta.wordCount)
        : (line(index) ?? "").split(" ").filter((word) => word !== "");
    cache[index] = words;
    return words;
  };
  const templates = exact.templates.map((meta, index): SpdxTemplate => {
    const template = { ...meta } as SpdxTemplate;
    Object.defineProperty(template, "words", { get: () => wordsOf(index), enumerable: true });
    return template;
  });
  const byId = new Map<string, SpdxTemplate>();
  for (const template of templates) if (template.variant === undefined) byId.set(template.id, template);
  fullMemo = { templates, byId };
  return fullMemo;
}

/** Which parts of the index this process has loaded so far, for benchmarks and tests. */
export function loadedIndexParts(): { exact: boolean; words: boolean } {
  return { exact: exactMemo !== undefined, words: fullMemo !== undefined };
}

/** Where the index came from in this process, for benchmarks and diagnostics. */
export function licenseIndexSource(): "data file" | "built in memory" {
  return loadMeta() === undefined ? "built in memory" : "data file";
}

/** A data file's JSON when it was written by this code for this spdx-license-list. */
function parseCurrent(json: string): unknown {
  try {
    const data = JSON.parse(json) as { format?: unknown; spdxLicenseList?: unknown };
    return data.format === INDEX_FORMAT && data.spdxLicenseList === SPDX_LIST_VERSION ? data : undefined;
  } catch {
    return undefined;
  }
}

function loadMeta(): IndexData["meta"] | undefined {
  const text = readDataFile(META_FILE);
  return text === undefined ? undefined : (parseCurrent(text) as IndexData["meta"] | undefined);
}

/** The words file's first line: which format and list it was written for. */
function wordsHeader(): string {
  return JSON.stringify({ format: INDEX_FORMAT, spdxLicenseList: SPDX_LIST_VERSION });
}

/**
 * The words file, a JSON header line and then one line of words per template, read one line at a
 * time: the whole file is 4.7 MB, and reading it was a tenth of a screen's peak memory. A line that
 * cannot be read is taken from the index built in memory, never left empty.
 */
function loadWords(templates: readonly TemplateMeta[]): ((index: number) => string | undefined) | undefined {
  const header = wordsHeader();
  if (readDataFileRange(WORDS_FILE, 0, header.length + 1) !== `${header}\n`) return undefined;
  return (index) => {
    const at = templates[index]?.wordsAt;
    return (at === undefined ? undefined : readDataFileRange(WORDS_FILE, at[0], at[1])) ?? built().words[index];
  };
}

/** The words file's text for `data`, as `npm run build` writes it. */
export function wordsFileText(data: IndexData): string {
  return `${wordsHeader()}\n${data.words.join("\n")}`;
}

function built(): IndexData {
  builtMemo ??= buildIndexData();
  return builtMemo;
}

function toExact(meta: IndexData["meta"]): ExactIndex {
  return { templates: meta.templates, byHash: new Map(meta.hashes) };
}

/** Parts of SPDX texts that are shipped on their own, each an extra template. */
interface Variant {
  /** Word index where the variant ends. */
  end: number;
  label: string;
}

/** The GPL-3.0 text SPDX appends to the LGPL-3.0: the FSF's lgpl-3.0.txt is only the part before it. */
const EMBEDDED_GPL3 = ["gnu", "general", "public", "license", "version", "3", "29", "june", "2007"];
const END_OF_TERMS = ["end", "of", "terms", "and", "conditions"];
/** Many BUSL-1.1 files end with the terms, before MariaDB's note on using the text and its covenants. */
const BUSL_COVENANTS = ["mariadb", "hereby", "grants", "you", "permission"];

function variantsOf(id: string, words: readonly string[]): Variant[] {
  const variants: Variant[] = [];
  const gpl = /^LGPL-3\.0/.test(id) ? find(words, EMBEDDED_GPL3, 10) : -1;
  if (gpl > 0)
    variants.push({ end: gpl, label: "the LGPL additional permissions alone, as the FSF ships lgpl-3.0.txt" });
  const terms = find(words, END_OF_TERMS, 0);
  if (terms > 0 && terms + END_OF_TERMS.length < words.length)
    variants.push({ end: terms + END_OF_TERMS.length, label: "without the how-to-apply appendix" });
  const covenants = /^BUSL-/.test(id) ? find(words, BUSL_COVENANTS, 10) : -1;
  if (covenants > 0) variants.push({ end: covenants, label: "without MariaDB's covenants of licensor" });
  return variants;
}

type SpdxTexts = Record<string, { name: string; osiApproved: boolean; licenseText: string }>;

/**
 * spdx-license-list's texts, to build the index from. The GitHub Action ships the data files
 * instead of the package (dist/data/), so without them this is the error a screen reports.
 */
function spdxTexts(): SpdxTexts {
  try {
    return require("spdx-license-list/full.js") as SpdxTexts;
  } catch {
    throw new Error(
      `the SPDX licence index is missing: neither its data files (${META_FILE}, ${WORDS_FILE}) nor spdx-license-list to build them were found`,
    );
  }
}

/** Normalises every SPDX text and groups identical ones: what the data files hold. */
export function buildIndexData(): IndexData {
  const spdxFull = spdxTexts();
  const templates: TemplateMeta[] = [];
  const wordLists: string[][] = [];
  const byHash = new Map<string, number[]>();
  const addHash = (hash: string, index: number) => {
    const list = byHash.get(hash);
    if (list === undefined) byHash.set(hash, [index]);
    else if (!list.includes(index)) list.push(index);
  };
  for (const id of Object.keys(spdxFull).sort()) {
    const entry = spdxFull[id];
    if (entry === undefined) continue;
    const normalized = normalizeLicenseText(entry.licenseText);
    const base: TemplateMeta = {
      id,
      name: entry.name,
      osiApproved: entry.osiApproved,
      deprecated: isDeprecatedSpdxId(id),
      titleWords: normalized.titleWords,
      sameText: [],
      wordCount: normalized.words.length,
      rareWords: [],
    };
    const baseIndex = templates.length;
    const add = (words: string[], variant?: string) => {
      const index = templates.length;
      templates.push(variant === undefined ? base : { ...base, variant, wordCount: words.length, prefixOf: baseIndex });
      wordLists.push(words);
      addHash(textHash(words), index);
      if (normalized.titleWords > 0 && normalized.titleWords < words.length)
        addHash(textHash(words, normalized.titleWords), index);
    };
    add(normalized.words);
    for (const variant of variantsOf(id, normalized.words)) add(normalized.words.slice(0, variant.end), variant.label);
  }
  // Identifiers whose texts are identical are reported together (GPL-3.0-only, -or-later).
  for (const group of byHash.values()) {
    for (const index of group) {
      const template = templates[index];
      if (template === undefined) continue;
      const others = group
        .map((other) => templates[other]?.id ?? "")
        .filter((other) => other !== template.id && !template.sameText.includes(other));
      if (others.length > 0) templates[index] = { ...template, sameText: [...template.sameText, ...others] };
    }
  }
  const documentFrequency = new Map<string, number>();
  const sets = wordLists.map((words) => new Set(words));
  for (const set of sets) for (const word of set) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  sets.forEach((set, index) => {
    const template = templates[index];
    if (template === undefined) return;
    template.rareWords = [...set]
      .sort((a, b) => (documentFrequency.get(a) ?? 0) - (documentFrequency.get(b) ?? 0) || (a < b ? -1 : 1))
      .slice(0, RARE_WORDS);
  });
  const words = wordLists.map((list, index) => (templates[index]?.prefixOf === undefined ? list.join(" ") : ""));
  // Where each line will sit in the words file (wordsFileText), so it can be read on its own.
  let offset = Buffer.byteLength(wordsHeader()) + 1;
  words.forEach((line, index) => {
    const length = Buffer.byteLength(line);
    const template = templates[index];
    if (template !== undefined && template.prefixOf === undefined)
      templates[index] = { ...template, wordsAt: [offset, length] };
    offset += length + 1;
  });
  return {
    meta: { format: INDEX_FORMAT, spdxLicenseList: SPDX_LIST_VERSION, templates, hashes: [...byHash] },
    words,
  };
}

/** Word index where `sequence` starts at or after `from`, or -1. Linear in `words`. */
function find(words: readonly string[], sequence: readonly string[], from: number): number {
  for (let index = from; index + sequence.length <= words.length; index += 1) {
    if (sequence.every((word, offset) => words[index + offset] === word)) return index;
  }
  return -1;
}

/** Word trigrams of a word list, as strings. */
export function shinglesOf(words: readonly string[], from = 0, to = words.length): Set<string> {
  const shingles = new Set<string>();
  for (let index = from; index + 2 < to; index += 1)
    shingles.add(`${words[index]} ${words[index + 1]} ${words[index + 2]}`);
  return shingles;
}

/** A template's distinct words, memoised on the template. */
export function templateWordSet(template: SpdxTemplate): Set<string> {
  template.wordSet ??= new Set(template.words);
  return template.wordSet;
}

/** A template's trigrams, memoised on the template. */
export function templateShingles(template: SpdxTemplate): Set<string> {
  template.shingles ??= shinglesOf(template.words);
  return template.shingles;
}
