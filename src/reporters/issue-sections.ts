// Paragraphs the tracking issue and the suggested-fix issues share, so both explain an unmet
// indicator the same way: what was found, why the Standard asks for it, and the fix.
import type { IndicatorResult, Report } from "../core/report.js";
import { escapeMarkdown, renderEvidenceMarkdown, type LinkOptions } from "./evidence-markdown.js";

/** Evidence items shown per indicator in an issue; the check run has the full list. */
export const ISSUE_EVIDENCE_LIMIT = 5;

/** Links to files at the screened commit, when the report knows where the repository lives. */
export function issueLinkOptions(report: Report): LinkOptions {
  const { url, ref } = report.repository;
  if (url === undefined || ref === undefined) return {};
  return { fileBase: `${url.replace(/\/$/, "")}/blob/${ref}/` };
}

/** "Found / Why it matters / Fix / Evidence" as list items (indented for nesting under a checklist row). */
export function renderUnmetDetails(result: IndicatorResult, links: LinkOptions, indent = ""): string[] {
  const lines = [`${indent}- **Found:** ${escapeMarkdown(result.summary)}`];
  // Reports stored before results carried the requirement simply go without this line.
  const { requirement } = result;
  if (requirement !== undefined)
    lines.push(`${indent}- **Why it matters:** the DPG Standard asks that ${lowerFirst(requirement)}`);
  if (result.fix !== undefined) lines.push(`${indent}- **Fix:** ${result.fix.markdown}`);
  const shown = result.evidence.slice(0, ISSUE_EVIDENCE_LIMIT);
  if (shown.length > 0) {
    lines.push(`${indent}- **Evidence:**`);
    for (const evidence of shown) lines.push(`${indent}  - ${renderEvidenceMarkdown(evidence, links)}`);
    const hidden = result.evidence.length - shown.length;
    if (hidden > 0) lines.push(`${indent}  - …and ${hidden} more in the check run`);
  }
  return lines;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}
