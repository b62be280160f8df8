// SDG suggestions for a reviewer: the goals a repository's own words are closest to, ranked by
// BM25 against documents made of each goal's official title and targets (un-sdg-texts.json)
// plus curated domain terms (sdg-domain-terms.ts), each with the sentences that earned it.
// A suggestion, never an answer: relevance at target level is the maintainers' case to make.
import type { SdgQuote, SdgSuggestion } from "../core/report.js";
import { scoreQuery } from "./bm25.js";
import { SDG_GOALS } from "./sdg-goals.js";
import { sdgIndex } from "./sdg-index.js";
import { proseSegments } from "./prose-segments.js";
import { terms } from "./terms.js";

/** Where a suggestion's words were read. */
export type SdgSourceKind = SdgQuote["source"];

/** Text to read suggestions from. `path` is absent for repository metadata. */
export interface SdgSource {
  kind: SdgSourceKind;
  path?: string;
  text: string;
}

/** How much one occurrence counts, by where it was read: metadata is the maintainers' summary. */
const SOURCE_WEIGHT: Record<SdgSourceKind, number> = {
  description: 3,
  topics: 3,
  publiccode: 1.5,
  manifest: 1.5,
  readme: 1,
  docs: 0.5,
  // Each distinct file or folder name once; many names that share a word add up, within k3's saturation.
  paths: 0.5,
};
/** At most this many characters of all sources together are read. */
export const MAX_SDG_INPUT_CHARS = 512 * 1024;
export const MAX_QUOTE_CHARS = 200;
const QUOTES_PER_GOAL = 2;
/**
 * The first sentences of a text say what the project is for; the rest is mostly how to install
 * and contribute. They count this many times more.
 */
const INTRO_SEGMENTS = 12;
const INTRO_WEIGHT = 3;
/** Suggestions below this score rest on a passing word or two. */
const MIN_SCORE = 2;
/** A goal needs this many different matching terms: one word ("data corruption") is a passing mention. */
const MIN_TERMS = 2;
/** And below this share of the best score, they are noise beside it. */
const MIN_SHARE = 0.25;
const MAX_SUGGESTIONS = 5;

interface Candidate {
  contribution: number;
  quote: SdgQuote;
}

export interface SuggestOptions {
  /**
   * A goal needs terms from this many different sources: one file name ("ProtectedRouteLanding")
   * is a coincidence, several are a domain.
   */
  minSources?: number;
}

/**
 * Ranks the goals for the given sources. Linear in their size (capped in total at
 * MAX_SDG_INPUT_CHARS), with a fixed number of goals per term.
 */
export function suggestSdgs(sources: readonly SdgSource[], options: SuggestOptions = {}): SdgSuggestion[] {
  const bm25 = sdgIndex();
  const query = new Map<string, number>();
  const best = new Map<number, Candidate[]>();
  const supporting = new Map<number, number>();
  let budget = MAX_SDG_INPUT_CHARS;
  for (const source of sources) {
    if (budget <= 0) break;
    const text = source.text.slice(0, budget);
    budget -= text.length;
    const segments = proseSegments(text);
    const goalsOfSource = new Set<number>();
    for (const [position, segment] of segments.entries()) {
      const intro = source.kind !== "paths" && position < INTRO_SEGMENTS;
      const weight = SOURCE_WEIGHT[source.kind] * (intro ? INTRO_WEIGHT : 1);
      const contributions = new Map<number, number>();
      const seen = new Set<string>();
      for (const term of terms(segment.text)) {
        query.set(term, (query.get(term) ?? 0) + weight);
        const posting = bm25.postings.get(term);
        if (posting === undefined || seen.has(term)) continue;
        seen.add(term);
        for (const [goal, value] of posting) contributions.set(goal, (contributions.get(goal) ?? 0) + value * weight);
      }
      for (const [goal, contribution] of contributions) {
        goalsOfSource.add(goal);
        const quote: SdgQuote = {
          source: source.kind,
          ...(source.path === undefined
            ? {}
            : source.kind === "paths"
              ? { path: source.path }
              : { path: source.path, line: segment.line }),
          text: segment.text.slice(0, MAX_QUOTE_CHARS),
        };
        keepBest(best, goal, { contribution, quote });
      }
    }
    for (const goal of goalsOfSource) supporting.set(goal, (supporting.get(goal) ?? 0) + 1);
  }
  const minSources = options.minSources ?? 1;
  const scores = scoreQuery(bm25, query);
  const matched = new Map<number, number>();
  for (const term of query.keys())
    for (const goal of bm25.postings.get(term)?.keys() ?? []) matched.set(goal, (matched.get(goal) ?? 0) + 1);
  const ranked = [...scores]
    .filter(
      ([goal, score]) =>
        score >= MIN_SCORE &&
        (matched.get(goal) ?? 0) >= MIN_TERMS &&
        (supporting.get(goal) ?? 0) >= minSources &&
        (best.get(goal)?.length ?? 0) > 0,
    )
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const top = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(([, score]) => score >= top * MIN_SHARE)
    .slice(0, MAX_SUGGESTIONS)
    .map(([goal, score]) => ({
      sdg: goal,
      name: SDG_GOALS[goal - 1]?.name ?? `SDG ${goal}`,
      score: Math.round(score * 100) / 100,
      quotes: (best.get(goal) ?? []).map((candidate) => candidate.quote),
    }));
}

/** Keeps the QUOTES_PER_GOAL highest contributions for a goal, different sentences only. */
function keepBest(best: Map<number, Candidate[]>, goal: number, candidate: Candidate): void {
  const list = best.get(goal) ?? [];
  if (list.some((kept) => kept.quote.text === candidate.quote.text)) return;
  list.push(candidate);
  list.sort((a, b) => b.contribution - a.contribution);
  if (list.length > QUOTES_PER_GOAL) list.pop();
  best.set(goal, list);
}
