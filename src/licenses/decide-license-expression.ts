// Combines evidence into the project's licence expression, part by part, and lists every
// disagreement between sources as a conflict naming both, rather than picking a winner silently.
import type { LicenseConflict, LicenseEvidence, LicenseFacts } from "../core/license-facts.js";
import { basename } from "../core/find-files.js";
import { parseLicenseValue } from "./parse-license-value.js";
import { baseId } from "./base-license-id.js";

type Part = NonNullable<LicenseFacts["parts"]>[number]["part"];

export interface LicenseDecision {
  license: string | null;
  parts: { part: Part; expression: string }[];
  conflicts: LicenseConflict[];
}

/** Evidence from licence files themselves, as opposed to claims about them. */
const PRIMARY = new Set<LicenseEvidence["method"]>(["text", "notice", "filename"]);

/** The licence ids an expression names (the expression itself when it does not parse). */
export function idsOf(expression: string): string[] {
  return parseLicenseValue(expression)?.ids ?? [expression];
}

export function decideLicenseExpression(
  evidence: readonly LicenseEvidence[],
  invalidValues: readonly { path: string; line: number; value: string }[],
): LicenseDecision {
  const conflicts: LicenseConflict[] = [];
  const primary = evidence.filter((item) => PRIMARY.has(item.method));
  const secondary = evidence.filter((item) => !PRIMARY.has(item.method));
  const byPart = new Map<Part, LicenseEvidence[]>();
  for (const item of primary) {
    const part: Part = item.part ?? "project";
    byPart.set(part, [...(byPart.get(part) ?? []), item]);
  }
  // LICENSE next to LICENSE-DATA: the unqualified licence is the code's.
  if (
    byPart.has("project") &&
    [...byPart.keys()].some((part) => part === "data" || part === "content" || part === "model") &&
    !byPart.has("code")
  ) {
    byPart.set("code", byPart.get("project") ?? []);
    byPart.delete("project");
  }
  const parts: { part: Part; expression: string }[] = [];
  for (const [part, items] of byPart) {
    const expression = combineFiles(items, secondary, conflicts);
    if (expression !== undefined && !parts.some((existing) => existing.expression === expression))
      parts.push({ part, expression });
  }
  let license =
    parts.length === 0
      ? null
      : parts
          .map((part) => (parts.length > 1 && / OR /.test(part.expression) ? `(${part.expression})` : part.expression))
          .join(" AND ");
  // Without licence files, the strongest claim decides: a manifest, then headers, then the README.
  if (license === null) {
    for (const method of ["manifest", "header", "readme"] as const) {
      const claims = secondary.filter((item) => item.method === method && item.confidence >= 0.8);
      const distinct = [...new Set(claims.map((item) => item.spdx))];
      if (distinct.length > 0) {
        license =
          distinct.length === 1
            ? (distinct[0] ?? null)
            : distinct.map((expression) => (/ /.test(expression) ? `(${expression})` : expression)).join(" AND ");
        break;
      }
    }
  }
  if (license !== null) license = refineScope(license, evidence);
  checkClaims(license, secondary, conflicts);
  for (const invalid of invalidValues) {
    conflicts.push({
      message: `${invalid.path} gives the licence as "${invalid.value}", which is not a licence identifier${license === null ? "" : `, while the project's licence is ${license}`}.`,
      sources: [{ spdx: "NOASSERTION", path: invalid.path, line: invalid.line }, ...sourcesFor(license, evidence)],
    });
  }
  return {
    license,
    parts: parts.length === 0 && license !== null ? [{ part: "project", expression: license }] : parts,
    conflicts,
  };
}

/** The expression the licence files of one part give together. */
function combineFiles(
  items: readonly LicenseEvidence[],
  secondary: readonly LicenseEvidence[],
  conflicts: LicenseConflict[],
): string | undefined {
  let ids = [...new Set(items.map((item) => item.spdx))];
  // COPYING (GPL) + COPYING.LESSER (LGPL) is how the LGPL is shipped: the project is LGPL.
  if (ids.some((id) => id.startsWith("LGPL-")) && ids.some((id) => id.startsWith("GPL-"))) {
    const lesser = items.filter((item) => /lesser|lgpl/i.test(basename(item.path)));
    if (lesser.length > 0) ids = ids.filter((id) => !id.startsWith("GPL-"));
  }
  // Several files with the same licence at different scopes are one licence.
  const bases = new Map<string, string>();
  for (const id of ids) if (!bases.has(baseId(id))) bases.set(baseId(id), id);
  ids = [...bases.values()];
  if (ids.length <= 1) return ids[0];
  // A manifest or header expression naming exactly these licences says how they combine.
  for (const claim of secondary) {
    const claimIds = idsOf(claim.spdx).map(baseId);
    if (claimIds.length === ids.length && ids.every((id) => claimIds.includes(baseId(id)))) return claim.spdx;
  }
  // LICENSE-MIT next to LICENSE-APACHE is the dual-licensing convention; LICENSES/ is REUSE (per file).
  const paths = items.map((item) => item.path);
  if (paths.every((path) => /^licen[cs]e[-_.](?!md$|txt$)/i.test(basename(path)))) return ids.join(" OR ");
  // REUSE: LICENSES/ holds every licence used, and each file's header says which applies to it.
  if (paths.some((path) => path.startsWith("LICENSES/"))) return ids.join(" AND ");
  // One file naming several licences (or a licence plus an added restriction) applies them all.
  if (new Set(paths).size === 1) return ids.join(" AND ");
  conflicts.push({
    message: `Licence files disagree: ${items.map((item) => `${item.path} is ${item.spdx}`).join(", ")}.`,
    sources: items.map((item) => ({
      spdx: item.spdx,
      path: item.path,
      ...(item.line === undefined ? {} : { line: item.line }),
    })),
  });
  return items[0]?.spdx;
}

/** A bare GNU text does not say "or later"; a notice, header or manifest that does decides it. */
function refineScope(license: string, evidence: readonly LicenseEvidence[]): string {
  return license.replace(/\b((?:A|L)?GPL-\d\.\d)-only\b/g, (whole, base: string) => {
    // A bare deprecated id (GPL-3.0, as in many composer.json files) says nothing about scope.
    const explicit = evidence.filter(
      (item) =>
        item.method !== "text" &&
        item.confidence >= 0.8 &&
        idsOf(item.spdx).some((id) => baseId(id) === base && id !== base),
    );
    if (
      explicit.length > 0 &&
      explicit.every((item) => idsOf(item.spdx).some((id) => id === `${base}-or-later` || id === `${base}+`))
    )
      return `${base}-or-later`;
    return whole;
  });
}

/** Manifests, headers and READMEs must agree with the licence; each disagreement is a conflict. */
function checkClaims(
  license: string | null,
  secondary: readonly LicenseEvidence[],
  conflicts: LicenseConflict[],
): void {
  if (license === null) return;
  const licensed = new Set(idsOf(license).map(baseId));
  for (const claim of secondary) {
    const claimIds = idsOf(claim.spdx).map(baseId);
    // A claim agrees when it names one of the licences (a choice offered, or one part of several).
    if (claimIds.some((id) => licensed.has(id))) continue;
    conflicts.push({
      message: `${claim.path}${claim.line === undefined ? "" : `:${claim.line}`} says ${claim.spdx} (${claim.method}), but the licence found is ${license}.`,
      sources: [{ spdx: claim.spdx, path: claim.path, ...(claim.line === undefined ? {} : { line: claim.line }) }],
    });
  }
}

function sourcesFor(license: string | null, evidence: readonly LicenseEvidence[]): LicenseConflict["sources"] {
  if (license === null) return [];
  const first = evidence.find((item) => PRIMARY.has(item.method)) ?? evidence[0];
  return first === undefined
    ? []
    : [{ spdx: first.spdx, path: first.path, ...(first.line === undefined ? {} : { line: first.line }) }];
}
