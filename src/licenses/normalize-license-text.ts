// Reduces a licence text to comparable words, so that formatting, spelling, copyright lines and
// template fields do not hide a match. Applied identically to SPDX texts and repository files.

/** Spelling variants licence texts use interchangeably (after lower-casing). */
const SPELLING: [RegExp, string][] = [
  [/\blicen[cs](e|es|ed|ing|or|ors|ee|ees)\b/g, "licens$1"],
  [/\backnowledgement/g, "acknowledgment"],
  [/\bcopyright\s*(holder|owner)/g, "copyright $1"],
  [/\bnon-?commercial/g, "noncommercial"],
  [/\bsub-?licens/g, "sublicens"],
  [/\bhttps?:\/\/(www\.)?/g, "http "],
  [/\borganisation/g, "organization"],
  [/\bauthorise/g, "authorize"],
  [/\bwhilst\b/g, "while"],
];

/** A line that only states a copyright, which varies per project and is never licence terms. */
const COPYRIGHT_LINE =
  /^\s*([-*#>]\s*)*(copyright\s*(\(c\)|©|&copy;|\d{4}|<|\[|\{|$)|\(c\)\s*[\d<[]|©|&copy;|all rights reserved\.?\s*$)/i;

/** A list marker at the start of a line: "1.", "(a)", "ii)", "-", "*", "•". */
const LIST_MARKER = /^\s*(\(?([0-9]{1,2}|[a-z]|[ivx]{1,4})[.)]|[-*•·+])\s+/i;

/** Template fields such as `<year>`, `<copyright holders>`, `[yyyy]`, `{owner}`. */
const TEMPLATE_FIELD = /<[^<>\n]{1,60}>|\[[^[\]\n]{1,60}\](?!\()|\{[^{}\n]{1,40}\}/g;

export interface NormalizedText {
  /** Words of the text, lower-cased, copyright lines and template fields removed. */
  words: string[];
  /** Index in `words` where the text's opening title line ends (0 when there is none). */
  titleWords: number;
  /** For each word, the 1-based line of the original text it came from. */
  lines: number[];
}

/** Normalises a licence text (or any text) into words with their source lines. */
export function normalizeLicenseText(text: string): NormalizedText {
  const words: string[] = [];
  const lines: number[] = [];
  let titleWords = 0;
  let seenContent = false;
  const rawLines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < rawLines.length; index += 1) {
    let line = (rawLines[index] ?? "").toLowerCase();
    if (COPYRIGHT_LINE.test(line)) continue;
    line = line.replace(LIST_MARKER, " ").replace(TEMPLATE_FIELD, " ");
    for (const [pattern, replacement] of SPELLING) line = line.replace(pattern, replacement);
    const lineWords = line.match(/[a-z0-9]+/g);
    if (lineWords === null) continue;
    for (const word of lineWords) {
      words.push(word);
      lines.push(index + 1);
    }
    // The first content line is a title when it is short and names a licence.
    if (!seenContent) {
      seenContent = true;
      if (lineWords.length <= 12 && /licens|public domain|dedication/.test(line) && !/\.\s*\S/.test(line.trim()))
        titleWords = words.length;
    }
  }
  return { words, titleWords, lines };
}
