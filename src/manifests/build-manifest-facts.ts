// Manifest facts for one screen: every selected manifest is parsed once, and the licence
// code, indicator 4 and indicator 8 all read the result. A manifest that exists but could not
// be read is kept with the reason, so no row can mistake it for a missing one.
import type { FileRead } from "../core/snapshot.js";
import type { SnapshotView } from "../core/indicator.js";
import type { Dependency, ManifestFacts, ParsedManifest, UnreadManifest } from "../core/manifest-facts.js";
import { catalogKey } from "./parse-jvm-manifests.js";
import { manifestEcosystem, type CatalogEntry, type ManifestContent } from "./manifest-ecosystems.js";
import type { LineIndex } from "../core/line-index.js";
import { manifestText } from "./manifest-text.js";
import { selectManifests } from "./select-manifests.js";

export interface ManifestFactOptions {
  /** The per-file byte cap the files were read with, for the message about a file over it. */
  maxFileBytes: number;
}

export function buildManifestFacts(view: SnapshotView, options: ManifestFactOptions): ManifestFacts {
  const selection = selectManifests(view.listing.paths);
  const manifests: ParsedManifest[] = [];
  const unread: UnreadManifest[] = [];
  const catalog = new Map<string, CatalogEntry>();
  const references: { manifest: ParsedManifest; alias: string; line: number }[] = [];
  for (const path of selection.chosen) {
    const ecosystem = manifestEcosystem(path);
    if (ecosystem === undefined) continue;
    const file = view.read(path);
    if (file.kind !== "text") {
      const reason = unreadReason(file, options.maxFileBytes);
      if (reason !== undefined) unread.push({ path, reason, listsDependencies: ecosystem.listsDependencies });
      continue;
    }
    const content = readManifest(path, file.text) ?? { dependencies: [], licenses: [] };
    const manifest: ParsedManifest = {
      path,
      format: ecosystem.id,
      listsDependencies: ecosystem.listsDependencies,
      dependencies: content.dependencies,
      licenses: content.licenses,
      infrastructure: content.infrastructure ?? [],
      problems: content.problems ?? [],
    };
    manifests.push(manifest);
    for (const entry of content.catalog ?? []) catalog.set(catalogKey(entry.alias), entry);
    for (const reference of content.catalogReferences ?? []) references.push({ manifest, ...reference });
  }
  // Gradle build files name catalog aliases; the catalog (any file, read in any order) says what they are.
  for (const { manifest, alias, line } of references) {
    const entry = catalog.get(catalogKey(alias));
    const dependency: Dependency = {
      ecosystem: "maven",
      name: entry?.name ?? `libs.${alias}`,
      ...(entry?.version === undefined ? {} : { version: entry.version }),
      path: manifest.path,
      line,
    };
    manifest.dependencies.push(dependency);
  }
  for (const manifest of manifests) manifest.dependencies.sort((left, right) => left.line - right.line);
  return { manifests, unread, candidates: selection.candidates, skipped: selection.skipped };
}

/**
 * What one manifest declares, by its ecosystem's parser; undefined for a file no ecosystem reads.
 * A parser that throws (a nesting too deep for the JSON parser) gives a problem, not an error.
 */
export function readManifest(path: string, text: string, lines?: LineIndex): ManifestContent | undefined {
  const ecosystem = manifestEcosystem(path);
  if (ecosystem === undefined) return undefined;
  try {
    return ecosystem.read(manifestText(path, text, lines));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { dependencies: [], licenses: [], problems: [`${path} could not be parsed (${message})`] };
  }
}

function unreadReason(file: FileRead, cap: number): string | undefined {
  switch (file.kind) {
    case "too-large":
      return `is ${formatBytes(file.bytes)}, over the ${formatCap(cap)} cap, and was not read`;
    case "binary":
      return `is not text (${formatBytes(file.bytes)} of binary data) and was not read`;
    case "unreadable":
      return `could not be read (${file.reason})`;
    default:
      return undefined;
  }
}

/** Sizes as people say them: "30 MB", "2.4 MB", "700 KB". */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1e9, "GB"],
    [1e6, "MB"],
    [1e3, "KB"],
  ];
  for (const [size, unit] of units)
    if (bytes >= size) {
      const value = bytes / size;
      return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${unit}`;
    }
  return `${bytes} bytes`;
}

/** A cap as it is set: "1 MiB", "512 KiB". */
export function formatCap(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
