// An indicator's outcome is the worst of its sub-criteria, so a row never reads better
// than the question a reviewer would still ask.
import type { Criterion, Evidence, IndicatorFinding } from "../../core/indicator.js";
import { worstOutcome } from "../../core/outcome.js";

export function combineCriteria(
  criteria: Criterion[],
  summary: string,
  extraEvidence: Evidence[] = [],
): IndicatorFinding {
  const evidence = [...extraEvidence, ...criteria.flatMap((criterion) => criterion.evidence ?? [])];
  return {
    outcome: worstOutcome(criteria.map((criterion) => criterion.outcome)),
    summary,
    evidence: dedupe(evidence),
    criteria,
  };
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((item) => {
    const key = `${item.path ?? ""}|${item.line ?? ""}|${item.url ?? ""}|${item.note}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
