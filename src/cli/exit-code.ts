// Exit codes, in one place: the README documents them and scripts rely on them.
import type { Report } from "../core/report.js";

export const EXIT_OK = 0;
/** At least one indicator fails. */
export const EXIT_FAIL = 1;
/** Usage error, or a target that cannot be screened. */
export const EXIT_USAGE = 2;

export function exitCodeFor(report: Report): number {
  return report.results.some((result) => result.outcome === "fail") ? EXIT_FAIL : EXIT_OK;
}
