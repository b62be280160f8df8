// GitHub's documented limits on what the App writes, enforced at the last step before a write,
// whatever the renderers did: a field over its limit is cut (on a character boundary) and the
// cut is logged, instead of GitHub refusing the whole write with 422.
import { formatCount } from "../core/format-count.js";

/** Checks API, "Update a check run": output.title, summary and text are at most 65,535 characters (counted in UTF-8 bytes). */
export const MAX_CHECK_RUN_OUTPUT_BYTES = 65_535;
/** Checks API, annotations[].message and raw_details: "The maximum size is 64 KB". */
export const MAX_ANNOTATION_FIELD_BYTES = 64 * 1024;
/** Checks API, annotations[].title: "The maximum size is 255 characters". */
export const MAX_ANNOTATION_TITLE_CHARACTERS = 255;
/** Issues API: GitHub refuses a title over 256 characters ("title is too long (maximum is 256 characters)"). */
export const MAX_ISSUE_TITLE_CHARACTERS = 256;
/** Issues API: an issue or comment body is at most 65,536 characters ("body is too long (maximum is 65536 characters)"). */
export const MAX_ISSUE_BODY_CHARACTERS = 65_536;

const CUT_MARK = "…";

/** `text` cut to at most `maxBytes` of UTF-8, never inside a character, ending with "…" when cut. */
export function capBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  let end = Math.max(0, maxBytes - Buffer.byteLength(CUT_MARK));
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString("utf8") + CUT_MARK;
}

/** `text` cut to at most `maxCharacters` UTF-16 code units (GitHub's count), never inside a surrogate pair. */
export function capCharacters(text: string, maxCharacters: number): string {
  if (text.length <= maxCharacters) return text;
  let end = maxCharacters - CUT_MARK.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + CUT_MARK;
}

/** A hidden last line (the App's issue state) longer than this is not kept through a cut. */
const MAX_KEPT_TAIL = 2000;

/**
 * An issue or comment body within GitHub's limit. A cut says so, and keeps a hidden last line
 * (the App's `<!-- dpg-screener:state … -->`), so an unchanged result is still recognised.
 */
export function capIssueBody(body: string): string {
  if (body.length <= MAX_ISSUE_BODY_CHARACTERS) return body;
  const notice = `\n\n**… cut here: GitHub shows at most ${formatCount(MAX_ISSUE_BODY_CHARACTERS)} characters; the check run and \`dpg-screener screen\` have the rest.**`;
  const lastBreak = body.lastIndexOf("\n");
  const tail =
    lastBreak >= 0 && body.startsWith("<!--", lastBreak + 1) && body.length - lastBreak <= MAX_KEPT_TAIL
      ? body.slice(lastBreak)
      : "";
  const head = body.slice(0, body.length - tail.length);
  return capCharacters(head, MAX_ISSUE_BODY_CHARACTERS - notice.length - tail.length) + notice + tail;
}
