// Which manifests a screen reads: every file a manifest ecosystem recognises, anywhere in the
// listing, except under tests, fixtures, examples, samples, vendored or generated code, build
// output, documentation sites and development tooling (the path classifier decides). Bounded:
// the shallowest MAX_MANIFESTS are read, and how many were left out is part of the facts.
import { classifyPath } from "../core/classify-path.js";
import { depth } from "../core/find-files.js";
import { manifestEcosystem } from "./manifest-ecosystems.js";

/** At most this many manifests are read per screen; a tree with more is summarised by its shallowest ones. */
export const MAX_MANIFESTS = 120;

export interface ManifestSelection {
  chosen: string[];
  /** How many manifests the listing holds outside the ignored paths. */
  candidates: number;
  skipped: number;
}

const selections = new WeakMap<readonly string[], ManifestSelection>();

export function selectManifests(paths: readonly string[]): ManifestSelection {
  let selection = selections.get(paths);
  if (selection === undefined) {
    const candidates = paths.filter((path) => manifestEcosystem(path) !== undefined && classifyPath(path).length === 0);
    const chosen = candidates
      .map((path, index) => ({ path, index, depth: depth(path) }))
      .sort((left, right) => left.depth - right.depth || left.index - right.index)
      .slice(0, MAX_MANIFESTS)
      .map(({ path }) => path);
    selection = { chosen, candidates: candidates.length, skipped: candidates.length - chosen.length };
    selections.set(paths, selection);
  }
  return selection;
}

/** The manifests a screen reads (for the engine's batch read). */
export function manifestFiles(paths: readonly string[]): string[] {
  return selectManifests(paths).chosen;
}
