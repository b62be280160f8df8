// The engine: one screen of one repository snapshot, from file list to Report.
// No file system or GitHub code here; the snapshot hides where the files live.
import type { AssetType } from "../core/asset-type.js";
import type { Indicator, IndicatorContext, IndicatorFinding, SnapshotView } from "../core/indicator.js";
import { cleanStrings } from "../core/clean-text.js";
import { isMet } from "../core/outcome.js";
import { REPORT_SCHEMA_VERSION, type IndicatorResult, type Report } from "../core/report.js";
import { DEFAULT_MAX_FILE_BYTES, type FileListing, type FileRead, type RepositorySnapshot } from "../core/snapshot.js";
import { allIndicators } from "../indicators/registry.js";
import type { Fact, FactOptions } from "./fact.js";
import { allFacts } from "./facts/registry.js";
import { sdgSourceFiles, sdgSuggestionsFor } from "../sdg/sdg-sources.js";
import { buildProductFacts, productFiles } from "../product/product-facts.js";

/** Upper bound on files read in one screen, whatever the indicators ask for. */
export const MAX_FILES_READ = 600;

/**
 * Upper bound on text bytes one screen reads and scans, so that its time and memory stay bounded
 * whatever the repository holds: 600 files at the per-file cap would be 300 MiB. Files are read in
 * the order they were asked for (the shared facts first), so the licence, README and manifests are
 * read before the budget runs out; the files past it are said to be unread, never passed over.
 */
export const MAX_BYTES_READ = 16 * 1024 * 1024;

/** Files asked for in one read (GitHub's GraphQL batch of blobs). */
const READ_BATCH = 100;

export interface ScreenOptions {
  tool: { name: string; version: string };
  indicators?: readonly Indicator[];
  /** Asset types given on the command line; they override detection but not a declaration. */
  assetTypes?: readonly AssetType[];
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
  const wanted = selectFiles(listing, allFacts, indicators);
  if (wanted.size > MAX_FILES_READ) {
    warnings.push(`Only the first ${MAX_FILES_READ} of ${wanted.size} candidate files were read.`);
  }
  const selected = [...wanted].slice(0, MAX_FILES_READ);
  const { files, unread } = await readWithinBudget(snapshot, selected, MAX_BYTES_READ);
  if (unread > 0) {
    warnings.push(
      `${unread} of ${selected.length} files were not read: the screen's ${formatMebibytes(MAX_BYTES_READ)} read budget was spent on the files before them.`,
    );
  }
  const view = createView(snapshot, listing, files);

  // 3. Establish the shared facts (declaration, licences, asset types…), each in the registry's order.
  const context = buildFacts(view, allFacts, { assetTypes: options.assetTypes });
  const { assetTypes, licenses, declaration } = context;

  // 4. Evaluate every indicator; one that throws becomes an error row, never a lost report.
  const results = indicators.map((indicator) => evaluateIndicator(indicator, view, context));

  // SDG suggestions for reviewers (indicator 1 quotes the same ones); a failure costs only them.
  const sdgSuggestions = guard(
    () => sdgSuggestionsFor(view),
    (message) => {
      warnings.push(`SDG suggestions could not be made: ${message}`);
      return [];
    },
  );

  // The product's name, description and website, for the DPGA draft; a failure costs only them.
  const product = guard(
    () => buildProductFacts(view),
    (message) => {
      warnings.push(`The product's name and description could not be read: ${message}`);
      return {};
    },
  );

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
    // Only when licences were found below the root, as row 2's evidence shows them.
    ...((licenses.subtrees ?? []).length > 0
      ? {
          licenseSubtrees: cleanStrings(licenses.subtrees ?? []),
          ...(licenses.coverage === undefined ? {} : { licenseCoverage: cleanStrings(licenses.coverage) }),
        }
      : {}),
    declaration: {
      ...(declaration.path === undefined ? {} : { path: declaration.path }),
      status: declaration.status,
      problems: cleanStrings(declaration.problems),
      ...(declaration.value === undefined ? {} : { value: cleanStrings(declaration.value) }),
    },
    product: cleanStrings(product),
    sdgSuggestions: cleanStrings(sdgSuggestions),
    warnings,
  };
}

/**
 * Reads `paths` in order, in batches, until `budget` text bytes were read; every later path gets
 * an "unreadable" entry that says why. A file is kept when the bytes before it are within budget,
 * so which files are read does not depend on the batch size.
 */
export async function readWithinBudget(
  snapshot: RepositorySnapshot,
  paths: readonly string[],
  budget: number,
): Promise<{ files: Map<string, FileRead>; unread: number }> {
  const files = new Map<string, FileRead>();
  const spentReason = `not read: the screen's ${formatMebibytes(budget)} read budget was spent on the files before it`;
  let spent = 0;
  let unread = 0;
  for (let start = 0; start < paths.length; start += READ_BATCH) {
    const batch = paths.slice(start, start + READ_BATCH);
    if (spent >= budget) {
      for (const path of batch) files.set(path, { kind: "unreadable", reason: spentReason });
      unread += batch.length;
      continue;
    }
    const read = await snapshot.readFiles(batch, DEFAULT_MAX_FILE_BYTES);
    for (const path of batch) {
      const file = read.get(path);
      // Passed on as the snapshot gave it: a snapshot that breaks its contract is the engine's error to report.
      const text = isText(file);
      if (spent >= budget && text) {
        files.set(path, { kind: "unreadable", reason: spentReason });
        unread += 1;
        continue;
      }
      if (text) spent += file.bytes;
      if (file !== undefined) files.set(path, file);
    }
  }
  return { files, unread };
}

function isText(file: FileRead | null | undefined): file is FileRead & { kind: "text" } {
  return file?.kind === "text";
}

function formatMebibytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${bytes}-byte`;
}

function selectFiles(
  listing: FileListing,
  facts: readonly Pick<Fact, "files">[],
  indicators: readonly Indicator[],
): Set<string> {
  const wanted = new Set<string>();
  // The SDG suggestions and product facts are not facts indicators share, but read like them.
  for (const asker of [...facts, ...indicators, { files: sdgSourceFiles }, { files: productFiles }]) {
    for (const path of asker.files(listing.paths)) wanted.add(path);
  }
  return wanted;
}

/** Builds each fact from the files and the facts before it; one that throws gets its fallback. */
function buildFacts(view: SnapshotView, facts: readonly Fact[], options: FactOptions): IndicatorContext {
  const built: Partial<IndicatorContext> = {};
  for (const fact of facts) {
    const value = guard(
      () => fact.build(view, built as IndicatorContext, options),
      (message) => fact.fallback(message),
    );
    Object.assign(built, { [fact.key]: value });
  }
  return built as IndicatorContext;
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
  const base = {
    indicator: indicator.id,
    title: indicator.title,
    requirement: indicator.requirement,
    docsUrl: indicator.docsUrl,
  };
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
