// The licence facts a screen establishes once and shares (indicator 2, ownership, the report).

/** How a piece of licence evidence was found. */
export type LicenseMethod = "text" | "notice" | "manifest" | "header" | "readme" | "filename";

/** One licence found in one place. */
export interface LicenseEvidence {
  /** SPDX identifier (or LicenseRef-*) of what was found. */
  spdx: string;
  path: string;
  line?: number;
  method: LicenseMethod;
  /** 0..1: how sure the identification is. */
  confidence: number;
  /** What else was in the file beyond the licence text (preamble, extra terms), if anything. */
  note?: string;
  /**
   * The part of the repository this licence covers, when a file name says so
   * (LICENSE-CODE, LICENSE-DATA, LICENSE.docs.md); absent means the whole project.
   */
  part?: "code" | "data" | "content" | "model";
}

/** Two sources that disagree about the project's licence. */
export interface LicenseConflict {
  message: string;
  sources: { spdx: string; path: string; line?: number }[];
}

export interface LicenseFacts {
  /** Every licence found for the project itself (vendored folders excluded). */
  licenses: LicenseEvidence[];
  /** The project's licence as an SPDX expression, or null when none was established. */
  license: string | null;
  conflicts: LicenseConflict[];
  /** Licence-like files that could not be identified with confidence. */
  unidentified: { path: string; note: string }[];
  /** The licence of each part when code, data or content are licensed apart (AND of them = `license`). */
  parts?: { part: "project" | "code" | "data" | "content" | "model"; expression: string }[];
  /** Set when licence detection itself failed; indicator 2 then reports an error, not "no licence". */
  failure?: string;
  /** Licence files inside vendored or third-party folders: not the project's licence. */
  vendored?: string[];
}
