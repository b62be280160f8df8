// The CLI's output formats, in one record: how each renders a report, whether reports are
// one per line (JSON Lines) or separated by a blank line, and the line the usage text shows.
// Adding a format is one entry here; the usage text and the --format check follow from it.
import type { Report } from "../core/report.js";
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
}

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
