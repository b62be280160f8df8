// Reads every selected file and turns what it says about licensing into evidence: full texts,
// short notices, manifest fields, SPDX headers and README statements.
import { createRequire } from "node:module";
import type { SnapshotView } from "../core/indicator.js";
import type { LicenseEvidence } from "../core/license-facts.js";
import { baseId } from "./base-license-id.js";
import { basename } from "../core/find-files.js";
import { identifyLicenseTexts, type TextIdentification } from "./identify-license-text.js";
import { findLicenseNotices, type NoticeMatch } from "./find-license-notices.js";
import { parseLicenseValue } from "./parse-license-value.js";
import type { ManifestFacts, ManifestLicense } from "../core/manifest-facts.js";
import { readModelCardLicense } from "../manifests/read-model-card-license.js";
import { readLicenseHeader } from "./read-license-headers.js";
import { readReadmeLicense } from "./read-readme-license.js";
import type { LicenseFileChoice } from "./license-files.js";

const require = createRequire(import.meta.url);

/** Below this a full-text match is not trusted; the file goes to review instead. */
export const MIN_TEXT_CONFIDENCE = 0.9;
/** A file longer than this is a licence text, not a notice; notices inside it are not trusted alone. */
const MAX_NOTICE_WORDS = 300;

/** Added restrictions that turn an open licence into a non-open one. */
const RESTRICTIONS: { spdx: string; pattern: RegExp }[] = [
  { spdx: "LicenseRef-Commons-Clause", pattern: /commons clause/i },
  {
    spdx: "LicenseRef-non-commercial-restriction",
    pattern:
      /\b(non-?commercial (use|purposes) only|not for commercial use|may not (be )?(used|sold) (for )?commercial)/i,
  },
];

export interface CollectedEvidence {
  evidence: LicenseEvidence[];
  unidentified: { path: string; note: string; empty?: true }[];
  /** Manifest licence values that are not licences at all ("Copyright Acme"), with where they are. */
  invalidValues: { path: string; line: number; value: string }[];
}

export function collectLicenseEvidence(
  view: SnapshotView,
  chosen: readonly LicenseFileChoice[],
  manifests: ManifestFacts,
): CollectedEvidence {
  const collected: CollectedEvidence = { evidence: [], unidentified: [], invalidValues: [] };
  // Manifests are parsed once per screen, by the manifest facts; their licence values are read here.
  const parsedManifests = new Map(manifests.manifests.map((manifest) => [manifest.path, manifest]));
  const headers = new Map<string, { evidence: LicenseEvidence; count: number }>();
  let sampled = 0;
  for (const choice of chosen) {
    if (choice.role === "manifest") {
      readManifest(choice.path, parsedManifests.get(choice.path)?.licenses ?? [], collected);
      continue;
    }
    const file = view.read(choice.path);
    if (file.kind !== "text") {
      if (choice.role === "license" || choice.role === "reuse")
        collected.unidentified.push({ path: choice.path, note: `not readable as text (${file.kind})` });
      continue;
    }
    const part = choice.part === "project" ? {} : { part: choice.part };
    if (choice.role === "nested" || choice.role === "subtree-header") continue;
    if (choice.role === "license" || choice.role === "reuse") readLicenseFile(choice, file.text, part, collected);
    else if (choice.role === "readme") readReadme(choice.path, file.text, collected);
    else {
      sampled += 1;
      const header = readLicenseHeader(file.text);
      const parsed = header === undefined ? undefined : parseLicenseValue(header.value);
      if (header === undefined || parsed === undefined) continue;
      const seen = headers.get(parsed.expression);
      if (seen === undefined)
        headers.set(parsed.expression, {
          evidence: {
            spdx: parsed.expression,
            path: choice.path,
            line: header.line,
            method: "header",
            confidence: parsed.confidence,
          },
          count: 1,
        });
      else seen.count += 1;
    }
  }
  for (const { evidence, count } of headers.values())
    collected.evidence.push({
      ...evidence,
      note: `SPDX-License-Identifier in ${count} of ${sampled} sampled source files`,
    });
  return collected;
}

function readLicenseFile(
  choice: LicenseFileChoice,
  text: string,
  part: { part?: LicenseEvidence["part"] },
  collected: CollectedEvidence,
): void {
  const { path } = choice;
  // An empty licence file is no licence, but it is there: the fix is to fill it, not to add one.
  if (text.trim() === "") {
    collected.unidentified.push({ path, note: "the file is empty", empty: true });
    return;
  }
  const result = identifyLicenseTexts(text);
  const confident = result.found.filter((found) => found.confidence >= MIN_TEXT_CONFIDENCE);
  if (confident.length > 0) {
    for (const identified of confident) pushText(identified, path, part, collected);
    // The project's own notice beside a GNU text says "only" or "or later"; the sample notice
    // in the text's how-to-apply appendix is inside the span and does not count.
    for (const notice of gnuNoticesBeside(text, confident)) {
      collected.evidence.push({
        spdx: notice.spdx,
        path,
        line: notice.line,
        method: "notice",
        confidence: notice.confidence,
        note: `"${notice.quote}" (the project's notice beside the licence text)`,
        ...part,
      });
    }
    for (const identified of confident) addedRestrictions(text, identified, path, part, collected);
    return;
  }
  const words = text.split(/\s+/).length;
  const notices = words <= MAX_NOTICE_WORDS ? findLicenseNotices(text) : [];
  if (notices.length > 0) {
    const header = /header/i.test(basename(path))
      ? " (a header template: the notice the project puts in its files)"
      : "";
    for (const notice of notices)
      collected.evidence.push({
        spdx: notice.spdx,
        path,
        line: notice.line,
        method: "notice",
        confidence: notice.confidence,
        note: `"${notice.quote}"${header}`,
        ...part,
      });
    return;
  }
  // The identifier line the fix for an unidentified text asks for: the file names its licence.
  const identifier = readLicenseHeader(text);
  const declared = identifier === undefined ? undefined : parseLicenseValue(identifier.value);
  if (identifier !== undefined && declared !== undefined) {
    collected.evidence.push({
      spdx: declared.expression,
      path,
      line: identifier.line,
      method: "notice",
      confidence: Math.min(declared.confidence, 0.9),
      note: `"SPDX-License-Identifier: ${declared.expression}" in the licence file`,
      ...part,
    });
    return;
  }
  // REUSE names each file in LICENSES/ after its SPDX identifier; the name is authoritative there.
  if (choice.role === "reuse" && choice.namedAfter !== undefined) {
    collected.evidence.push({
      spdx: choice.namedAfter,
      path,
      method: "filename",
      confidence: 0.9,
      note: "REUSE licence file named after its SPDX identifier",
      ...part,
    });
    return;
  }
  if (
    /all rights reserved/i.test(text) &&
    words <= MAX_NOTICE_WORDS &&
    !/permission|licen[cs]e[ds]? under|redistribut/i.test(text)
  ) {
    collected.evidence.push({
      spdx: "LicenseRef-all-rights-reserved",
      path,
      method: "notice",
      confidence: 0.9,
      note: '"all rights reserved" and no licence terms',
      ...part,
    });
    return;
  }
  const best = result.found[0];
  const closest =
    best !== undefined
      ? `closest SPDX text: ${best.spdx} (${Math.round(best.confidence * 100)}%)`
      : result.miss.closest !== undefined && result.miss.closest.coverage >= 0.5
        ? `closest SPDX text: ${result.miss.closest.spdx} (${Math.round(result.miss.closest.coverage * 100)}% of it present)`
        : "no SPDX licence text matches";
  const titled =
    result.miss.titled === undefined
      ? ""
      : `; its title names ${result.miss.titled}, but the text is not that licence's`;
  const inside =
    words > MAX_NOTICE_WORDS
      ? findLicenseNotices(text)
          .slice(0, 3)
          .map((notice) => notice.spdx)
      : [];
  const mentions = inside.length === 0 ? "" : `; ${words} words that mention ${inside.join(", ")}`;
  const named = choice.namedAfter === undefined ? "" : `; the file is named after ${choice.namedAfter}`;
  collected.unidentified.push({
    path,
    note: `licence-like file not identified with confidence: ${closest}${titled}${mentions}${named}`,
  });
}

function pushText(
  identified: TextIdentification,
  path: string,
  part: { part?: LicenseEvidence["part"] },
  collected: CollectedEvidence,
): void {
  const sameText = identified.sameText.filter(
    (id) => !id.endsWith("+") && id !== identified.spdx.replace(/-only$/, ""),
  );
  const notes = [identified.note, sameText.length > 0 ? `same text as ${sameText.join(", ")}` : undefined].filter(
    (note) => note !== undefined,
  );
  collected.evidence.push({
    spdx: identified.spdx,
    path,
    line: identified.line,
    method: "text",
    confidence: identified.confidence,
    ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
    ...part,
  });
}

/** A restriction phrase the SPDX text itself does not contain was added by the project. */
function addedRestrictions(
  text: string,
  identified: TextIdentification,
  path: string,
  part: { part?: LicenseEvidence["part"] },
  collected: CollectedEvidence,
): void {
  if (identified.confidence >= 1 && identified.extraBefore === "" && identified.extraAfter === "") return;
  for (const restriction of RESTRICTIONS) {
    if (!restriction.pattern.test(text)) continue;
    if (restriction.pattern.test(spdxTextOf(identified.spdx))) continue;
    if (collected.evidence.some((found) => found.path === path && found.spdx === restriction.spdx)) continue;
    collected.evidence.push({
      spdx: restriction.spdx,
      path,
      method: "text",
      confidence: 0.9,
      note: "added to the licence text as an extra restriction",
      ...part,
    });
  }
}

/** The SPDX text of one licence, read only when a restriction phrase needs checking against it. */
function spdxTextOf(id: string): string {
  const full = require("spdx-license-list/full.js") as Record<string, { licenseText: string } | undefined>;
  return full[id]?.licenseText ?? "";
}

/** A manifest value that points at a licence file instead of naming a licence. */
export function pointsAtLicenseFile(value: string): boolean {
  return /^SEE LICEN[CS]E IN\b/i.test(value) || /^\{?\s*file\s*=/.test(value) || /^file\s+LICEN[CS]E$/i.test(value);
}

/** A manifest value that grants no licence ("UNLICENSED", "proprietary"). */
export function grantsNoLicense(value: string): boolean {
  return /^UNLICENSED$/i.test(value) || /^proprietary$/i.test(value);
}

/**
 * The SPDX expression a manifest's licence value stands for ("LicenseRef-all-rights-reserved"
 * for UNLICENSED), or undefined when it points at a file or is not a licence the SPDX list names.
 */
export function manifestLicenseExpression(found: ManifestLicense): string | undefined {
  if (pointsAtLicenseFile(found.value)) return undefined;
  if (grantsNoLicense(found.value)) return "LicenseRef-all-rights-reserved";
  return parseManifestLicense(found)?.expression;
}

function readManifest(path: string, values: readonly ManifestLicense[], collected: CollectedEvidence): void {
  for (const found of values) {
    if (pointsAtLicenseFile(found.value)) continue;
    if (grantsNoLicense(found.value)) {
      collected.evidence.push({
        spdx: "LicenseRef-all-rights-reserved",
        path,
        line: found.line,
        method: "manifest",
        confidence: 1,
        note: `"${found.value}" means no licence is granted`,
      });
      continue;
    }
    const parsed = parseManifestLicense(found);
    if (parsed === undefined) {
      collected.invalidValues.push({ path, line: found.line, value: found.value });
      continue;
    }
    collected.evidence.push({
      spdx: parsed.expression,
      path,
      line: found.line,
      method: "manifest",
      confidence: parsed.confidence,
      ...(parsed.note === undefined ? {} : { note: parsed.note }),
    });
  }
}

/**
 * A manifest value written as a comma list ("MIT, Apache-2.0") is read as a choice between
 * its parts when every part is a licence on its own; otherwise the comma belongs to one name
 * ("Apache License, Version 2.0") and the whole value is parsed.
 */
function parseManifestLicense(found: ManifestLicense) {
  const parts = (found.items ?? []).map((item) => parseLicenseValue(item));
  if (parts.length < 2 || parts.some((part) => part === undefined)) return parseLicenseValue(found.value);
  const expression = parts
    .map((part) => (/ (AND|OR) /.test(part?.expression ?? "") ? `(${part?.expression})` : part?.expression))
    .join(" OR ");
  const joined = parseLicenseValue(expression);
  if (joined === undefined) return parseLicenseValue(found.value);
  return {
    ...joined,
    confidence: Math.min(0.85, ...parts.map((part) => part?.confidence ?? 0)),
    note: `"${found.value}" is a comma list, read as a choice: ${joined.expression}`,
  };
}

function readReadme(path: string, text: string, collected: CollectedEvidence): void {
  const card = readModelCardLicense(text);
  if (card !== undefined) {
    const parsed = parseLicenseValue(card.value);
    // Hugging Face licence keys outside SPDX ("openrail", "llama2") are licences of their own.
    const hubKey = /^[a-z][a-z0-9.+-]{1,40}$/.test(card.value.trim()) ? card.value.trim() : undefined;
    if (parsed === undefined && hubKey !== undefined)
      collected.evidence.push({
        spdx: `LicenseRef-${hubKey.replace(/[^a-z0-9.-]/g, "-")}`,
        path,
        line: card.line,
        method: "manifest",
        confidence: 0.9,
        note: `model card front matter: the Hugging Face licence key "${hubKey}", which has no SPDX identifier`,
      });
    else if (parsed === undefined) collected.invalidValues.push({ path, line: card.line, value: card.value });
    else
      collected.evidence.push({
        spdx: parsed.expression,
        path,
        line: card.line,
        method: "manifest",
        confidence: parsed.confidence,
        note: "model card front matter",
      });
  }
  for (const found of readReadmeLicense(text))
    collected.evidence.push({
      spdx: found.spdx,
      path,
      line: found.line,
      method: "readme",
      confidence: found.confidence,
      note: found.note,
    });
}

/**
 * A full GNU text never says whether the project chose "only" or "or later": its own notice
 * does, before or after the text (Mautic's LICENSE.txt has it in a preamble). The lines of the
 * licence texts themselves are left out, since every GNU text ends with a sample notice.
 */
function gnuNoticesBeside(text: string, identified: readonly TextIdentification[]): NoticeMatch[] {
  const gnu = identified.filter((found) => /^(A|L)?GPL-/.test(found.spdx));
  if (gnu.length === 0) return [];
  const lines = text.split("\n");
  for (const found of identified)
    for (let line = found.line; line <= found.endLine && line <= lines.length; line += 1) lines[line - 1] = "";
  const outside = lines.join("\n");
  if (outside.trim() === "") return [];
  const bases = new Set(gnu.map((found) => baseId(found.spdx)));
  return findLicenseNotices(outside).filter((notice) => bases.has(baseId(notice.spdx)));
}
