// Report → markdown, for pasting into issues, pull requests and DPGA applications.
import { isMet } from "../core/outcome.js";
import { countOutcomes, type IndicatorResult, type Report } from "../core/report.js";
import { codeSpan, escapeMarkdown } from "../core/github-markdown.js";
import { renderEvidenceMarkdown, type LinkOptions } from "./evidence-markdown.js";
import { OUTCOME_EMOJI, OUTCOME_LABEL } from "./outcome-labels.js";

/** "6 of 11 met · 3 need a declaration · 2 missing" — shared by the check run and the CLI. */
export function renderHeadline(report: Report): string {
  const counts = countOutcomes(report);
  const met = counts.pass + counts.attested + counts["not-applicable"];
  const parts = [`${met} of ${report.results.length} met`];
  if (counts.review > 0) parts.push(`${counts.review} need${counts.review === 1 ? "s" : ""} a declaration or review`);
  if (counts.fail > 0) parts.push(`${counts.fail} missing`);
  if (counts.error > 0) parts.push(`${counts.error} could not be screened`);
  return parts.join(" · ");
}

/** The indicator table: status, indicator, one-line finding. */
export function renderIndicatorTable(report: Report): string {
  const rows = report.results.map(
    (result) =>
      `| ${OUTCOME_EMOJI[result.outcome]} ${OUTCOME_LABEL[result.outcome]} | ${result.indicator}. ${escapeMarkdown(result.title)} | ${escapeMarkdown(result.summary)} |`,
  );
  return ["| Status | Indicator | Finding |", "| --- | --- | --- |", ...rows].join("\n");
}

/** Evidence, sub-criteria and the fix for one indicator. */
export function renderIndicatorDetails(result: IndicatorResult, options: LinkOptions = {}): string {
  const lines = [
    `### ${OUTCOME_EMOJI[result.outcome]} ${result.indicator}. ${result.title} — ${OUTCOME_LABEL[result.outcome]}`,
    "",
    escapeMarkdown(result.summary),
    "",
  ];
  if (result.criteria !== undefined && result.criteria.length > 0) {
    for (const criterion of result.criteria)
      lines.push(`- ${OUTCOME_EMOJI[criterion.outcome]} ${escapeMarkdown(criterion.question)}`);
    lines.push("");
  }
  if (result.evidence.length > 0) {
    lines.push("**Evidence**", "");
    for (const evidence of result.evidence) lines.push(`- ${renderEvidenceMarkdown(evidence, options)}`);
    lines.push("");
  }
  if (result.fix !== undefined && !isMet(result.outcome)) lines.push(`**How to fix:** ${result.fix.markdown}`, "");
  lines.push(`[DPGA guidance](${result.docsUrl})`, "");
  return lines.join("\n");
}

export function renderMarkdown(report: Report, options: LinkOptions = {}): string {
  const lines = [
    `## DPG Standard screening: ${escapeMarkdown(report.repository.name)}`,
    "",
    `**${renderHeadline(report)}** · asset type: ${report.assetTypes.join(", ")} (${escapeMarkdown(report.assetTypeSource.reason)}) · licence: ${report.license === null ? "none found" : codeSpan(report.license)}`,
    "",
    renderIndicatorTable(report),
    "",
  ];
  for (const warning of report.warnings) lines.push(`> ⚠️ ${escapeMarkdown(warning)}`, "");
  if (report.declaration.status === "invalid") {
    lines.push(`**${report.declaration.path ?? ".github/dpg.yml"} was rejected in part:**`, "");
    for (const problem of report.declaration.problems)
      lines.push(
        `- ${problem.line === undefined ? "" : `line ${problem.line}: `}${problem.key === "" ? "" : `${codeSpan(problem.key)}: `}${escapeMarkdown(problem.message)}`,
      );
    lines.push("");
  }
  for (const result of report.results)
    if (!isMet(result.outcome) || result.evidence.length > 0) lines.push(renderIndicatorDetails(result, options));
  lines.push(
    `<sub>${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)}. ✅ verified by the screener · ☑️ declared by the maintainers · 📝 a human must declare or confirm.</sub>`,
    "",
  );
  return lines.join("\n");
}
