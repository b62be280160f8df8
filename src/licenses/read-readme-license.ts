// Reads what a README says about the licence: its "Licence" section and licence badges.
// A README statement is a claim, weaker than a licence file; callers weigh it as such.
import { lineOf } from "../core/find-files.js";
import { findLicenseNotices } from "./find-license-notices.js";
import { parseLicenseValue } from "./parse-license-value.js";

export interface ReadmeLicense {
  spdx: string;
  line: number;
  confidence: number;
  note: string;
}

const SECTION = /^(#{1,6}\s*|)(licen[cs]e|licen[cs]ing|copyright and licen[cs]e|licen[cs]e and copyright)\s*:?\s*#*\s*$/gim;
const BADGE = /img\.shields\.io\/badge\/licen[cs]e-([A-Za-z0-9_.%+-]+?)-[a-z]+/gi;
/** Characters of a licence section read after its heading. */
const SECTION_CHARS = 800;

export function readReadmeLicense(text: string): ReadmeLicense[] {
  const found: ReadmeLicense[] = [];
  for (const match of text.matchAll(SECTION)) {
    const start = (match.index ?? 0) + match[0].length;
    let section = text.slice(start, start + SECTION_CHARS);
    const nextHeading = section.search(/^#{1,6}\s/m);
    if (nextHeading > 0) section = section.slice(0, nextHeading);
    for (const notice of findLicenseNotices(section)) {
      found.push({ spdx: notice.spdx, line: lineOf(text, start) + notice.line - 1, confidence: Math.min(notice.confidence, 0.8), note: `README licence section: "${notice.quote}"` });
    }
    if (found.length > 0) break;
  }
  for (const match of text.matchAll(BADGE)) {
    const value = decodeURIComponent((match[1] ?? "").replace(/_/g, " ").replace(/--/g, "-"));
    const parsed = parseLicenseValue(value);
    if (parsed === undefined || found.some((item) => item.spdx === parsed.expression)) continue;
    found.push({ spdx: parsed.expression, line: lineOf(text, match.index ?? 0), confidence: Math.min(parsed.confidence, 0.7), note: `README licence badge "${value}"` });
  }
  return found;
}
