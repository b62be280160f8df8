// Line numbers for offsets in a text, from one pass over the text. Counting newlines from the
// start for every match made a search over a large file quadratic (a 55,000-key declaration, a
// manifest with 30,000 dependencies); with the index each lookup is a binary search.

/** The start offset of every line of one text, computed once. */
export class LineIndex {
  readonly #starts: number[];
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
    const starts = [0];
    for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
    this.#starts = starts;
    stats.builds += 1;
  }

  /** How many lines the text has (a text without a newline has one). */
  get lineCount(): number {
    return this.#starts.length;
  }

  /** 1-based line number of a character offset; offsets past the end are on the last line. */
  lineOf(offset: number): number {
    stats.lookups += 1;
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** The text of a 1-based line, without its newline (and without a trailing "\r"). */
  lineText(line: number): string {
    const start = this.#starts[line - 1];
    if (start === undefined) return "";
    const next = this.#starts[line];
    const end = next === undefined ? this.#text.length : next - 1;
    const text = this.#text.slice(start, end);
    return text.endsWith("\r") ? text.slice(0, -1) : text;
  }
}

/**
 * Work done by line indexes, for tests that assert a pass over a file is linear: one build per
 * file, and one lookup per reported line, however large the file.
 */
export interface LineIndexStats {
  builds: number;
  lookups: number;
}

const stats: LineIndexStats = { builds: 0, lookups: 0 };

/** A copy of the counters since the process started (tests compare two readings). */
export function lineIndexStats(): LineIndexStats {
  return { ...stats };
}

/**
 * The index of `text`, reused while the same text is asked about again: callers that look up
 * the line of each match of a search get one build per file without carrying the index around.
 * A few recent texts are kept, so interleaving two files does not rebuild on every call.
 */
export function lineIndexOf(text: string): LineIndex {
  for (const entry of recent) if (entry.text === text) return entry.index;
  const index = new LineIndex(text);
  recent.unshift({ text, index });
  if (recent.length > RECENT_TEXTS) recent.pop();
  return index;
}

const RECENT_TEXTS = 4;
const recent: { text: string; index: LineIndex }[] = [];

/** 1-based line number of a character offset in a text. */
export function lineOf(text: string, offset: number): number {
  return lineIndexOf(text).lineOf(offset);
}
