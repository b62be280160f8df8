// The table and csv formats: one row per target with each indicator's outcome. Apart from the
// format record (formats.ts) so that csv-stringify and the indicator registry load only for them.
import { stringify } from "csv-stringify/sync";
import type { Outcome } from "../core/outcome.js";
import { allIndicators } from "../indicators/registry.js";
import type { Renderer } from "./formats.js";

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

export const tableRenderer: Renderer = {
  render: (report) =>
    tableRow(
      report.results.map((result) => SHORT_OUTCOME[result.outcome]),
      report.repository.url === undefined ? (report.repository.path ?? report.repository.name) : report.repository.name,
    ),
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
};

export const csvRenderer: Renderer = {
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
  header: () => csvRow(CSV_COLUMNS),
  renderProblem: (target, problem) => csvRow([target, "", "", ...allIndicators.map(() => ""), problem]),
};
