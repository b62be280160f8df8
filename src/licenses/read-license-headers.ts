// Reads `SPDX-License-Identifier:` lines, the REUSE and Linux-kernel convention for stating
// a file's licence in its first lines.
import { lineOf } from "../core/find-files.js";
import { isWhitespace } from "../core/trim-characters.js";

/** Lines read from the top of a file when looking for a header. */
const HEADER_CHARS = 4000;
const LABEL = "SPDX-License-Identifier:";
/** Where a value ends inside its line: an HTML or Jinja comment's close, or a line break other than "\n". */
const VALUE_END = /-->|#\}|[\r\u2028\u2029]/;

export function readLicenseHeader(text: string): { value: string; line: number } | undefined {
  const head = text.slice(0, HEADER_CHARS);
  for (let at = head.indexOf(LABEL); at >= 0; at = head.indexOf(LABEL, at + 1)) {
    const value = valueAfter(head, at + LABEL.length);
    if (value !== undefined) return { value, line: lineOf(head, at) };
  }
  return undefined;
}

/**
 * The value after a label, read by hand as /:\s*([^\n*]+?)\s*(?:\*\/|-->|#\}|$)/m would read it:
 * past the space (line breaks too), up to the first "*" or line break, cut at the first comment
 * close after its first character, without the space before that. Undefined when it stops at a
 * "*" that does not close a comment, or has no first character. One pass: the lazy expression
 * tried each end again with the space before it.
 */
function valueAfter(head: string, from: number): string | undefined {
  let start = from;
  while (start < head.length && isWhitespace(head.charAt(start))) start += 1;
  let stop = start;
  while (stop < head.length && head[stop] !== "\n" && head[stop] !== "*") stop += 1;
  if (stop === start) return undefined;
  const run = head.slice(start, stop);
  const end = VALUE_END.exec(run.slice(1));
  if (end === null && head[stop] === "*" && head[stop + 1] !== "/") return undefined;
  return (end === null ? run : run.slice(0, end.index + 1)).trimEnd();
}
