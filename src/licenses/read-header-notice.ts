// The licence a source file's header states: an `SPDX-License-Identifier:` line, or a licence
// notice in its first comment (GNU "This program is free software…", the Apache notice, MPL
// Exhibit A), read from the first bytes only, with comment markers taken off each line.
import { findLicenseNotices } from "./find-license-notices.js";
import { parseLicenseValue } from "./parse-license-value.js";
import { readLicenseHeader } from "./read-license-headers.js";

export interface HeaderLicense {
  spdx: string;
  line: number;
  kind: "SPDX-License-Identifier" | "notice";
  /** The header adds terms to the licence (GPL section 7 "additional terms" or permissions). */
  extraTerms: boolean;
}

/** Characters of a file's top read for its header. */
const HEADER_CHARS = 4000;
const COMMENT_MARKER = /^[ \t]*(?:\/\/+|\/\*+|\*+\/?|#+|--|;+|%+|'|<!--|-->|"""|''')?[ \t]?/gm;
const EXTRA_TERMS = /additional (terms|permissions?)|section 7|supplemental terms|with the following exception/i;

export function readHeaderLicense(text: string): HeaderLicense | undefined {
  const head = text.slice(0, HEADER_CHARS);
  const spdx = readLicenseHeader(head);
  if (spdx !== undefined) {
    const parsed = parseLicenseValue(spdx.value);
    if (parsed !== undefined)
      return { spdx: parsed.expression, line: spdx.line, kind: "SPDX-License-Identifier", extraTerms: false };
  }
  if (!/licen[cs]|free software/i.test(head)) return undefined;
  const uncommented = head.replace(COMMENT_MARKER, "");
  const notice = findLicenseNotices(uncommented).find((found) => found.confidence >= 0.85);
  if (notice === undefined) return undefined;
  return { spdx: notice.spdx, line: notice.line, kind: "notice", extraTerms: EXTRA_TERMS.test(uncommented) };
}
