// The short comments the App leaves when it closes or reopens one of its issues: closing and
// reopening notify people, so the comment says why in one sentence.
import type { IndicatorId } from "../core/indicator.js";
import type { Report } from "../core/report.js";

export function renderClosingComment(indicator?: IndicatorId): string {
  if (indicator !== undefined) return `Indicator ${indicator} is met now, so DPG Screener closed this issue.`;
  return "Every indicator of the DPG Standard is met now, so DPG Screener closed this issue. It reopens if an indicator stops being met.";
}

export function renderReopeningComment(report: Report, newlyUnmet: readonly IndicatorId[]): string {
  const names = newlyUnmet.map((id) => {
    const title = report.results.find((result) => result.indicator === id)?.title;
    return title === undefined ? id : `${id} (${title})`;
  });
  const subject = names.length === 1 ? `indicator ${names[0]} is` : `indicators ${names.join(", ")} are`;
  return `DPG Screener reopened this issue: ${subject} no longer met.`;
}
