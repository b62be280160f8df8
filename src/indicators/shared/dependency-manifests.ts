// Which dependency manifests a screen reads, and the dependencies they declare. Bounded to
// the root, one folder down, and the packages of a conventional monorepo layout
// (packages/*/, apps/*/, services/*/, modules/*/), so a monorepo is seen without reading every file.
import type { SnapshotView } from "../../core/indicator.js";
import { depth, isVendored } from "../../core/find-files.js";
import { manifestParser, parseManifest, type Dependency } from "./parse-manifest.js";

/** At most this many manifests are read; more is a monorepo, and the first ones tell enough. */
export const MAX_MANIFESTS = 40;

/** Tests, examples, docs and development or CI environments: the DPGA's guidance exempts tooling. */
const NOT_THE_PRODUCT =
  /(^|\/)(tests?|spec|examples?|samples?|demo|docs?|fixtures?|e2e|\.github|\.ddev|\.devcontainer|\.circleci|\.gitlab)\//i;

/** A manifest directly inside one package of a conventional monorepo folder: `packages/app/package.json`. */
const MONOREPO_PACKAGE = /^(packages|apps|services|modules)\/[^/]+\/[^/]+$/;

export function manifestFiles(paths: readonly string[]): string[] {
  return paths
    .filter(
      (path) =>
        (depth(path) <= 1 || MONOREPO_PACKAGE.test(path)) &&
        !isVendored(path) &&
        !NOT_THE_PRODUCT.test(path) &&
        manifestParser(path) !== undefined,
    )
    .sort((left, right) => depth(left) - depth(right))
    .slice(0, MAX_MANIFESTS);
}

export function readDependencies(view: SnapshotView): { manifests: string[]; dependencies: Dependency[] } {
  const manifests: string[] = [];
  const dependencies: Dependency[] = [];
  for (const path of manifestFiles(view.listing.paths)) {
    const file = view.read(path);
    if (file.kind !== "text") continue;
    manifests.push(path);
    dependencies.push(...parseManifest(path, file.text));
  }
  return { manifests, dependencies };
}
