// The CLI's output formats, in one record: how each renders a report, whether reports are
// one per line (JSON Lines) or separated by a blank line, and the line the usage text shows.
// Adding a format is one entry here; the usage text and the --format check follow from it.
// Each renderer is imported only when its format is used: --help, --version and the argument
// checks read this record without loading any renderer or the indicator registry.
import type { Report } from "../core/report.js";

export interface RenderOptions {
  /** Whether stdout is a terminal (colour and symbols in text output). */
  tty: boolean;
}

/** How a format writes reports, once loaded. */
export interface Renderer {
  render: (report: Report, options: RenderOptions) => string;
  /** Written once before the first report: a table's or spreadsheet's header. */
  header?: () => string;
  /**
   * A row for a target that could not be screened, so a table stays complete (stderr says why
   * in every format).
   */
  renderProblem?: (target: string, problem: string) => string;
}

export interface OutputFormat {
  /** One report per line, no separator between targets (JSON Lines). */
  lineDelimited: boolean;
  /** One short line for the usage text. */
  description: string;
  /** Imports the renderer. */
  load: () => Promise<Renderer>;
}

const FORMAT_RECORD = {
  text: {
    lineDelimited: false,
    description: "a table with evidence and fixes; colour on a terminal",
    load: async () => {
      const { renderText } = await import("../reporters/text.js");
      return { render: (report, options) => renderText(report, { tty: options.tty }) };
    },
  },
  json: {
    lineDelimited: true,
    description: "the report as JSON Lines, one object per target",
    load: async () => {
      const { renderJson } = await import("../reporters/json.js");
      return { render: (report) => `${renderJson(report)}\n` };
    },
  },
  markdown: {
    lineDelimited: false,
    description: "for issues, pull requests and applications",
    load: async () => {
      const { renderMarkdown } = await import("../reporters/markdown.js");
      return { render: (report) => renderMarkdown(report) };
    },
  },
  dpga: {
    lineDelimited: true,
    description: "a DPGA application draft as JSON Lines",
    load: async () => {
      const { renderDpgaJson } = await import("../reporters/dpga.js");
      return { render: (report) => `${renderDpgaJson(report)}\n` };
    },
  },
  "dpga-markdown": {
    lineDelimited: false,
    description: "a DPGA application draft as markdown",
    load: async () => {
      const { renderDpgaMarkdown } = await import("../reporters/dpga.js");
      return { render: (report) => renderDpgaMarkdown(report) };
    },
  },
  table: {
    lineDelimited: true,
    description: "one line per target: each indicator's outcome (default for --org)",
    load: async () => (await import("./outcome-rows.js")).tableRenderer,
  },
  csv: {
    lineDelimited: true,
    description: "one spreadsheet row per target: each indicator's outcome (RFC 4180)",
    load: async () => (await import("./outcome-rows.js")).csvRenderer,
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
