// Renders one piece of evidence as markdown, linking files when a base URL is known
// (e.g. https://github.com/o/r/blob/<sha>/), with a #L anchor for lines. Everything that came from
// the repository goes through src/core/github-markdown.ts.
import { codeSpan, escapeMarkdown, markdownUrl, safeUrl } from "../core/github-markdown.js";
import type { Evidence } from "../core/indicator.js";

export { escapeMarkdown } from "../core/github-markdown.js";

export interface LinkOptions {
  /** Prefix for file links, ending in "/"; files are shown as code when absent. */
  fileBase?: string;
}

/** A path segment for a URL: also encodes the characters encodeURIComponent leaves that could end a markdown link. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function fileLink(path: string, line: number | undefined, options: LinkOptions): string {
  const label = codeSpan(`${path}${line === undefined ? "" : `:${line}`}`);
  if (options.fileBase === undefined) return label;
  const url = `${options.fileBase}${path.split("/").map(encodeSegment).join("/")}${line === undefined ? "" : `#L${line}`}`;
  return safeUrl(url) === undefined ? label : `[${label}](${url})`;
}

export function renderEvidenceMarkdown(evidence: Evidence, options: LinkOptions = {}): string {
  const where: string[] = [];
  if (evidence.path !== undefined) where.push(fileLink(evidence.path, evidence.line, options));
  if (evidence.url !== undefined) where.push(markdownUrl(evidence.url));
  const note = escapeMarkdown(evidence.note);
  return where.length === 0 ? note : `${where.join(" ")} — ${note}`;
}
