// What an indicator is: metadata next to a pure evaluation over an already-read snapshot view.
import type { Outcome } from "./outcome.js";
import type { FileListing, FileRead, RepositoryMetadata } from "./snapshot.js";
import type { AssetType } from "./asset-type.js";
import type { ZodType } from "zod";

/**
 * A row of the DPG Standard, such as "3" or "9a". The indicator registry
 * (src/indicators/registry.ts) lists them, in the Standard's order, as INDICATOR_IDS.
 */
export type IndicatorId = string;

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

/**
 * Facts computed once per screen and shared by the indicators. Its fields are the facts of the
 * registry (src/engine/facts/registry.ts merges them in, one per fact module), so a new fact
 * is its module and one registry line; what each field holds is typed in core (license-facts.ts…).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the fact registry
export interface IndicatorContext {}

/**
 * Whether maintainers may exempt the indicator in .github/dpg.yml. An exemption always needs a
 * reason and never hides what the screener verified (indicators/shared/with-exemption.ts).
 */
export type Exemption =
  | { allowed: true }
  /** `name` and `why` form the message: indicator 2 (open licence) cannot be exempted: … */
  | { allowed: false; name: string; why: string };

/** The indicator's part of .github/dpg.yml: where it sits, its schema, and what to copy. */
export interface DeclarationSection {
  /** The key of the section, e.g. "owner". */
  key: string;
  /** The top-level key that holds the section when several indicators share one, e.g. "doNoHarm". */
  group?: string;
  /** The zod schema of the section's value (validation, the JSON Schema and the docs). */
  schema: ZodType;
  /** The YAML a maintainer copies into .github/dpg.yml, with <placeholders> the schema rejects. */
  template: string;
  /** For docs/declaration.md: the keys, in markdown, and the DPGA question they answer. */
  keys: string;
  question: string;
}

/** A file a suggested fix adds, with a template to copy. */
export interface FileTemplate {
  path: string;
  /** Language of the fenced code block. */
  language: string;
  content: string;
}

/**
 * The indicator's own part of its suggested-fix issue (reporters/fix-issue.ts): the first steps,
 * the files to add, and whether to offer approved licences. The declaration section, the
 * declare and exempt steps and the commit step follow from the rest of the definition.
 */
export interface IndicatorFixTemplate {
  steps: readonly string[];
  files?: readonly FileTemplate[];
  /** Offer approved open licences for the repository's asset types. */
  licenseChoices?: boolean;
  /**
   * When the finding's evidence lists a file whose path matches `path`, the repository has the file
   * the template would add: `whenPresent` replaces `steps`, and `files` are left out. `{path}` in a
   * step stands for that file's path.
   */
  present?: { path: RegExp; whenPresent: readonly string[] };
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
  exemption: Exemption;
  /** Its section of the declaration; absent when nothing can be declared for it. */
  declaration?: DeclarationSection;
  /** What its suggested-fix issue offers besides the declaration section; absent when only that. */
  fixTemplate?: IndicatorFixTemplate;
  /** The fields of the DPGA application (the registry's entry format) this indicator answers. */
  dpgaFields: readonly string[];
  /** For the README's indicator table: what the screener verifies or collects, and what a human must declare. */
  verifies: string;
  declares: string;
  /** The paths this indicator will read, chosen from the listing. */
  files(paths: readonly string[]): readonly string[];
  evaluate(view: SnapshotView, context: IndicatorContext): IndicatorFinding;
}

/**
 * Identity helper so each indicator module gets full type checking at its definition. The exact
 * type is kept, so the registry can derive the declaration's type from the sections.
 */
export function defineIndicator<const I extends Indicator>(indicator: I): I {
  return indicator;
}
