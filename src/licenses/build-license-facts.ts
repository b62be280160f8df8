// First-pass licence facts: licence files at the usual places, identified by their
// opening words. Issue #3 replaces the identification with full SPDX text matching.
import { findFiles, isVendored, lineOf } from "../core/find-files.js";
import type { SnapshotView } from "../core/indicator.js";
import type { LicenseEvidence, LicenseFacts } from "../core/license-facts.js";

const LICENSE_FILE = /^(licen[cs]e|copying|unlicense)([-._].*)?$/i;

export function licenseFiles(paths: readonly string[]): string[] {
  return findFiles(paths, LICENSE_FILE).filter((path) => !isVendored(path));
}

/** Opening phrases of common licence texts, most specific first. */
const SIGNATURES: { spdx: string; pattern: RegExp }[] = [
  { spdx: "AGPL-3.0-only", pattern: /GNU AFFERO GENERAL PUBLIC LICENSE\s+Version 3/i },
  { spdx: "LGPL-3.0-only", pattern: /GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3/i },
  { spdx: "LGPL-2.1-only", pattern: /GNU LESSER GENERAL PUBLIC LICENSE\s+Version 2\.1/i },
  { spdx: "GPL-3.0-only", pattern: /GNU GENERAL PUBLIC LICENSE\s+Version 3/i },
  { spdx: "GPL-2.0-only", pattern: /GNU GENERAL PUBLIC LICENSE\s+Version 2/i },
  { spdx: "Apache-2.0", pattern: /Apache License,?\s+Version 2\.0/i },
  { spdx: "MPL-2.0", pattern: /Mozilla Public License,?\s+(Version|v\.?)\s*2\.0/i },
  { spdx: "BSD-3-Clause", pattern: /Neither the name of/i },
  { spdx: "BSD-2-Clause", pattern: /Redistributions in binary form must reproduce/i },
  { spdx: "MIT", pattern: /Permission is hereby granted, free of charge/i },
  { spdx: "ISC", pattern: /Permission to use, copy, modify, and\/or distribute this software/i },
  { spdx: "Unlicense", pattern: /This is free and unencumbered software released into the public domain/i },
  { spdx: "CC0-1.0", pattern: /CC0 1\.0 Universal/i },
  { spdx: "CC-BY-SA-4.0", pattern: /Attribution-ShareAlike 4\.0 International/i },
  { spdx: "CC-BY-4.0", pattern: /Attribution 4\.0 International/i },
];

export function buildLicenseFacts(view: SnapshotView): LicenseFacts {
  const found: LicenseEvidence[] = [];
  const unidentified: LicenseFacts["unidentified"] = [];
  for (const path of licenseFiles(view.listing.paths)) {
    const file = view.read(path);
    if (file.kind !== "text") {
      unidentified.push({ path, note: `not readable as text (${file.kind})` });
      continue;
    }
    const match = SIGNATURES.map((signature) => ({ signature, index: file.text.search(signature.pattern) })).find((candidate) => candidate.index >= 0);
    if (match === undefined) {
      unidentified.push({ path, note: "licence-like file whose text was not recognised" });
      continue;
    }
    found.push({ spdx: match.signature.spdx, path, line: lineOf(file.text, match.index), method: "text", confidence: 0.8 });
  }
  const ids = [...new Set(found.map((evidence) => evidence.spdx))];
  return { licenses: found, license: ids.length === 0 ? null : ids.join(" AND "), conflicts: [], unidentified };
}
