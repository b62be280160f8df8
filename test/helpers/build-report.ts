// A Report with chosen outcomes for each of the eleven rows, for renderer and issue tests that
// need exact control over the result (real screens are covered by the indicator tests).
import type { IndicatorId } from "../../src/core/indicator.js";
import type { Outcome } from "../../src/core/outcome.js";
import { isMet } from "../../src/core/outcome.js";
import { REPORT_SCHEMA_VERSION, type IndicatorResult, type Report } from "../../src/core/report.js";
import { allIndicators } from "../../src/indicators/registry.js";
import { TEST_TOOL } from "./screen-memory.js";

export type Outcomes = Partial<Record<IndicatorId, Outcome>>;

/** Every row met ("pass") unless `outcomes` says otherwise; summaries say the outcome. */
export function buildReport(
  outcomes: Outcomes = {},
  options: {
    summaries?: Partial<Record<IndicatorId, string>>;
    evidence?: Partial<Record<IndicatorId, IndicatorResult["evidence"]>>;
  } = {},
): Report {
  const results = allIndicators.map((indicator): IndicatorResult => {
    const outcome = outcomes[indicator.id] ?? "pass";
    const result: IndicatorResult = {
      indicator: indicator.id,
      title: indicator.title,
      requirement: indicator.requirement,
      outcome,
      summary: options.summaries?.[indicator.id] ?? `Indicator ${indicator.id} is ${outcome}.`,
      evidence: options.evidence?.[indicator.id] ?? [],
      docsUrl: indicator.docsUrl,
    };
    if (!isMet(outcome)) result.fix = indicator.remediation;
    return result;
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: TEST_TOOL,
    repository: {
      name: "octo-org/demo",
      url: "https://github.com/octo-org/demo",
      ref: "0123456789abcdef0123456789abcdef01234567",
    },
    assetTypes: ["software"],
    assetTypeSource: { source: "detected", reason: "source code found" },
    results,
    licenses: [],
    license: null,
    licenseConflicts: [],
    declaration: { status: "absent", problems: [] },
    warnings: [],
  };
}
