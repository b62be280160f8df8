// Report → terminal text. Symbols and colour only when the caller says the output is a TTY,
// so piped output and golden files stay plain.
import { isMet, type Outcome } from "../core/outcome.js";
import type { Evidence } from "../core/indicator.js";
import type { Report } from "../core/report.js";
import { renderHeadline } from "./markdown.js";
import { OUTCOME_SYMBOL } from "./outcome-labels.js";

export interface TextOptions {
  /** Use ANSI colour and symbols (stdout is a terminal). */
  tty: boolean;
}

const COLOR: Record<Outcome, string> = {
  pass: "32",
  attested: "32",
  fail: "31",
  review: "33",
  "not-applicable": "90",
  error: "35",
};
/** The outcome names themselves are the column: the README defines each one. */
const STATUS_WIDTH = "not-applicable".length;

function paint(text: string, code: string, options: TextOptions): string {
  return options.tty ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function renderEvidence(evidence: Evidence): string {
  const where = [
    evidence.path === undefined
      ? undefined
      : `${evidence.path}${evidence.line === undefined ? "" : `:${evidence.line}`}`,
    evidence.url,
  ]
    .filter(Boolean)
    .join(" ");
  return where === "" ? evidence.note : `${where} — ${evidence.note}`;
}

export function renderText(report: Report, options: TextOptions): string {
  const lines: string[] = [];
  lines.push(`DPG Standard screening: ${report.repository.name}`);
  lines.push(`Asset type: ${report.assetTypes.join(", ")} (${report.assetTypeSource.reason})`);
  lines.push(`Licence: ${report.license ?? "none found"}`);
  lines.push("");
  for (const result of report.results) {
    const status = result.outcome.padEnd(STATUS_WIDTH);
    const prefix = options.tty ? `${OUTCOME_SYMBOL[result.outcome]} ` : "";
    lines.push(
      `${paint(`${prefix}${status}`, COLOR[result.outcome], options)}  ${result.indicator.padEnd(3)}${result.title}`,
    );
    lines.push(`${" ".repeat(prefix.length + STATUS_WIDTH + 2)}${result.summary}`);
    // Evidence under every verdict (reviewers ask "where?" for passes too); the fix only where unmet.
    const indent = " ".repeat(prefix.length + STATUS_WIDTH + 4);
    for (const evidence of result.evidence) lines.push(`${indent}· ${renderEvidence(evidence)}`);
    if (!isMet(result.outcome) && result.fix !== undefined) lines.push(`${indent}Fix: ${result.fix.text}`);
  }
  lines.push("");
  if (report.declaration.status === "invalid") {
    lines.push(`${report.declaration.path ?? ".github/dpg.yml"} was rejected in part:`);
    for (const problem of report.declaration.problems)
      lines.push(
        `  ${problem.line === undefined ? "" : `line ${problem.line}: `}${problem.key === "" ? "" : `${problem.key}: `}${problem.message}`,
      );
    lines.push("");
  }
  for (const warning of report.warnings) lines.push(paint(`Warning: ${warning}`, "33", options));
  lines.push(renderHeadline(report));
  return `${lines.join("\n")}\n`;
}
