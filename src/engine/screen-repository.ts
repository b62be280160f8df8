// The engine: one screen of one repository snapshot, from file list to Report.
// No file system or GitHub code here; the snapshot hides where the files live.
import type { AssetType, AssetTypeDecision } from "../core/asset-type.js";
import type { LicenseFacts } from "../core/license-facts.js";
import type { DeclarationFacts } from "../core/declaration-facts.js";
import type { Indicator, IndicatorContext, IndicatorFinding, SnapshotView } from "../core/indicator.js";
import { cleanStrings } from "../core/clean-text.js";
import { isMet } from "../core/outcome.js";
import { REPORT_SCHEMA_VERSION, type IndicatorResult, type Report } from "../core/report.js";
import { DEFAULT_MAX_FILE_BYTES, type FileListing, type FileRead, type RepositorySnapshot } from "../core/snapshot.js";
import { allIndicators } from "../indicators/registry.js";
import { licenseFiles, buildLicenseFacts } from "../licenses/build-license-facts.js";
import { decideAssetTypes } from "../licenses/decide-asset-types.js";
import { declarationFiles, buildDeclarationFacts } from "../declaration/build-declaration-facts.js";

/** Upper bound on files read in one screen, whatever the indicators ask for. */
export const MAX_FILES_READ = 600;

export interface ScreenOptions {
  tool: { name: string; version: string };
  indicators?: readonly Indicator[];
  /** Asset types given on the command line; they override detection but not a declaration. */
  assetTypes?: readonly AssetType[];
  /** A declaration loaded elsewhere (the App reads it through its config loader). */
  declaration?: DeclarationFacts;
  maxFileBytes?: number;
}

export async function screenRepository(snapshot: RepositorySnapshot, options: ScreenOptions): Promise<Report> {
  const indicators = options.indicators ?? allIndicators;
  const warnings: string[] = [];

  // 1. List the files.
  const listing = await snapshot.listFiles();
  if (listing.truncated) {
    warnings.push(
      `The file list is incomplete (${listing.truncatedReason ?? "truncated"}); files past the cut were not screened.`,
    );
  }

  // 2. Ask every indicator and fact builder which files it needs, and read them in one batch.
  const wanted = selectFiles(listing, indicators, options.declaration === undefined);
  if (wanted.size > MAX_FILES_READ) {
    warnings.push(`Only the first ${MAX_FILES_READ} of ${wanted.size} candidate files were read.`);
  }
  const selected = [...wanted].slice(0, MAX_FILES_READ);
  const files = await snapshot.readFiles(selected, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  const view = createView(snapshot, listing, files);

  // 3. Establish the shared facts: declaration, licences, asset types.
  //    Each is guarded: a fact that cannot be established costs its rows, never the report.
  const declaration = options.declaration ?? buildDeclarationFacts(view);
  const licenses = guard(
    () => buildLicenseFacts(view),
    (message): LicenseFacts => ({
      licenses: [],
      license: null,
      conflicts: [],
      unidentified: [],
      failure: `licence detection failed: ${message}`,
    }),
  );
  const assetTypes = guard(
    () => decideAssetTypes(view, { licenses, declaration, override: options.assetTypes }),
    (message): AssetTypeDecision => ({
      types: ["software"],
      source: "detected",
      reason: `treated as software because asset-type detection failed: ${message}`,
    }),
  );
  const context: IndicatorContext = { assetTypes, licenses, declaration };

  // 4. Evaluate every indicator; one that throws becomes an error row, never a lost report.
  const results = indicators.map((indicator) => evaluateIndicator(indicator, view, context));

  // 5. Assemble the serialisable report.
  const metadata = snapshot.metadata;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: options.tool,
    repository: {
      name: metadata.fullName ?? metadata.name ?? metadata.path ?? "repository",
      ...(metadata.path === undefined ? {} : { path: metadata.path }),
      ...(metadata.url === undefined ? {} : { url: metadata.url }),
      ...(metadata.commit === undefined ? {} : { ref: metadata.commit }),
    },
    assetTypes: assetTypes.types,
    assetTypeSource: { source: assetTypes.source, reason: assetTypes.reason },
    results,
    licenses: cleanStrings(licenses.licenses),
    license: licenses.license,
    licenseConflicts: cleanStrings(licenses.conflicts),
    declaration: {
      ...(declaration.path === undefined ? {} : { path: declaration.path }),
      status: declaration.status,
      problems: cleanStrings(declaration.problems),
      ...(declaration.value === undefined ? {} : { value: cleanStrings(declaration.value) }),
    },
    warnings,
  };
}

function selectFiles(listing: FileListing, indicators: readonly Indicator[], readDeclaration: boolean): Set<string> {
  const wanted = new Set<string>();
  const add = (paths: readonly string[]) => {
    for (const path of paths) wanted.add(path);
  };
  if (readDeclaration) add(declarationFiles(listing.paths));
  add(licenseFiles(listing.paths));
  for (const indicator of indicators) add(indicator.files(listing.paths));
  return wanted;
}

function createView(
  snapshot: RepositorySnapshot,
  listing: FileListing,
  files: ReadonlyMap<string, FileRead>,
): SnapshotView {
  return {
    metadata: snapshot.metadata,
    listing,
    read(path: string): FileRead {
      const file = files.get(path);
      if (file === undefined) {
        if (!listing.paths.includes(path)) return { kind: "missing" };
        throw new Error(`internal: ${path} was not selected for reading; add it to the indicator's files()`);
      }
      return file;
    },
  };
}

export function evaluateIndicator(
  indicator: Indicator,
  view: SnapshotView,
  context: IndicatorContext,
): IndicatorResult {
  const base = { indicator: indicator.id, title: indicator.title, docsUrl: indicator.docsUrl };
  const applies =
    indicator.appliesTo === undefined || context.assetTypes.types.some((type) => indicator.appliesTo?.includes(type));
  if (!applies) {
    return {
      ...base,
      outcome: "not-applicable",
      summary: `Does not apply to ${context.assetTypes.types.join(" and ")} (applies to ${indicator.appliesTo?.join(", ")}).`,
      evidence: [],
    };
  }
  let finding: IndicatorFinding;
  try {
    finding = indicator.evaluate(view, context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, outcome: "error", summary: `The screener failed on this indicator: ${message}`, evidence: [] };
  }
  finding = cleanStrings(finding);
  const result: IndicatorResult = {
    ...base,
    outcome: finding.outcome,
    summary: finding.summary,
    evidence: finding.evidence,
  };
  if (finding.criteria !== undefined) result.criteria = finding.criteria;
  if (!isMet(finding.outcome)) result.fix = finding.fix ?? indicator.remediation;
  return result;
}

function guard<T>(build: () => T, fallback: (message: string) => T): T {
  try {
    return build();
  } catch (error) {
    return fallback(error instanceof Error ? error.message : String(error));
  }
}
