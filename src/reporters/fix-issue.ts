// IndicatorResult → a suggested-fix issue: one per indicator that fails or needs review, with
// a fix a maintainer can copy (file templates, a licence choice, the .github/dpg.yml section).
import type { IndicatorResult, Report } from "../core/report.js";
import { isMet } from "../core/outcome.js";
import { escapeMarkdown } from "./evidence-markdown.js";
import { fixTemplateFor, type FixTemplate } from "./fix-templates/fix-template-for.js";
import { licenseTextUrl } from "./fix-templates/license-choices.js";
import { computeFingerprint, fixIssueMarker, renderIssueState } from "./issue-state.js";
import { issueLinkOptions, renderUnmetDetails } from "./issue-sections.js";
import { fitIssueBody, type RenderedIssue } from "./issue.js";
import { OUTCOME_EMOJI, OUTCOME_LABEL } from "./outcome-labels.js";

/** Bump when the body's layout or a template changes, so open issues are re-rendered once. */
export const FIX_ISSUE_FORMAT = 1;

/** Outcomes that get a suggested-fix issue: the maintainers can act on them ("error" is the screener's problem). */
export function wantsFixIssue(result: IndicatorResult): boolean {
  return result.outcome === "fail" || result.outcome === "review";
}

export function renderFixIssueTitle(result: IndicatorResult): string {
  return `DPG Standard ${result.indicator}: ${result.title}`;
}

/** The issue for one indicator of `report`. A met indicator renders as "met", for closing. */
export function renderFixIssue(report: Report, result: IndicatorResult): RenderedIssue {
  const met = isMet(result.outcome);
  const state = {
    fingerprint: computeFingerprint({
      format: FIX_ISSUE_FORMAT,
      outcome: result.outcome,
      summary: result.summary,
      assetTypes: report.assetTypes,
    }),
    unmet: met ? [] : [result.indicator],
  };
  const lines = [
    fixIssueMarker(result.indicator),
    `### ${OUTCOME_EMOJI[result.outcome]} ${result.indicator}. ${escapeMarkdown(result.title)} — ${OUTCOME_LABEL[result.outcome]}`,
    "",
  ];
  if (met) {
    lines.push(`This indicator is met now: ${escapeMarkdown(result.summary)}`, "");
  } else {
    lines.push(
      ...renderUnmetDetails(result, issueLinkOptions(report)),
      "",
      ...renderTemplate(fixTemplateFor(result.indicator, report.assetTypes, { evidencePaths: evidencePaths(result) })),
    );
  }
  lines.push(
    `Guidance from the Digital Public Goods Alliance: ${result.docsUrl}`,
    "",
    "---",
    "<sub>Opened by DPG Screener. It closes itself when this indicator is met; comment `/dpg recheck` to screen again.</sub>",
  );
  return { title: renderFixIssueTitle(result), body: fitIssueBody(lines.join("\n"), renderIssueState(state)), state };
}

/** Every path the result's evidence lists, its criteria's included. */
function evidencePaths(result: IndicatorResult): string[] {
  const evidence = [...result.evidence, ...(result.criteria ?? []).flatMap((criterion) => criterion.evidence ?? [])];
  return evidence.flatMap((item) => (item.path === undefined ? [] : [item.path]));
}

function renderTemplate(template: FixTemplate): string[] {
  const lines = ["#### Steps", "", ...template.steps.map((step, index) => `${index + 1}. ${step}`), ""];
  if (template.licenseChoices.length > 0) {
    lines.push("#### Licences to choose from", "");
    for (const choice of template.licenseChoices)
      lines.push(`- [\`${choice.spdx}\`](${licenseTextUrl(choice.spdx)}): ${choice.when}`);
    lines.push("");
  }
  for (const file of template.files)
    lines.push(`#### \`${file.path}\``, "", `\`\`\`${file.language}`, file.content.trimEnd(), "```", "");
  if (template.declaration !== undefined) {
    lines.push("#### `.github/dpg.yml`", "", "```yaml", template.declaration.trimEnd(), "```", "");
  }
  return lines;
}
