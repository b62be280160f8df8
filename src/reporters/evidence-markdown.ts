// Renders one piece of evidence as markdown, linking files when a base URL is known
// (e.g. https://github.com/o/r/blob/<sha>/), with a #L anchor for lines.
import type { Evidence } from "../core/indicator.js";

export interface LinkOptions {
  /** Prefix for file links, ending in "/"; files are shown as code when absent. */
  fileBase?: string;
}

/** Escapes characters that would break a markdown table cell or inline text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ").replace(/</g, "&lt;");
}

export function fileLink(path: string, line: number | undefined, options: LinkOptions): string {
  const label = `${path}${line === undefined ? "" : `:${line}`}`;
  if (options.fileBase === undefined) return `\`${label}\``;
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `[\`${label}\`](${options.fileBase}${encoded}${line === undefined ? "" : `#L${line}`})`;
}

export function renderEvidenceMarkdown(evidence: Evidence, options: LinkOptions = {}): string {
  const where: string[] = [];
  if (evidence.path !== undefined) where.push(fileLink(evidence.path, evidence.line, options));
  if (evidence.url !== undefined) where.push(`<${evidence.url}>`);
  const note = escapeMarkdown(evidence.note);
  return where.length === 0 ? note : `${where.join(" ")} — ${note}`;
}
