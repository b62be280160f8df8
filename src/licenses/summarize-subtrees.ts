// Summarises licences below the root per subtree: what each nested licence file is, and which
// licence the sampled source files' headers state, with the counts behind each claim and the
// share of the tree that was read.
import type { SnapshotView } from "../core/indicator.js";
import type { LicenseSubtree } from "../core/license-facts.js";
import type { ManifestFacts } from "../core/manifest-facts.js";
import { manifestLicenseExpression } from "./collect-license-evidence.js";
import { findLicenseNotices } from "./find-license-notices.js";
import { identifyLicenseTexts } from "./identify-license-text.js";
import { readHeaderLicense, type HeaderLicense } from "./read-header-notice.js";
import { subtreeOf, type SubtreeSelection } from "./license-subtrees.js";
import { formatCount } from "../core/format-count.js";

const ALL_RIGHTS_RESERVED = /all rights reserved/i;
const GRANTS = /permission|licen[cs]e[ds]? under|redistribut/i;
/** Below this a nested licence text is not named. */
const MIN_CONFIDENCE = 0.9;

export interface SubtreeSummary {
  subtrees: LicenseSubtree[];
  /** Headers found, one per expression, with the sampled files that carry it. */
  headers: { spdx: string; path: string; line: number; carrying: number; extraTerms: boolean }[];
  sampled: number;
  /** What was read, said when it is not the whole tree. */
  coverage: string;
}

export function summarizeSubtrees(
  view: SnapshotView,
  selection: SubtreeSelection,
  manifests?: ManifestFacts,
): SubtreeSummary {
  const bySubtree = new Map<string, LicenseSubtree>();
  const entry = (path: string): LicenseSubtree => {
    let subtree = bySubtree.get(path);
    if (subtree === undefined) {
      subtree = {
        path: path === "" ? "" : `${path}/`,
        files: selection.counts.get(path)?.files ?? 0,
        licenses: [],
        headers: [],
      };
      bySubtree.set(path, subtree);
    }
    return subtree;
  };
  for (const { path, subtree } of selection.nested) {
    const file = view.read(path);
    if (file.kind !== "text" || file.text.trim() === "") continue;
    const found = identifyLicenseTexts(file.text).found.filter((item) => item.confidence >= MIN_CONFIDENCE);
    const ids =
      found.length > 0
        ? found.map((item) => item.spdx)
        : findLicenseNotices(file.text)
            .slice(0, 2)
            .map((notice) => notice.spdx);
    if (ids.length === 0 && ALL_RIGHTS_RESERVED.test(file.text) && !GRANTS.test(file.text) && file.text.length < 2000)
      ids.push("LicenseRef-all-rights-reserved");
    entry(subtree).licenses.push({ spdx: ids.length > 0 ? ids.join(" AND ") : "unidentified", path });
  }
  // Manifests below the root, parsed once by the manifest facts (anywhere in the listing, ignored paths skipped).
  let manifestsBelowRoot = 0;
  for (const manifest of manifests?.manifests ?? []) {
    if (!manifest.path.includes("/")) continue;
    manifestsBelowRoot += 1;
    for (const value of manifest.licenses) {
      const spdx = manifestLicenseExpression(value);
      if (spdx === undefined) continue;
      const subtree = entry(subtreeOf(manifest.path));
      (subtree.manifests ??= []).push({ spdx, path: manifest.path, line: value.line });
    }
  }
  const headers = new Map<string, SubtreeSummary["headers"][number]>();
  const perSubtree = new Map<string, Map<string, { header: HeaderLicense; carrying: number; language: string }>>();
  let sampled = 0;
  const sampledPerSubtree = new Map<string, number>();
  for (const { path, subtree, language } of selection.samples) {
    const file = view.read(path);
    if (file.kind !== "text") continue;
    sampled += 1;
    sampledPerSubtree.set(subtree, (sampledPerSubtree.get(subtree) ?? 0) + 1);
    const header = readHeaderLicense(file.text);
    if (header === undefined) continue;
    const seen = headers.get(header.spdx);
    if (seen === undefined)
      headers.set(header.spdx, {
        spdx: header.spdx,
        path,
        line: header.line,
        carrying: 1,
        extraTerms: header.extraTerms,
      });
    else {
      seen.carrying += 1;
      seen.extraTerms ||= header.extraTerms;
    }
    const inSubtree = perSubtree.get(subtree) ?? new Map();
    perSubtree.set(subtree, inSubtree);
    const current = inSubtree.get(header.spdx);
    if (current === undefined) inSubtree.set(header.spdx, { header, carrying: 1, language });
    else {
      current.carrying += 1;
      current.header.extraTerms ||= header.extraTerms;
    }
  }
  for (const [subtree, found] of perSubtree) {
    const languages = selection.counts.get(subtree)?.languages ?? new Map<string, number>();
    for (const { header, carrying, language } of found.values())
      entry(subtree).headers.push({
        spdx: header.spdx,
        carrying,
        sampled: sampledPerSubtree.get(subtree) ?? 0,
        language,
        sourceFiles: languages.get(language) ?? 0,
        extraTerms: header.extraTerms,
      });
  }
  const parts = [
    `licence files anywhere in the tree (${selection.nested.length} below the root read${selection.nestedSkipped > 0 ? `, ${selection.nestedSkipped} more not read` : ""})`,
    `headers of ${sampled} of ${formatCount(selection.sourceFiles)} source files (up to a few per subtree)`,
    ...(manifests === undefined
      ? []
      : [
          `licence fields of ${manifestsBelowRoot} manifest(s) below the root${manifests.skipped > 0 ? ` (${manifests.skipped} deeper manifests not read)` : ""}`,
        ]),
  ];
  return {
    subtrees: [...bySubtree.values()].sort((a, b) => (a.path < b.path ? -1 : 1)),
    headers: [...headers.values()],
    sampled,
    coverage: `Read for licences: ${parts.join("; ")}; tests, fixtures, examples and vendored code skipped.`,
  };
}

/** One line per subtree: "apps/admin/: Apache-2.0 (apps/admin/LICENSE), 312 files; …". */
export function describeSubtree(subtree: LicenseSubtree): string {
  const parts: string[] = [];
  for (const license of subtree.licenses) parts.push(`${license.spdx} (${license.path})`);
  for (const manifest of subtree.manifests ?? [])
    parts.push(`${manifest.spdx} (${manifest.path}:${manifest.line}, manifest)`);
  const files = `${formatCount(subtree.files)} files`;
  for (const header of subtree.headers)
    parts.push(
      `${header.spdx} header in ${header.carrying} of ${header.sampled} sampled files (of ${formatCount(header.sourceFiles)} ${header.language} files)${header.extraTerms ? ", with extra terms" : ""}`,
    );
  return `${subtree.path === "" ? "root" : subtree.path}: ${parts.join("; ")}; ${files}`;
}
