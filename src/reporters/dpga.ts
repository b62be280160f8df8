// `--format dpga`: a draft of the DPGA application, as JSON in the registry's entry format and
// as markdown, each answer with its evidence and a marker where the maintainers must answer.
import { escapeMarkdown } from "../core/github-markdown.js";
import type { Report } from "../core/report.js";
import { buildDpgaDraft, TO_ANSWER } from "./dpga-entry.js";

/**
 * The registry-shaped entry plus `_screener`: per field, whether it is answered and on what
 * evidence. One line, so several targets make JSON Lines like `--format json`.
 */
export function renderDpgaJson(report: Report): string {
  const { entry, answers } = buildDpgaDraft(report);
  return JSON.stringify({
    ...entry,
    _screener: {
      note: `Draft by ${report.tool.name} ${report.tool.version}. Values "${TO_ANSWER}" must be answered by the maintainers; indicators 7 to 9 by an authorised representative.`,
      answers,
    },
  });
}

export function renderDpgaMarkdown(report: Report): string {
  const { entry, answers } = buildDpgaDraft(report);
  const lines = [
    `# DPGA application draft: ${escapeMarkdown(report.repository.name)}`,
    "",
    `Fields marked **${TO_ANSWER}** still need the maintainers' answer. Answers for indicators 7 to 9 must come from an authorised representative.`,
    "",
  ];
  for (const answer of answers) {
    const result = report.results.find((candidate) => candidate.indicator === answer.indicator);
    lines.push(
      `## ${answer.field}${result === undefined ? "" : ` (indicator ${result.indicator}: ${escapeMarkdown(result.title)} — screener: ${result.outcome})`}`,
      "",
    );
    lines.push(
      answer.answered
        ? ""
        : `> ⚠️ **${TO_ANSWER}**${result === undefined ? "" : `: ${escapeMarkdown(result.summary)}`}`,
      "",
    );
    lines.push("```json", JSON.stringify(entry[answer.field], null, 2), "```", "");
    if (answer.evidence.length > 0)
      lines.push("Evidence:", ...answer.evidence.map((item) => `- ${escapeMarkdown(item)}`), "");
  }
  return `${lines.filter((line, index, all) => !(line === "" && all[index - 1] === "")).join("\n")}\n`;
}
