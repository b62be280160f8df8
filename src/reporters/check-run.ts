// Report → the "DPG Standard" check run: conclusion, title, summary, text, annotations and
// buttons, within the Checks API limits. Pure; src/github/publish-check-run.ts sends it.
import type { Outcome } from "../core/outcome.js";
import { isMet } from "../core/outcome.js";
import type { Report } from "../core/report.js";
import { codeSpan, escapeMarkdown, markdownLink } from "../core/github-markdown.js";
import type { LinkOptions } from "./evidence-markdown.js";
import { countPrefilled } from "./dpga.js";
import { DRAFT_SECTION_TITLE } from "./issue.js";
import { renderHeadline, renderIndicatorDetails, renderIndicatorTable } from "./markdown.js";
import { formatCount } from "../core/format-count.js";

export const CHECK_RUN_NAME = "DPG Standard";

/** Checks API: summary and text are each at most 65,535 characters, which GitHub counts in UTF-8 bytes. */
export const MAX_OUTPUT_BYTES = 65_535;
/** Checks API: at most 50 annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Our own cap, so one noisy repository does not take dozens of update requests. */
export const MAX_ANNOTATIONS = 200;
/** Checks API: annotation titles are at most 255 characters. */
const MAX_ANNOTATION_TITLE = 255;
/** Checks API ("Update a check run", annotations[].message): at most 64 KB, counted here in UTF-8 bytes. */
export const MAX_ANNOTATION_MESSAGE_BYTES = 64 * 1024;
/** Checks API: output.title; GitHub documents no limit, so the annotation title's 255 is used. */
const MAX_OUTPUT_TITLE = 255;

/** Button identifiers (Checks API: at most 20 characters). */
export const ACTION_OPEN_FIX_ISSUES = "open-fix-issues";
export const ACTION_RESCREEN = "rescreen";

export type CheckConclusion = "success" | "neutral" | "failure";

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

export interface CheckRunAction {
  /** At most 20 characters. */
  label: string;
  /** At most 40 characters. */
  description: string;
  /** At most 20 characters. */
  identifier: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
}

export interface RenderedCheckRun {
  conclusion: CheckConclusion;
  output: CheckRunOutput;
  annotations: CheckRunAnnotation[];
  actions: CheckRunAction[];
}

/** A problem the screen's report cannot show: a file outside this repository, or reading or following one. */
export interface ExternalConfigProblem {
  fileLabel: string;
  url: string;
  key: string;
  line?: number;
  message: string;
}

export interface CheckRunRenderOptions {
  /** "fail": any missing indicator fails the run (default). "never": it is neutral instead. */
  failOn?: "fail" | "never";
  /** Problems in config files loaded from other repositories. Any of them fails the run. */
  configProblems?: readonly ExternalConfigProblem[];
  /**
   * Where the DPGA application draft is kept for this screen: the tracking issue's address when
   * this screen updates it; without one the summary says how to get the draft.
   */
  trackingIssueUrl?: string;
}

/** The one place outcomes become a check-run conclusion. */
export function decideConclusion(
  outcomes: readonly Outcome[],
  options: { failOn: "fail" | "never"; invalidConfig: boolean },
): CheckConclusion {
  if (options.invalidConfig) return "failure";
  if (outcomes.includes("fail")) return options.failOn === "never" ? "neutral" : "failure";
  if (outcomes.includes("review") || outcomes.includes("error")) return "neutral";
  return "success";
}

export function renderCheckRun(report: Report, options: CheckRunRenderOptions = {}): RenderedCheckRun {
  const configProblems = options.configProblems ?? [];
  const invalidConfig = report.declaration.status === "invalid" || configProblems.length > 0;
  const conclusion = decideConclusion(
    report.results.map((result) => result.outcome),
    { failOn: options.failOn ?? "fail", invalidConfig },
  );
  const links = linkOptions(report);

  const summary = [`**${renderHeadline(report)}**`, "", renderIndicatorTable(report), ""];
  summary.push(renderDraftLine(report, options.trackingIssueUrl), "");
  for (const warning of report.warnings) summary.push(`> ⚠️ ${escapeMarkdown(warning)}`, "");
  summary.push(...renderConfigProblems(report, configProblems));

  const text: string[] = [];
  for (const result of report.results)
    if (!isMet(result.outcome) || result.evidence.length > 0) text.push(renderIndicatorDetails(result, links));
  text.push(
    `<sub>${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)} · ✅ verified by the screener · ☑️ declared by the maintainers · 📝 a human must declare or confirm.</sub>`,
  );

  const unmet = report.results.some((result) => !isMet(result.outcome));
  const actions: CheckRunAction[] = [];
  if (unmet)
    actions.push({
      label: "Open fix issues",
      description: "Open one issue per unmet indicator",
      identifier: ACTION_OPEN_FIX_ISSUES,
    });
  actions.push({ label: "Re-screen", description: "Screen this commit again", identifier: ACTION_RESCREEN });

  return {
    conclusion,
    output: {
      title: truncateBytes(
        invalidConfig ? `${renderHeadline(report)} · invalid .github/dpg.yml` : renderHeadline(report),
        MAX_OUTPUT_TITLE,
      ),
      summary: truncateMarkdown(summary.join("\n")),
      text: truncateMarkdown(text.join("\n")),
    },
    annotations: buildAnnotations(report),
    actions,
  };
}

/** The summary's pointer to the DPGA application draft, with how much of it the repository answers. */
function renderDraftLine(report: Report, trackingIssueUrl: string | undefined): string {
  const { prefilled, questions } = countPrefilled(report);
  const counted = `📄 **${DRAFT_SECTION_TITLE}:** ${prefilled} of ${questions} questions pre-filled from this repository`;
  if (trackingIssueUrl !== undefined)
    return `${counted}, ready to copy into the DPGA application: in the ${markdownLink("tracking issue", trackingIssueUrl)}, under *${DRAFT_SECTION_TITLE}*.`;
  return `${counted}. Screens of the default branch keep it in the tracking issue when issues are on (\`issues.mode: tracking\` in \`.github/dpg.yml\`); \`dpg-screener screen --format dpga-markdown\` prints it anywhere.`;
}

/** The run shown when a screen throws: completed, with the reason, never left in progress. */
export function renderCheckRunError(message: string): RenderedCheckRun {
  return {
    conclusion: "neutral",
    output: {
      title: "The screen could not finish",
      summary: truncateMarkdown(
        [
          "The DPG screener hit an error before it could report on this commit, so no indicator was judged.",
          "",
          `> ${escapeMarkdown(message)}`,
          "",
          "Press **Re-run** (or **Re-screen**) to try again. If it keeps failing, the App's logs have the details for this delivery.",
        ].join("\n"),
      ),
    },
    annotations: [],
    actions: [{ label: "Re-screen", description: "Screen this commit again", identifier: ACTION_RESCREEN }],
  };
}

/**
 * Cuts markdown to the Checks API limit, measured in UTF-8 bytes as GitHub measures it, and says
 * so; never inside a character, and on a line boundary when possible.
 */
export function truncateMarkdown(markdown: string, limit = MAX_OUTPUT_BYTES): string {
  const bytes = Buffer.from(markdown, "utf8");
  if (bytes.length <= limit) return markdown;
  const notice = `\n\n**… cut here: ${formatCount(bytes.length)} bytes are more than a check run can show (${formatCount(limit)}). Run \`dpg-screener screen\` for the full report.**`;
  let end = Math.max(0, limit - Buffer.byteLength(notice, "utf8"));
  // Back off from continuation bytes (10xxxxxx) to the start of the character that would be split.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  let cut = bytes.subarray(0, end).toString("utf8");
  const lastLine = cut.lastIndexOf("\n");
  if (lastLine > cut.length / 2) cut = cut.slice(0, lastLine);
  return cut + notice;
}

/** Plain text cut to `limit` UTF-8 bytes, never inside a character, ending in "…" when cut. */
export function truncateBytes(text: string, limit: number): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= limit) return text;
  let end = Math.max(0, limit - Buffer.byteLength("…", "utf8"));
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return `${bytes.subarray(0, end).toString("utf8")}…`;
}

function linkOptions(report: Report): LinkOptions {
  const { url, ref } = report.repository;
  return url === undefined || ref === undefined ? {} : { fileBase: `${url}/blob/${ref}/` };
}

function renderConfigProblems(report: Report, external: readonly ExternalConfigProblem[]): string[] {
  const lines: string[] = [];
  if (report.declaration.status === "invalid") {
    lines.push(
      `**${report.declaration.path ?? ".github/dpg.yml"} is invalid.** The screen used the parts without problems:`,
      "",
    );
    for (const problem of report.declaration.problems) lines.push(`- ${describeProblem(problem)}`);
    lines.push("");
  }
  if (external.length > 0) {
    lines.push(
      "**The App's settings could not all be used** (a file is invalid, too large, or an `_extends` cannot be followed). The App used its defaults for the rejected settings:",
      "",
    );
    for (const problem of external)
      lines.push(`- ${markdownLink(problem.fileLabel, problem.url)} ${describeProblem(problem)}`);
    lines.push("");
  }
  return lines;
}

function describeProblem(problem: { key: string; line?: number; message: string }): string {
  const where = problem.line === undefined ? "" : `line ${problem.line}: `;
  const key = problem.key === "" ? "" : `${codeSpan(problem.key)}: `;
  return `${where}${key}${escapeMarkdown(problem.message)}`;
}

function buildAnnotations(report: Report): CheckRunAnnotation[] {
  const annotations: CheckRunAnnotation[] = [];
  const add = (annotation: CheckRunAnnotation) => {
    annotations.push({
      ...annotation,
      message: truncateBytes(annotation.message, MAX_ANNOTATION_MESSAGE_BYTES),
      ...(annotation.title === undefined ? {} : { title: truncateBytes(annotation.title, MAX_ANNOTATION_TITLE) }),
    });
  };
  const declarationPath = report.declaration.path;
  if (declarationPath !== undefined) {
    for (const problem of report.declaration.problems) {
      const line = problem.line ?? 1;
      add({
        path: declarationPath,
        start_line: line,
        end_line: line,
        annotation_level: "failure",
        title: "Invalid .github/dpg.yml",
        message: problem.key === "" ? problem.message : `${problem.key}: ${problem.message}`,
      });
    }
  }
  for (const result of report.results) {
    if (isMet(result.outcome)) continue;
    const level = result.outcome === "fail" ? "failure" : result.outcome === "error" ? "warning" : "notice";
    for (const evidence of result.evidence) {
      if (evidence.path === undefined || evidence.line === undefined) continue;
      add({
        path: evidence.path,
        start_line: evidence.line,
        end_line: evidence.line,
        annotation_level: level,
        title: `${result.indicator}. ${result.title}`,
        message: evidence.note.trim() === "" ? result.summary : evidence.note,
      });
    }
  }
  for (const license of report.licenses) {
    if (license.line === undefined) continue;
    add({
      path: license.path,
      start_line: license.line,
      end_line: license.line,
      annotation_level: "notice",
      title: "Licence",
      message: `Licence identified: ${license.spdx}${license.note === undefined ? "" : ` (${license.note})`}`,
    });
  }
  return annotations.slice(0, MAX_ANNOTATIONS);
}
