// The README badge: "DPG Standard · 9 of 11 met", coloured by the worst outcome, with the same
// words in <title> and aria-label so it is not colour alone. A flat, shields-style SVG.
import { escapeHtml } from "./html.js";
import { hasNoFailingRow, type RepositorySummary } from "./repository-summary.js";

const LABEL = "DPG Standard";
/** Colours with at least 4.5:1 contrast against white text. */
const COLOURS = { met: "#1a7f37", review: "#9a6700", fail: "#cf222e", unknown: "#57606a" } as const;

export type BadgeState = keyof typeof COLOURS;

export function badgeState(summary: RepositorySummary | undefined): BadgeState {
  if (summary === undefined) return "unknown";
  if (!hasNoFailingRow(summary)) return "fail";
  return summary.met === summary.rows ? "met" : "review";
}

export function renderBadge(summary: RepositorySummary | undefined): string {
  const message = summary === undefined ? "not screened" : `${summary.met} of ${summary.rows} met`;
  const colour = COLOURS[badgeState(summary)];
  const labelWidth = textWidth(LABEL) + 12;
  const messageWidth = textWidth(message) + 12;
  const width = labelWidth + messageWidth;
  const text = escapeHtml(`${LABEL}: ${message}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${text}"><title>${text}</title><rect width="${labelWidth}" height="20" fill="#24292f"/><rect x="${labelWidth}" width="${messageWidth}" height="20" fill="${colour}"/><g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11"><text x="${labelWidth / 2}" y="14">${escapeHtml(LABEL)}</text><text x="${labelWidth + messageWidth / 2}" y="14">${escapeHtml(message)}</text></g></svg>`;
}

/** Rough width of Verdana 11px text: good enough to size the boxes without a font file. */
function textWidth(text: string): number {
  return Math.round(text.length * 6.8);
}
