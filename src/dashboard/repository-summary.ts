// One table row of the dashboard: the few facts of a repository's latest report that the
// organisation table filters, sorts and exports on. Derived from the Report when it is stored, so
// a page over thousands of repositories never parses thousands of full reports.
import { isMet, type Outcome } from "../core/outcome.js";
import type { IndicatorId } from "../core/indicator.js";
import type { AssetType } from "../core/asset-type.js";
import type { Report } from "../core/report.js";

export interface RepositorySummary {
  installationId: number;
  /** The account that installed the App (organisation or user login). */
  owner: string;
  /** The repository's short name. */
  name: string;
  private: boolean;
  /** The commit the report was made at. */
  commit: string;
  /** ISO 8601 time of the screen. */
  screenedAt: string;
  outcomes: Partial<Record<IndicatorId, Outcome>>;
  /** How many rows are met (pass, attested or not applicable), and of how many. */
  met: number;
  rows: number;
  assetTypes: AssetType[];
  license: string | null;
  checkRunUrl?: string;
  issueUrl?: string;
}

export interface SummaryFacts {
  installationId: number;
  owner: string;
  name: string;
  private: boolean;
  commit: string;
  screenedAt: string;
  checkRunUrl?: string;
  issueUrl?: string;
}

export function summarizeReport(report: Report, facts: SummaryFacts): RepositorySummary {
  const outcomes: Partial<Record<IndicatorId, Outcome>> = {};
  for (const result of report.results) outcomes[result.indicator] = result.outcome;
  return {
    ...facts,
    outcomes,
    met: report.results.filter((result) => isMet(result.outcome)).length,
    rows: report.results.length,
    assetTypes: [...report.assetTypes],
    license: report.license,
  };
}

/** No failing or unscreenable row: the repository could apply once its declarations are in. */
export function hasNoFailingRow(summary: RepositorySummary): boolean {
  // A loop, not Object.values: the organisation page calls this for every repository.
  for (const id in summary.outcomes) {
    const outcome = summary.outcomes[id as IndicatorId];
    if (outcome === "fail" || outcome === "error") return false;
  }
  return true;
}

/** Nothing fails; what is left are rows a human must declare or review. */
export function needsOnlyDeclarations(summary: RepositorySummary): boolean {
  if (!hasNoFailingRow(summary)) return false;
  for (const id in summary.outcomes) if (summary.outcomes[id as IndicatorId] === "review") return true;
  return false;
}
