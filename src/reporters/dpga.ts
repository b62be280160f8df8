// `--format dpga`: a draft of the DPGA application, as JSON in the registry's entry format and
// as markdown, each answer marked declared, found or suggested, with its evidence links, and a
// marker where the maintainers must answer. schema/dpga-draft.schema.json describes the JSON.
import { codeSpan, escapeMarkdown, markdownUrl, safeUrl } from "../core/github-markdown.js";
import type { Report } from "../core/report.js";
import { buildDpgaDraft, TO_ANSWER, type DpgaAnswer } from "./dpga-entry.js";

const PROVENANCE_LABEL: Record<DpgaAnswer["provenance"], string> = {
  declared: "declared in .github/dpg.yml",
  found: "found in the repository",
  suggested: "suggested by the screener: confirm or correct it",
  unanswered: TO_ANSWER,
};

/**
 * The registry-shaped entry plus `_screener`: per field, where its answer came from and on what
 * evidence. One line, so several targets make JSON Lines like `--format json`.
 */
export function renderDpgaJson(report: Report): string {
  const { entry, answers } = buildDpgaDraft(report);
  return JSON.stringify({
    ...entry,
    _screener: {
      note: `Draft by ${report.tool.name} ${report.tool.version}. Each answer is declared (.github/dpg.yml), found (in the repository, with evidence) or suggested (to confirm); values "${TO_ANSWER}" must be answered by the maintainers; indicators 7 to 9 by an authorised representative.`,
      ...(report.repository.ref === undefined ? {} : { commit: report.repository.ref }),
      answers,
    },
  });
}

export interface DpgaMarkdownOptions {
  /** Heading level of the title (the field headings are one deeper). */
  level?: number;
  /**
   * At most this many UTF-8 bytes. Whole questions that do not fit are left out (never a cut
   * inside a code block, which would leave the rest of the page inside it), named in a last line.
   */
  maxBytes?: number;
  /** Leave out the title line (a caller that puts the draft under its own heading). */
  title?: boolean;
}

/** How many of the draft's questions the repository answers, for a line that points to the draft. */
export function countPrefilled(report: Report): { prefilled: number; questions: number } {
  const { answers } = buildDpgaDraft(report);
  return {
    prefilled: answers.filter((answer) => answer.provenance !== "unanswered").length,
    questions: answers.length,
  };
}

export function renderDpgaMarkdown(report: Report, options: DpgaMarkdownOptions = {}): string {
  const level = options.level ?? 1;
  const { entry, answers } = buildDpgaDraft(report);
  const prefilled = answers.filter((answer) => answer.provenance !== "unanswered").length;
  const head = [
    ...(options.title === false
      ? []
      : [`${"#".repeat(level)} DPGA application draft: ${escapeMarkdown(report.repository.name)}`, ""]),
    `${prefilled} of ${answers.length} questions pre-filled. Each answer says where it came from: **declared** (\`.github/dpg.yml\`), **found** (in the repository, with evidence) or **suggested** (confirm it). Fields marked **${TO_ANSWER}** still need the maintainers' answer; answers for indicators 7 to 9 must come from an authorised representative.`,
    "",
  ];
  const sections = answers.map((answer) => {
    const lines: string[] = [];
    const result = report.results.find((candidate) => candidate.indicator === answer.indicator);
    lines.push(
      `${"#".repeat(level + 1)} ${answer.field}${result === undefined ? "" : ` (indicator ${result.indicator}: ${escapeMarkdown(result.title)} — screener: ${result.outcome})`}`,
      "",
      answer.provenance === "unanswered"
        ? `> ⚠️ **${TO_ANSWER}**${result === undefined ? "" : `: ${escapeMarkdown(result.summary)}`}`
        : `Answer ${PROVENANCE_LABEL[answer.provenance]}.${answer.provenance === "suggested" && result !== undefined && result.outcome !== "pass" ? ` Screener: ${escapeMarkdown(result.summary)}` : ""}`,
      "",
    );
    // Repository text sits in a code block, fenced longer than any backtick run it holds: inert on GitHub.
    const json = JSON.stringify(entry[answer.field], null, 2);
    const fence = "`".repeat(Math.max(3, ...(json.match(/`+/g) ?? []).map((run) => run.length + 1)));
    lines.push(`${fence}json`, json, fence, "");
    if (answer.evidence.length > 0)
      lines.push(
        "Evidence:",
        ...answer.evidence.map((item) => `- ${safeUrl(item) === undefined ? codeSpan(item) : markdownUrl(item)}`),
        "",
      );
    return squeeze(lines.join("\n"));
  });
  const full = `${squeeze([...head, ...sections].join("\n"))}\n`;
  if (options.maxBytes === undefined || Buffer.byteLength(full, "utf8") <= options.maxBytes) return full;
  // Whole questions only, in order, each that fits; the ones left out are named.
  const kept: string[] = [];
  const omitted: string[] = [];
  const left = (fields: readonly string[]) =>
    `**… left out to fit here: ${fields.join(", ")}. \`dpg-screener screen --format dpga-markdown\` prints the whole draft.**\n`;
  let used =
    Buffer.byteLength(squeeze(head.join("\n")), "utf8") +
    Buffer.byteLength(left(answers.map((a) => a.field)), "utf8") +
    2;
  for (const [index, section] of sections.entries()) {
    const bytes = Buffer.byteLength(section, "utf8") + 1;
    if (used + bytes > options.maxBytes) omitted.push(answers[index]?.field ?? "");
    else {
      kept.push(section);
      used += bytes;
    }
  }
  return `${squeeze([...head, ...kept].join("\n"))}\n${left(omitted)}`;
}

/** No two blank lines in a row. */
function squeeze(markdown: string): string {
  return markdown
    .split("\n")
    .filter((line, index, all) => !(line === "" && all[index - 1] === ""))
    .join("\n");
}
