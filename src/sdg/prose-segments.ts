// Splits markdown or plain text into prose segments (about a sentence each) with their line
// numbers, leaving out what is not prose: fenced code, tables, HTML tags, inline code, link
// targets and bare URLs. Line by line, with each line cut at a fixed length, so the work is
// linear in the text whatever it holds.

export interface ProseSegment {
  /** 1-based line of the segment. */
  line: number;
  text: string;
}

/** Longer lines are cut here: minified or generated text is not what a project says it does. */
export const MAX_LINE_CHARS = 2_000;

const FENCE = /^\s{0,3}(```|~~~)/;
const TABLE_ROW = /^\s*\|/;
const HTML_TAG = /<[^<>]*>/g;
const INLINE_CODE = /`[^`]*`/g;
const IMAGE = /!\[[^\]]*\]\([^()]*\)/g;
const LINK_TARGET = /\]\([^()]*\)/g;
const URL = /\b(?:https?|ftp):\/\/\S*[^\s.,;:!?)]/g;
const MARKUP = /[*_#>[\]]+/g;
const SENTENCE_END = /(?<=[.!?;])\s+/;

export function proseSegments(text: string, maxSegments = 5_000): ProseSegment[] {
  const segments: ProseSegment[] = [];
  let inFence = false;
  let fence = "";
  let start = 0;
  for (let line = 1; start <= text.length && segments.length < maxSegments; line += 1) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, Math.min(end, start + MAX_LINE_CHARS));
    start = end + 1;
    const opening = FENCE.exec(raw);
    if (opening !== null) {
      if (!inFence) [inFence, fence] = [true, opening[1] ?? ""];
      else if (opening[1] === fence) inFence = false;
      continue;
    }
    if (inFence || TABLE_ROW.test(raw)) continue;
    const prose = raw
      .replace(IMAGE, " ")
      .replace(LINK_TARGET, "] ")
      .replace(HTML_TAG, " ")
      .replace(INLINE_CODE, " ")
      .replace(URL, " ")
      .replace(MARKUP, " ")
      .replace(/\s+/g, " ")
      .trim();
    if (prose.length === 0) continue;
    for (const sentence of prose.split(SENTENCE_END)) {
      if (/\p{L}{3}/u.test(sentence)) segments.push({ line, text: sentence });
    }
  }
  return segments;
}
