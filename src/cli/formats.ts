// The CLI's output formats, in one record: how each renders a report, whether reports are
// one per line (JSON Lines) or separated by a blank line, and the line the usage text shows.
// Adding a format is one entry here; the usage text and the --format check follow from it.
import { stringify } from "csv-stringify/sync";
import type { Outcome } from "../core/outcome.js";
import type { Report } from "../core/report.js";
import { allIndicators } from "../indicators/registry.js";
import { renderDpgaJson, renderDpgaMarkdown } from "../reporters/dpga.js";
import { renderJson } from "../reporters/json.js";
import { renderMarkdown } from "../reporters/markdown.js";
import { renderText } from "../reporters/text.js";

export interface RenderOptions {
  /** Whether stdout is a terminal (colour and symbols in text output). */
  tty: boolean;
}

export interface OutputFormat {
  render: (report: Report, options: RenderOptions) => string;
  /** One report per line, no separator between targets (JSON Lines). */
  lineDelimited: boolean;
  /** One short line for the usage text. */
  description: string;
  /** Written once before the first report: a table's or spreadsheet's header. */
  header?: () => string;
  /**
   * A row for a target that could not be screened, so a table stays complete (stderr says why
   * in every format).
   */
  renderProblem?: (target: string, problem: string) => string;
}

/** Outcomes in a fixed-width table cell. */
const SHORT_OUTCOME: Record<Outcome, string> = {
  pass: "pass",
  fail: "FAIL",
  review: "review",
  attested: "attest",
  "not-applicable": "n/a",
  error: "error",
};
const CELL = 7;

function tableRow(cells: readonly string[], name: string): string {
  return `${cells.map((cell) => cell.padEnd(CELL)).join("")}${name}\n`;
}

/**
 * RFC 4180 rows (CRLF, quoted when needed). A cell a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) gets a leading ' — repository names and messages are not ours.
 */
function csvRow(cells: readonly string[]): string {
  // csv-stringify quotes a lone \n only when asked (its record delimiter here is \r\n).
  return stringify([cells], { escape_formulas: true, record_delimiter: "windows", quoted_match: /[\r\n]/ });
}

const CSV_COLUMNS = [
  "repository",
  "location",
  "ref",
  ...allIndicators.map((indicator) => `${indicator.id} ${indicator.title}`),
  "problem",
];

const FORMAT_RECORD = {
  text: {
    render: (report, options) => renderText(report, { tty: options.tty }),
    lineDelimited: false,
    description: "a table with evidence and fixes; colour on a terminal",
  },
  json: {
    render: (report) => `${renderJson(report)}\n`,
    lineDelimited: true,
    description: "the report as JSON Lines, one object per target",
  },
  markdown: {
    render: (report) => renderMarkdown(report),
    lineDelimited: false,
    description: "for issues, pull requests and applications",
  },
  dpga: {
    render: (report) => `${renderDpgaJson(report)}\n`,
    lineDelimited: true,
    description: "a DPGA application draft as JSON Lines",
  },
  "dpga-markdown": {
    render: (report) => renderDpgaMarkdown(report),
    lineDelimited: false,
    description: "a DPGA application draft as markdown",
  },
  table: {
    render: (report) =>
      tableRow(
        report.results.map((result) => SHORT_OUTCOME[result.outcome]),
        report.repository.url === undefined
          ? (report.repository.path ?? report.repository.name)
          : report.repository.name,
      ),
    lineDelimited: true,
    description: "one line per target: each indicator's outcome (default for --org)",
    header: () =>
      tableRow(
        allIndicators.map((indicator) => indicator.id),
        "repository",
      ),
    renderProblem: (target) =>
      tableRow(
        allIndicators.map(() => "-"),
        `${target} (could not be screened)`,
      ),
  },
  csv: {
    render: (report) =>
      csvRow([
        report.repository.name,
        report.repository.url ?? report.repository.path ?? "",
        report.repository.ref ?? "",
        ...allIndicators.map(
          (indicator) => report.results.find((result) => result.indicator === indicator.id)?.outcome ?? "",
        ),
        "",
      ]),
    lineDelimited: true,
    description: "one spreadsheet row per target: each indicator's outcome (RFC 4180)",
    header: () => csvRow(CSV_COLUMNS),
    renderProblem: (target, problem) => csvRow([target, "", "", ...allIndicators.map(() => ""), problem]),
  },
} as const satisfies Record<string, OutputFormat>;

export type Format = keyof typeof FORMAT_RECORD;

export const OUTPUT_FORMATS: Readonly<Record<Format, OutputFormat>> = FORMAT_RECORD;

export const FORMAT_NAMES = Object.keys(FORMAT_RECORD) as Format[];

export function isFormat(value: string): value is Format {
  return Object.hasOwn(FORMAT_RECORD, value);
}

/** The usage lines for --format: one per format, aligned. */
export function describeFormats(indent: string): string {
  const width = Math.max(...FORMAT_NAMES.map((name) => name.length));
  return FORMAT_NAMES.map(
    (name) =>
      `${indent}${name.padEnd(width)}  ${OUTPUT_FORMATS[name].description}${name === "text" ? " (default)" : ""}`,
  ).join("\n");
}
