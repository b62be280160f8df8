// The outcomes an indicator can have, and the one place that orders them.

/**
 * - pass: verified by the screener, with evidence.
 * - fail: the repository demonstrably lacks something required that the screener can check.
 * - review: a human must confirm or declare something.
 * - attested: declared by the maintainers, with evidence, in .github/dpg.yml.
 * - not-applicable: the indicator does not apply to this kind of asset.
 * - error: the screener could not evaluate the indicator.
 */
export const OUTCOMES = ["pass", "fail", "review", "attested", "not-applicable", "error"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes that count as "met" (nothing left to do for this indicator). */
export function isMet(outcome: Outcome): boolean {
  return outcome === "pass" || outcome === "attested" || outcome === "not-applicable";
}

/** Severity order used to combine sub-criteria: the worst outcome wins. */
const SEVERITY: Record<Outcome, number> = {
  fail: 5,
  error: 4,
  review: 3,
  attested: 2,
  pass: 1,
  "not-applicable": 0,
};

/** The worst of several outcomes; `not-applicable` when there are none. */
export function worstOutcome(outcomes: readonly Outcome[]): Outcome {
  let worst: Outcome = "not-applicable";
  for (const outcome of outcomes) if (SEVERITY[outcome] > SEVERITY[worst]) worst = outcome;
  return worst;
}
