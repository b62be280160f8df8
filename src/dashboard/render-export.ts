// The organisation table as CSV (one row per repository, one column per row of the Standard) and
// as JSON, for spreadsheets and scripts. Same filters and order as the page, without paging.
import type { IndicatorId } from "../core/indicator.js";
import type { RepositorySummary } from "./repository-summary.js";

export function renderCsv(rows: readonly RepositorySummary[], indicators: readonly IndicatorId[]): string {
  const header = [
    "repository",
    "private",
    "commit",
    "screened_at",
    "met",
    "rows",
    "asset_types",
    "license",
    ...indicators.map((id) => `row_${id}`),
  ];
  const lines = [header.map(csvCell).join(",")];
  for (const row of rows) {
    lines.push(
      [
        `${row.owner}/${row.name}`,
        String(row.private),
        row.commit,
        row.screenedAt,
        String(row.met),
        String(row.rows),
        row.assetTypes.join(" "),
        row.license ?? "",
        ...indicators.map((id) => row.outcomes[id] ?? ""),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

export function renderJsonExport(rows: readonly RepositorySummary[]): string {
  return `${JSON.stringify(
    rows.map((row) => ({
      repository: `${row.owner}/${row.name}`,
      private: row.private,
      commit: row.commit,
      screenedAt: row.screenedAt,
      met: row.met,
      rows: row.rows,
      assetTypes: row.assetTypes,
      license: row.license,
      outcomes: row.outcomes,
    })),
  )}\n`;
}

/**
 * RFC 4180 quoting, and a leading apostrophe on cells a spreadsheet would run as a formula
 * (OWASP "CSV injection": = + - @ tab and carriage return).
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
