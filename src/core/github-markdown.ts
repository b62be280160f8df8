// The one way text from a screened repository enters markdown that the App posts to GitHub or
// the CLI prints: file and folder names, declaration keys and values, quoted lines. A fork's pull
// request controls all of it, so none of it may become a mention (people get pinged under the
// App's name), an issue reference, a link, an image, HTML, code or structure.
//
// GitHub links mentions and references after rendering, in the HTML text, so a backslash does
// not stop them: a zero-width space after "@" and "#" does, and shows nothing. Markdown syntax is
// backslash-escaped (CommonMark: any ASCII punctuation may be), HTML is entity-escaped, and
// newlines and control characters are removed, so a value cannot start a heading or leave a table
// cell. URLs become links only when they are plain http(s) URLs with nothing that could close the
// link early.
import { cleanText } from "./clean-text.js";

const ZERO_WIDTH_SPACE = "\u200b";

/** Markdown punctuation that can start emphasis, code, links, images, tables or escapes, anywhere in a line. */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~]/g;

/**
 * A code span whose content can do nothing (letters, digits and a few separators: no "@", "#",
 * "<" or backtick), as the screener's own messages use them ("Declare `owner.name`"); kept as code.
 */
const PLAIN_CODE_SPAN = /`[A-Za-z0-9_.\-/:=,+ ]{1,100}`/g;

/**
 * Inline text from a repository, made inert: safe inside a paragraph, a list item, a heading or a
 * table cell, and rendered as the characters it holds (mentions and references without the link).
 */
export function escapeMarkdown(text: string): string {
  const flat = cleanText(text).replace(/\r\n?|\n|\u2028|\u2029/g, " ");
  let escaped = "";
  let last = 0;
  for (const match of flat.matchAll(PLAIN_CODE_SPAN)) {
    escaped += escapeInline(flat.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  escaped += escapeInline(flat.slice(last));
  // A heading, list marker or setext underline at the start would give the text structure.
  return escaped.replace(/^(\s*)([-+=#])/, "$1\\$2");
}

function escapeInline(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(MARKDOWN_PUNCTUATION, "\\$&")
      // "@user", "@org/team", "#12", "owner/repo#12", "GH-12": GitHub links these in rendered text.
      .replace(/([@#])(?=[\p{L}\p{N}_-])/gu, `$1${ZERO_WIDTH_SPACE}`)
      .replace(/\b(GH)-(?=\d)/gi, `$1${ZERO_WIDTH_SPACE}-`)
  );
}

/**
 * Text from a repository as inline code (a file name, a key): GitHub renders nothing inside a
 * code span, not even mentions. The fence is one backtick longer than any run of backticks in the
 * text, so the text cannot close it; newlines and control characters become spaces.
 */
export function codeSpan(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const flat = cleanText(text).replace(/[\r\n\u2028\u2029\t\u0000-\u001f]/g, " ");
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || flat.startsWith(" ") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Characters that may not appear in a URL rendered as a link: they could end the link or the markdown around it. */
const UNSAFE_URL = /[\s<>"'`\\[\](){}|^]/;

/** The URL when it is a plain http(s) URL that is safe to render as a link, else undefined. */
export function safeUrl(url: string): string | undefined {
  if (url.length > 2048 || UNSAFE_URL.test(url) || cleanText(url) !== url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  if (parsed.username !== "" || parsed.password !== "") return undefined;
  return url;
}

/**
 * A link whose label and address may come from a repository: a live link only when the address
 * is safe, otherwise the escaped text of both.
 */
export function markdownLink(label: string, url: string): string {
  const safe = safeUrl(url);
  if (safe === undefined) return `${escapeMarkdown(label)} (${escapeMarkdown(url)})`;
  return `[${escapeMarkdown(label)}](${safe})`;
}

/** A bare URL from a repository: an autolink when safe, escaped text otherwise. */
export function markdownUrl(url: string): string {
  const safe = safeUrl(url);
  return safe === undefined ? escapeMarkdown(url) : `<${safe}>`;
}
