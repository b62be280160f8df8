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

/** Licences below the root of one subtree: nested licence files and the headers of sampled files. */
export interface LicenseSubtree {
  /** "apps/admin/", or "" for files at the root. */
  path: string;
  /** The subtree's own files (tests, fixtures, examples and vendored code excluded). */
  files: number;
  licenses: { spdx: string; path: string }[];
  /** Licence values of the subtree's package manifests (package.json, pom.xml, DESCRIPTION…), as SPDX expressions. */
  manifests?: { spdx: string; path: string; line: number }[];
  headers: {
    spdx: string;
    /** Sampled files carrying this header, of `sampled` in the subtree. */
    carrying: number;
    sampled: number;
    language: string;
    /** Source files of that language in the subtree. */
    sourceFiles: number;
    extraTerms: boolean;
  }[];
}

export interface LicenseFacts {
  /** Every licence found for the project itself (vendored folders excluded). */
  licenses: LicenseEvidence[];
  /** The project's licence as an SPDX expression, or null when none was established. */
  license: string | null;
  conflicts: LicenseConflict[];
  /** Licence-like files that could not be identified with confidence; `empty` when the file holds nothing. */
  unidentified: { path: string; note: string; empty?: true }[];
  /** The licence of each part when code, data or content are licensed apart (AND of them = `license`). */
  parts?: { part: "project" | "code" | "data" | "content" | "model"; expression: string }[];
  /** Set when licence detection itself failed; indicator 2 then reports an error, not "no licence". */
  failure?: string;
  /** Licence files inside vendored or third-party folders: not the project's licence. */
  vendored?: string[];
  /** Licences below the root, per subtree, when there are any. */
  subtrees?: LicenseSubtree[];
  /** What of the tree was read for licences (licence files, sampled headers). */
  coverage?: string;
}
