// Finds the standard short licence notices (GNU, Apache, MPL Exhibit A, Creative Commons
// pointers) and plain "licensed under X" sentences, for files that hold no full licence text.
import { lineOf } from "../core/find-files.js";
import { licenseNameAtStart } from "./license-names.js";
import { parseLicenseValue } from "./parse-license-value.js";

export interface NoticeMatch {
  spdx: string;
  line: number;
  confidence: number;
  /** The quoted words that were recognised. */
  quote: string;
}

const GNU = /(?:\bGNU\s+)?\b(Affero\s+|Lesser\s+|Library\s+)?General\s+Public\s+Licen[cs]e\b/gi;
const GNU_VERSION = /^[^.]{0,120}?\b(?:version|v\.?)\s*(\d(?:\.\d)?)/i;
const GNU_LATER = /any\s+later\s+version|or\s+later\b|or-later|\(at\s+your\s+option\)/i;
const GNU_SHORT = /\b(A|L)?GPL[\s-]?v?(\d(?:\.\d)?)(\+|[\s-]+or[\s-]+later|-only)?(?![\w.])/g;
const APACHE = /Licensed\s+under\s+the\s+Apache\s+Licen[cs]e,?\s+Version\s+2\.0/gi;
const MPL = /subject\s+to\s+the\s+terms\s+of\s+the\s+Mozilla\s+Public\s+Licen[cs]e,?\s+v\.?\s*2\.0/gi;
const CREATIVE_COMMONS =
  /\b(?:Creative\s+Commons|CC)[\s-]+((?:Attribution|BY)(?:[\s-]+(?:Non-?Commercial|NC|Share-?Alike|SA|No-?Deriv(?:ative)?s|ND))*)(?:\s+licen[cs]e)?[\s-]*(?![\s-])(?:version\s+(?!\s)|v)?(\d\.\d)?(\s+(?:International|IGO|Unported))?/gi;
const CC_ZERO =
  /\b(?:CC0|CC-0|Creative\s+Commons\s+Zero)(?:[\s-]*(?:v|version\s*)?1\.0)?\b|Public\s+Domain\s+Dedication/gi;
const LICENSED_UNDER =
  /\b(?:licen[cs]ed|released|distributed|available|published)\s+under\s+(?:the\s+)?(?:terms\s+of\s+the\s+)?(?:an?\s+)?([A-Za-z0-9][\w .+-]{1,50}?)\s+licen[cs]e\b/gi;
const UNDER =
  /\b(?:licen[cs]ed|released|distributed|available|published|provided|made available)\s+under\s+(?:the\s+)?(?:terms\s+of\s+(?:the\s+)?)?(?:an?\s+)?/gi;
const NAMED_LICENSE = /\b([A-Za-z0-9][\w .+-]{1,30}?)\s+licen[cs]ed\b/gi;

/** All notices found in `text`, in order of appearance. */
export function findLicenseNotices(text: string): NoticeMatch[] {
  const found: NoticeMatch[] = [];
  const add = (spdx: string | undefined, index: number, confidence: number, quote: string) => {
    if (spdx === undefined) return;
    if (found.some((notice) => notice.spdx === spdx)) return;
    found.push({ spdx, line: lineOf(text, index), confidence, quote: quote.replace(/\s+/g, " ").trim().slice(0, 160) });
  };
  for (const match of text.matchAll(GNU)) {
    const index = match.index ?? 0;
    const sentence = text.slice(index, index + 300);
    const version =
      GNU_VERSION.exec(sentence.slice(match[0].length))?.[1] ??
      /^\s*v?(\d(?:\.\d)?)/i.exec(sentence.slice(match[0].length))?.[1];
    if (version === undefined) continue;
    const family = gnuFamily(match[1], version);
    const later = GNU_LATER.test(sentence.split(/\.\s/)[0] ?? "") || GNU_LATER.test(sentence.slice(0, 250));
    const fullVersion = version.includes(".") ? version : `${version}.0`;
    const context = text.slice(Math.max(0, index - 200), index);
    const formal = /free\s+software/i.test(context) || /free\s+software/i.test(sentence);
    add(`${family}-${fullVersion}-${later ? "or-later" : "only"}`, index, formal ? 0.95 : 0.85, sentence.slice(0, 160));
  }
  for (const match of text.matchAll(GNU_SHORT)) {
    const version = match[2] ?? "";
    const family = `${match[1] ?? ""}GPL`;
    const later = match[3] !== undefined && match[3] !== "-only";
    // "GPLv3" alone does not say "only" or "or later": read as -only, but too unsure to decide the scope.
    add(
      `${family}-${version.includes(".") ? version : `${version}.0`}-${later ? "or-later" : "only"}`,
      match.index ?? 0,
      match[3] === undefined ? 0.7 : 0.8,
      match[0],
    );
  }
  for (const match of text.matchAll(APACHE)) add("Apache-2.0", match.index ?? 0, 0.95, match[0]);
  for (const match of text.matchAll(MPL)) {
    const index = match.index ?? 0;
    const exhibitB = /Incompatible\s+With\s+Secondary\s+Licen[cs]es/i.test(text.slice(index, index + 600));
    add(exhibitB ? "MPL-2.0-no-copyleft-exception" : "MPL-2.0", index, 0.95, match[0]);
  }
  for (const match of text.matchAll(CREATIVE_COMMONS))
    add(creativeCommonsId(match[1] ?? "", match[2], match[3]), match.index ?? 0, 0.9, match[0]);
  for (const match of text.matchAll(CC_ZERO)) add("CC0-1.0", match.index ?? 0, 0.9, match[0]);
  // "licensed under the Functional Source License, Version 1.1, ALv2 Future License": a full
  // licence name, looked up among spdx-license-list's names (GNU notices are read above).
  for (const match of text.matchAll(UNDER)) {
    const index = (match.index ?? 0) + match[0].length;
    const phrase = text.slice(index, index + 200).split(/\n\s*\n/)[0] ?? "";
    if (/^(GNU\b|(Affero |Lesser |Library )?General Public)/i.test(phrase)) continue;
    const named = licenseNameAtStart(phrase.replace(/\s+/g, " "));
    if (named !== undefined) add(named.spdx, match.index ?? 0, 0.9, `${match[0]}${named.text}`);
  }
  for (const pattern of [LICENSED_UNDER, NAMED_LICENSE]) {
    for (const match of text.matchAll(pattern)) {
      const name = (match[1] ?? "").replace(/^(the|a|an|this|is)\s+/i, "").trim();
      if (/general public|creative commons|apache|mozilla/i.test(name)) continue;
      const parsed = parseLicenseValue(name);
      if (parsed === undefined || parsed.ids.length !== 1 || parsed.confidence < 0.85) continue;
      add(parsed.expression, match.index ?? 0, 0.8, match[0]);
    }
  }
  return found;
}

function gnuFamily(qualifier: string | undefined, version: string): string {
  const word = (qualifier ?? "").trim().toLowerCase();
  if (word === "affero") return "AGPL";
  if (word === "lesser") return "LGPL";
  if (word === "library") return version.startsWith("2.1") ? "LGPL" : "LGPL";
  return "GPL";
}

/** "Attribution-NonCommercial-ShareAlike" + "4.0" → CC-BY-NC-SA-4.0, when that id exists. */
function creativeCommonsId(
  elements: string,
  version: string | undefined,
  suffix: string | undefined,
): string | undefined {
  if (version === undefined) return undefined;
  const lower = elements.toLowerCase();
  const parts = ["BY"];
  if (/non-?commercial|\bnc\b/.test(lower)) parts.push("NC");
  if (/share-?alike|\bsa\b/.test(lower)) parts.push("SA");
  if (/no-?deriv|\bnd\b/.test(lower)) parts.push("ND");
  const igo = /igo/i.test(suffix ?? "") ? "-IGO" : "";
  const id = `CC-${parts.join("-")}-${version}${igo}`;
  return parseLicenseValue(id)?.confidence === 1 ? id : undefined;
}
