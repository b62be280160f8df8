// The Report: the one serialisable result of a screen. Every renderer reads only this.
// Public contract: docs/report.md and schema/report.schema.json describe it.
import type { AssetType } from "./asset-type.js";
import type { Criterion, Evidence, Fix, IndicatorId } from "./indicator.js";
import type { LicenseConflict, LicenseEvidence, LicenseSubtree } from "./license-facts.js";
import type { DeclarationProblem } from "./declaration-facts.js";
import type { Outcome } from "./outcome.js";

export const REPORT_SCHEMA_VERSION = 1 as const;

export interface IndicatorResult {
  indicator: IndicatorId;
  title: string;
  /** The Standard's requirement for this row, in one sentence (absent in reports of older versions). */
  requirement?: string;
  outcome: Outcome;
  summary: string;
  evidence: Evidence[];
  criteria?: Criterion[];
  fix?: Fix;
  docsUrl: string;
}

/** A sentence that earned an SDG suggestion, quoted from a file (with line) or the repository metadata. */
export interface SdgQuote {
  /** Where the words were read; "paths" quotes a file or folder name, with the first path carrying it. */
  source: "readme" | "docs" | "publiccode" | "description" | "topics" | "manifest" | "paths";
  path?: string;
  line?: number;
  text: string;
}

/** A goal the repository's own words are close to; a suggestion for reviewers, never an answer. */
export interface SdgSuggestion {
  sdg: number;
  /** The goal's short name, e.g. "Good Health and Well-being". */
  name: string;
  /** BM25 score against the goal's official texts and domain terms; comparable within one report only. */
  score: number;
  /** The sentences that contributed most, best first. */
  quotes: SdgQuote[];
}

/** A fact about the product (its name, description, website) and where it was read. */
export interface ProductFact {
  value: string;
  /** "found" when a file or the forge states it; "suggested" when inferred (a README title, a package name). */
  provenance: "found" | "suggested";
  source: "publiccode" | "manifest" | "readme" | "repository" | "git-config";
  path?: string;
  line?: number;
}

/** What the repository says about its product, for the DPGA draft. Each absent when nothing says it. */
export interface ProductFacts {
  name?: ProductFact;
  description?: ProductFact;
  website?: ProductFact;
  /** Where the source lives: the forge's address (found), or a local checkout's origin remote (found in .git/config, unverified). */
  repository?: ProductFact;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  repository: { name: string; path?: string; url?: string; ref?: string };
  assetTypes: AssetType[];
  assetTypeSource: { source: "declaration" | "option" | "detected"; reason: string };
  results: IndicatorResult[];
  licenses: LicenseEvidence[];
  license: string | null;
  licenseConflicts: LicenseConflict[];
  /** Licences below the root, per subtree: licence files, manifests' licence fields, sampled headers (absent when none, and in older reports). */
  licenseSubtrees?: LicenseSubtree[];
  /** What of the tree was read for licences, in words (absent in older reports). */
  licenseCoverage?: string;
  declaration: {
    path?: string;
    status: "absent" | "valid" | "invalid";
    problems: DeclarationProblem[];
    /** The accepted declaration (shape: src/declaration/declaration-schema.ts), for the DPGA draft. */
    value?: Record<string, unknown>;
  };
  /** The product's name, description and website as the repository states them (absent in older reports). */
  product?: ProductFacts;
  /** SDGs suggested by the repository's words, best first (absent in reports of older versions). */
  sdgSuggestions?: SdgSuggestion[];
  /** Things that limit the screen (a truncated file list, unreadable files), in plain words. */
  warnings: string[];
}

/** Counts of outcomes, for titles and exit codes. */
export function countOutcomes(report: Report): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { pass: 0, fail: 0, review: 0, attested: 0, "not-applicable": 0, error: 0 };
  for (const result of report.results) counts[result.outcome] += 1;
  return counts;
}
