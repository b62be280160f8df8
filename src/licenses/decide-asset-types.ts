// Decides which asset types a repository holds: a declaration wins, then an explicit option,
// then what the files suggest. Mostly code means software.
import type { AssetType, AssetTypeDecision } from "../core/asset-type.js";
import { isAssetType } from "../core/asset-type.js";
import type { DeclarationFacts } from "../core/declaration-facts.js";
import type { SnapshotView } from "../core/indicator.js";
import type { LicenseFacts } from "../core/license-facts.js";

export interface AssetTypeInputs {
  licenses: LicenseFacts;
  declaration: DeclarationFacts;
  override: readonly AssetType[] | undefined;
}

export function decideAssetTypes(view: SnapshotView, inputs: AssetTypeInputs): AssetTypeDecision {
  const declared = inputs.declaration.value?.["assetTypes"];
  if (Array.isArray(declared)) {
    const types = declared.filter((value): value is AssetType => typeof value === "string" && isAssetType(value));
    if (types.length > 0) return { types, source: "declaration", reason: `declared in ${inputs.declaration.path ?? ".github/dpg.yml"}` };
  }
  if (inputs.override !== undefined && inputs.override.length > 0) {
    return { types: [...inputs.override], source: "option", reason: "given on the command line" };
  }
  const paths = view.listing.paths;
  if (paths.some((path) => /(^|\/)datapackage\.json$/i.test(path))) {
    return { types: ["data"], source: "detected", reason: "a datapackage.json describes the repository's datasets" };
  }
  return { types: ["software"], source: "detected", reason: "the repository holds source code" };
}
