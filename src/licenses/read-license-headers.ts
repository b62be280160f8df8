// Reads `SPDX-License-Identifier:` lines, the REUSE and Linux-kernel convention for stating
// a file's licence in its first lines.
import { lineOf } from "../core/find-files.js";

/** Lines read from the top of a file when looking for a header. */
const HEADER_CHARS = 4000;
const SPDX_HEADER = /SPDX-License-Identifier:\s*([^\n*]+?)\s*(?:\*\/|-->|#\}|$)/m;

export function readLicenseHeader(text: string): { value: string; line: number } | undefined {
  const head = text.slice(0, HEADER_CHARS);
  const match = SPDX_HEADER.exec(head);
  if (match === null || match[1] === undefined) return undefined;
  return { value: match[1], line: lineOf(head, match.index) };
}
