// Okapi BM25 over a small, fixed set of documents (the 17 goals), scoring a query that is a whole
// repository's text. Written here rather than taken from a search library because the query is
// the long side: search libraries expect short queries and return no per-term contributions,
// which the suggestions need to quote the sentences that earned a score. Linear in the query.

/** The usual BM25 constants (Robertson & Zaragoza, "The Probabilistic Relevance Framework", 2009). */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
/** Saturation of a term's frequency in the query, as k3 in the same paper: a word repeated 40 times is not 40 times the evidence. */
export const BM25_K3 = 1.5;

export interface Bm25Index {
  /** For each term, the weight it gives each document that contains it (idf × saturated tf). */
  readonly postings: ReadonlyMap<string, ReadonlyMap<number, number>>;
  readonly documents: readonly number[];
}

/**
 * Builds the index from each document's term frequencies. Frequencies may be fractional, so a
 * curated term can weigh differently from words of the official text.
 */
export function buildBm25Index(documents: ReadonlyMap<number, ReadonlyMap<string, number>>): Bm25Index {
  const lengths = new Map<number, number>();
  const documentFrequency = new Map<string, number>();
  for (const [id, frequencies] of documents) {
    let length = 0;
    for (const [term, frequency] of frequencies) {
      length += frequency;
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    lengths.set(id, length);
  }
  const count = documents.size;
  const average = [...lengths.values()].reduce((sum, length) => sum + length, 0) / Math.max(count, 1);
  const postings = new Map<string, Map<number, number>>();
  for (const [id, frequencies] of documents) {
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * (lengths.get(id) ?? 0)) / (average || 1));
    for (const [term, frequency] of frequencies) {
      const n = documentFrequency.get(term) ?? 0;
      const idf = Math.log(1 + (count - n + 0.5) / (n + 0.5));
      let posting = postings.get(term);
      if (posting === undefined) postings.set(term, (posting = new Map()));
      posting.set(id, (idf * frequency * (BM25_K1 + 1)) / (frequency + norm));
    }
  }
  return { postings, documents: [...documents.keys()] };
}

/** The query-side weight of a term seen `frequency` times (weighted by where it was seen). */
export function queryWeight(frequency: number): number {
  return (frequency * (BM25_K3 + 1)) / (frequency + BM25_K3);
}

/** BM25 score of every document for a query given as term frequencies. */
export function scoreQuery(index: Bm25Index, query: ReadonlyMap<string, number>): Map<number, number> {
  const scores = new Map<number, number>(index.documents.map((id) => [id, 0]));
  for (const [term, frequency] of query) {
    const posting = index.postings.get(term);
    if (posting === undefined) continue;
    const weight = queryWeight(frequency);
    for (const [id, value] of posting) scores.set(id, (scores.get(id) ?? 0) + weight * value);
  }
  return scores;
}
