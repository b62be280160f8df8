// The BM25 index of the 17 goal documents: each goal's official title and targets plus its curated
// domain terms, as terms. Stemming every target text took ~20 ms of every screen, so `npm run
// build` writes the index to a data file (lib/data/, through src/data-files) and a screen loads
// it; the file names a hash of what it was built from, and without a current one (tests, tsx run
// from src/) the same index is built in memory.
import { createHash } from "node:crypto";
import { readDataFile } from "../data-files/read-data-file.js";
import { buildBm25Index, type Bm25Index } from "./bm25.js";
import { SDG_DOMAIN_TERMS } from "./sdg-domain-terms.js";
import { SDG_GOALS } from "./sdg-goals.js";
import { terms } from "./terms.js";

/** Bump when terms() or the BM25 weighting changes: the inputs' hash covers only the texts. */
export const SDG_INDEX_FORMAT = 1;
export const SDG_INDEX_FILE = "sdg-index.json";

/** Curated terms count like this many occurrences in the official text. */
const DOMAIN_TERM_WEIGHT = 2;
/** The goal's title counts this many times: it says what the goal is about. */
const TITLE_WEIGHT = 2;

/** The data file: which inputs it was built from, then each term's [goal, weight, goal, weight…]. */
export interface SdgIndexData {
  format: number;
  inputs: string;
  documents: number[];
  postings: [string, number[]][];
}

let memo: Bm25Index | undefined;

/** The goal documents' index: from the data file when it is current, else built once in memory. */
export function sdgIndex(): Bm25Index {
  memo ??= indexFromData(loadData()) ?? buildSdgIndex();
  return memo;
}

/** Where the index came from in this process, for benchmarks and tests. */
export function sdgIndexSource(): "data file" | "built in memory" {
  return indexFromData(loadData()) === undefined ? "built in memory" : "data file";
}

/** Builds the index from the texts: what the data file holds. */
export function buildSdgIndex(): Bm25Index {
  const documents = new Map<number, Map<string, number>>();
  for (const goal of SDG_GOALS) {
    const frequencies = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const term of terms(text)) frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
    };
    add(`${goal.name}. ${goal.title}`, TITLE_WEIGHT);
    for (const target of Object.values(goal.targets)) add(target, 1);
    for (const term of SDG_DOMAIN_TERMS[goal.number] ?? []) add(term, DOMAIN_TERM_WEIGHT);
    documents.set(goal.number, frequencies);
  }
  return buildBm25Index(documents);
}

/** The data file's text for an index, as `npm run build` writes it. */
export function sdgIndexFileText(index: Bm25Index): string {
  const data: SdgIndexData = {
    format: SDG_INDEX_FORMAT,
    inputs: inputsHash(),
    documents: [...index.documents],
    postings: [...index.postings].map(([term, posting]) => [term, [...posting].flat()]),
  };
  return JSON.stringify(data);
}

/** A hash of the texts and weights the index is built from: a data file of other texts is stale. */
function inputsHash(): string {
  return createHash("sha1")
    .update(JSON.stringify([SDG_GOALS, SDG_DOMAIN_TERMS, DOMAIN_TERM_WEIGHT, TITLE_WEIGHT]))
    .digest("base64url");
}

function loadData(): unknown {
  const text = readDataFile(SDG_INDEX_FILE);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The index a data file holds, when it was written by this code from these texts. */
export function indexFromData(value: unknown): Bm25Index | undefined {
  const data = value as Partial<SdgIndexData> | null | undefined;
  if (data?.format !== SDG_INDEX_FORMAT || data.inputs !== inputsHash()) return undefined;
  if (!Array.isArray(data.documents) || !Array.isArray(data.postings)) return undefined;
  const postings = new Map<string, Map<number, number>>();
  for (const entry of data.postings as unknown[]) {
    // A damaged file is not used; the index is then built in memory, as without one.
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !Array.isArray(entry[1])) return undefined;
    const [term, flat] = entry as [string, unknown[]];
    if (!flat.every((value) => typeof value === "number")) return undefined;
    const posting = new Map<number, number>();
    for (let at = 0; at + 1 < flat.length; at += 2) posting.set(Number(flat[at]), Number(flat[at + 1]));
    postings.set(term, posting);
  }
  return { postings, documents: data.documents };
}
