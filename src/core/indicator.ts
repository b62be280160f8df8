// What an indicator is: metadata next to a pure evaluation over an already-read snapshot view.
import type { Outcome } from "./outcome.js";
import type { FileListing, FileRead, RepositoryMetadata } from "./snapshot.js";
import type { AssetType, AssetTypeDecision } from "./asset-type.js";
import type { LicenseFacts } from "./license-facts.js";
import type { DeclarationFacts } from "./declaration-facts.js";

/** The eleven rows of the DPG Standard, in the Standard's order. */
export const INDICATOR_IDS = ["1", "2", "3", "4", "5", "6", "7", "8", "9a", "9b", "9c"] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** How far the screener can decide an indicator without a human. */
export type Automation = "full" | "partial" | "manual";

/** One piece of evidence: where it is (file and line, or a URL) and what it shows. */
export interface Evidence {
  path?: string;
  /** 1-based line number in `path`. */
  line?: number;
  url?: string;
  note: string;
}

/** A concrete fix, as plain text (CLI) and as markdown (GitHub). */
export interface Fix {
  text: string;
  markdown: string;
}

/** A named sub-criterion, phrased as a question, with its own outcome. */
export interface Criterion {
  question: string;
  outcome: Outcome;
  evidence?: Evidence[];
}

/** What an indicator's evaluation returns; the engine adds the id and title. */
export interface IndicatorFinding {
  outcome: Outcome;
  /** One line that says what was found. */
  summary: string;
  evidence: Evidence[];
  criteria?: Criterion[];
  /** Overrides the indicator's generic remediation when a more precise fix is known. */
  fix?: Fix;
}

/** The files an indicator asked for, already read, plus the listing and metadata. No I/O. */
export interface SnapshotView {
  readonly metadata: RepositoryMetadata;
  readonly listing: FileListing;
  /** Returns a file read before evaluation. Throws if the path was not selected for reading. */
  read(path: string): FileRead;
}

/** Facts computed once per screen and shared by the indicators. */
export interface IndicatorContext {
  assetTypes: AssetTypeDecision;
  licenses: LicenseFacts;
  declaration: DeclarationFacts;
}

export interface Indicator {
  id: IndicatorId;
  title: string;
  /** The Standard's requirement in one line. */
  requirement: string;
  automation: Automation;
  /** Generic fix shown when the indicator is not met and the finding has no precise fix. */
  remediation: Fix;
  /** The DPGA's guidance for this indicator. */
  docsUrl: string;
  /** Asset types the indicator applies to; `not-applicable` for the others. All when omitted. */
  appliesTo?: readonly AssetType[];
  /** The paths this indicator will read, chosen from the listing. */
  files(paths: readonly string[]): readonly string[];
  evaluate(view: SnapshotView, context: IndicatorContext): IndicatorFinding;
}

/** Identity helper so each indicator module gets full type checking at its definition. */
export function defineIndicator(indicator: Indicator): Indicator {
  return indicator;
}
