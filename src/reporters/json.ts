// Report → JSON, the public machine contract (docs/report.md, schema/report.schema.json).
import type { Report } from "../core/report.js";

/** One report as a single line, so several targets make valid JSON Lines. */
export function renderJson(report: Report): string {
  return JSON.stringify(report);
}
