// The hidden part of the App's issues: a marker that says which issue it is, and the state of
// the result it was last written from, so an ensure operation can tell "unchanged" from "worse".
import { createHash } from "node:crypto";
import type { IndicatorId } from "../core/indicator.js";

/** Marks the one tracking issue per repository. */
export const TRACKING_MARKER = "<!-- dpg-screener:tracking -->";

/** Marks the suggested-fix issue of one indicator. */
export function fixIssueMarker(indicator: IndicatorId): string {
  return `<!-- dpg-screener:fix:${indicator} -->`;
}

/** What an issue body remembers about the result it was written from. */
export interface IssueState {
  /** Hash of the result's content; equal fingerprints mean the body needs no edit. */
  fingerprint: string;
  /** The indicators that were not met, to recognise a row that newly fails. */
  unmet: IndicatorId[];
}

const STATE_PREFIX = "<!-- dpg-screener:state ";
const STATE_PATTERN = /<!-- dpg-screener:state (\{[^\n]*?\}) -->/;

export function renderIssueState(state: IssueState): string {
  return `${STATE_PREFIX}${JSON.stringify(state)} -->`;
}

/** The state written into `body`, or undefined when the body has none (or a human broke it). */
export function readIssueState(body: string | null | undefined): IssueState | undefined {
  const match = STATE_PATTERN.exec(body ?? "");
  if (match?.[1] === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(match[1]);
    if (typeof value !== "object" || value === null) return undefined;
    const { fingerprint, unmet } = value as Record<string, unknown>;
    if (typeof fingerprint !== "string" || !Array.isArray(unmet) || !unmet.every((item) => typeof item === "string"))
      return undefined;
    return { fingerprint, unmet: unmet as IndicatorId[] };
  } catch {
    return undefined;
  }
}

/** A short, stable hash of JSON-serialisable content. */
export function computeFingerprint(content: unknown): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 16);
}
