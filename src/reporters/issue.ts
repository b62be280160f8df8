// Report → the tracking issue: the maintainers' durable to-do list on the way to a DPG
// application. One per repository, edited in place only when its fingerprint changes.
import type { IndicatorId } from "../core/indicator.js";
import { isMet } from "../core/outcome.js";
import type { Report } from "../core/report.js";
import { STANDARD_URL } from "../indicators/shared/guidance.js";
import { escapeMarkdown } from "./evidence-markdown.js";
import { computeFingerprint, renderIssueState, TRACKING_MARKER, type IssueState } from "./issue-state.js";
import { issueLinkOptions, renderUnmetDetails } from "./issue-sections.js";
import { countPrefilled, renderDpgaMarkdown } from "./dpga.js";
import { renderHeadline } from "./markdown.js";
import { OUTCOME_EMOJI, OUTCOME_LABEL } from "./outcome-labels.js";

/**
 * GitHub refuses an issue body over 65,536 characters ("body is too long (maximum is 65536
 * characters)", REST API 422). Counted here in UTF-8 bytes, which is never fewer.
 */
export const MAX_ISSUE_BODY_BYTES = 65_536;

/** The body cut to GitHub's limit with a notice, keeping the hidden state line that must end it. */
export function fitIssueBody(content: string, stateLine: string): string {
  const body = `${content}\n${stateLine}`;
  if (Buffer.byteLength(body, "utf8") <= MAX_ISSUE_BODY_BYTES) return body;
  const notice = "\n\n**… cut here: the rest is longer than an issue can hold; the check run has the full report.**";
  const room = MAX_ISSUE_BODY_BYTES - Buffer.byteLength(`${notice}\n${stateLine}`, "utf8");
  const bytes = Buffer.from(content, "utf8");
  let end = Math.max(0, room);
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  let cut = bytes.subarray(0, end).toString("utf8");
  const lastLine = cut.lastIndexOf("\n");
  if (lastLine > cut.length / 2) cut = cut.slice(0, lastLine);
  return `${cut}${notice}\n${stateLine}`;
}

/** Bump when the body's layout changes, so existing issues are re-rendered once. */
export const TRACKING_ISSUE_FORMAT = 2;

/** A suggested-fix issue that is open, to be listed in the tracking issue. */
export interface FixIssueLink {
  indicator: IndicatorId;
  number: number;
}

export interface TrackingIssueOptions {
  /** The latest check run; left out of the fingerprint so an unchanged result causes no edit. */
  checkRunUrl?: string;
  /** Open suggested-fix issues. */
  fixIssues?: readonly FixIssueLink[];
}

/** An issue to write: its title, its body, and the state hidden in the body. */
export interface RenderedIssue {
  title: string;
  body: string;
  state: IssueState;
}

export function renderTrackingIssue(report: Report, options: TrackingIssueOptions = {}): RenderedIssue {
  const unmet = report.results.filter((result) => !isMet(result.outcome));
  const fixIssues = [...(options.fixIssues ?? [])].sort((left, right) => left.number - right.number);
  const state: IssueState = {
    fingerprint: computeFingerprint({
      format: TRACKING_ISSUE_FORMAT,
      results: report.results.map((result) => [result.indicator, result.outcome, result.summary]),
      declaration: [report.declaration.status, report.declaration.problems.map((problem) => problem.message)],
      warnings: report.warnings,
      fixIssues: fixIssues.map((issue) => [issue.indicator, issue.number]),
      // The draft carries more than the rows (product facts, SDG suggestions): a change to it is a
      // change. Its links name the commit, which is not: a push that changes nothing edits nothing.
      draft: renderDpgaMarkdown(withoutCommit(report)),
    }),
    unmet: unmet.map((result) => result.indicator),
  };
  return { title: renderTrackingTitle(report), body: renderBody(report, options.checkRunUrl, fixIssues, state), state };
}

/** "DPG Standard: 4 indicators need attention", or "all 11 indicators met". */
export function renderTrackingTitle(report: Report): string {
  const unmet = report.results.filter((result) => !isMet(result.outcome)).length;
  if (unmet === 0) return `DPG Standard: all ${report.results.length} indicators met`;
  return `DPG Standard: ${unmet} ${unmet === 1 ? "indicator needs" : "indicators need"} attention`;
}

function renderBody(
  report: Report,
  checkRunUrl: string | undefined,
  fixIssues: readonly FixIssueLink[],
  state: IssueState,
): string {
  const links = issueLinkOptions(report);
  const commit = report.repository.ref === undefined ? "" : ` at \`${report.repository.ref.slice(0, 7)}\``;
  const lines = [
    TRACKING_MARKER,
    `DPG Screener checked this repository${commit} against the [Digital Public Goods Standard](${STANDARD_URL}): **${renderHeadline(report)}**.`,
    "",
  ];
  if (checkRunUrl !== undefined)
    lines.push(`Full details, with evidence for every indicator: [latest check run](${checkRunUrl}).`, "");
  for (const warning of report.warnings) lines.push(`> ⚠️ ${escapeMarkdown(warning)}`, "");
  if (report.declaration.status === "invalid") {
    lines.push(
      `> ⚠️ \`${report.declaration.path ?? ".github/dpg.yml"}\` has ${report.declaration.problems.length} problem(s); the check run lists them with their lines.`,
      "",
    );
  }
  lines.push("### Checklist", "");
  for (const result of report.results) {
    const met = isMet(result.outcome);
    lines.push(
      `- [${met ? "x" : " "}] ${OUTCOME_EMOJI[result.outcome]} **${result.indicator}. ${escapeMarkdown(result.title)}** — ${OUTCOME_LABEL[result.outcome]}`,
    );
    if (met) continue;
    lines.push(...renderUnmetDetails(result, links, "  "));
    const fixIssue = fixIssues.find((issue) => issue.indicator === result.indicator);
    lines.push(
      `  - [DPGA guidance](${result.docsUrl})${fixIssue === undefined ? "" : ` · suggested fix: #${fixIssue.number}`}`,
    );
  }
  lines.push("", "### Suggested-fix issues", "");
  if (fixIssues.length === 0) {
    lines.push(
      "None open. Click **Open fix issues** on the check run to get one issue per unmet indicator, each with a fix you can copy.",
    );
  } else {
    for (const issue of fixIssues) lines.push(`- #${issue.number} (indicator ${issue.indicator})`);
  }
  const footer = [
    "",
    "---",
    "<sub>Maintained by DPG Screener: edited only when the result changes, closed when every indicator is met. Comment `/dpg recheck` to screen again. Close it as *not planned* to silence it until an indicator newly fails; set `issues.mode: off` in `.github/dpg.yml` to stop issues altogether.</sub>",
  ];
  const stateLine = renderIssueState(state);
  const rest = Buffer.byteLength(`${[...lines, ...footer].join("\n")}\n${stateLine}`, "utf8");
  lines.push(...renderDraftSection(report, MAX_ISSUE_BODY_BYTES - rest), ...footer);
  return fitIssueBody(lines.join("\n"), stateLine);
}

function withoutCommit(report: Report): Report {
  const { ref: _ref, ...repository } = report.repository;
  return { ...report, repository };
}

/** Heading of the draft's section: the check run's summary points here by this name. */
export const DRAFT_SECTION_TITLE = "DPGA application draft";
/** Below this many bytes of room, the draft is not shown at all: a few questions are no draft. */
const MIN_DRAFT_BYTES = 4 * 1024;

/**
 * The DPGA application draft, collapsed, in the room the rest of the issue leaves; whole questions
 * left out when it does not all fit. Repository text in it is escaped or fenced by renderDpgaMarkdown.
 */
function renderDraftSection(report: Report, room: number): string[] {
  const { prefilled, questions } = countPrefilled(report);
  const heading = ["", `### ${DRAFT_SECTION_TITLE}`, ""];
  const open = [
    "<details>",
    `<summary>${prefilled} of ${questions} questions pre-filled from this repository: open to copy them into the DPGA application</summary>`,
    "",
  ];
  const close = ["", "</details>"];
  const overhead = Buffer.byteLength([...heading, ...open, ...close].join("\n"), "utf8") + 2;
  if (room - overhead < MIN_DRAFT_BYTES)
    return [
      ...heading,
      `${prefilled} of ${questions} questions pre-filled; the draft does not fit in this issue: \`dpg-screener screen --format dpga-markdown\` prints it.`,
    ];
  return [
    ...heading,
    ...open,
    renderDpgaMarkdown(report, { level: 3, title: false, maxBytes: room - overhead }).trimEnd(),
    ...close,
  ];
}
