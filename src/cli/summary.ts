// The closing line of a many-target run: how many were screened, failed, could not be screened,
// and how long it took.
import type { TargetOutcome } from "./screen-target.js";

export function describeRun(outcomes: readonly TargetOutcome[], milliseconds: number): string {
  let screened = 0;
  let failing = 0;
  let problems = 0;
  for (const outcome of outcomes) {
    if ("problem" in outcome) {
      problems += 1;
      continue;
    }
    screened += 1;
    if (outcome.report.results.some((result) => result.outcome === "fail")) failing += 1;
  }
  const seconds = (milliseconds / 1000).toFixed(1);
  return `screened ${screened} of ${outcomes.length} in ${seconds} s: ${failing} with a failing indicator, ${problems} could not be screened`;
}
