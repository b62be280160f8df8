// Which asset types the repository holds: declared, given as an option, or detected.
import type { AssetTypeDecision } from "../../core/asset-type.js";
import { decideAssetTypes } from "../../licenses/decide-asset-types.js";
import { defineFact } from "../fact.js";
import { declarationFact } from "./declaration-fact.js";
import { licensesFact } from "./licenses-fact.js";

export const assetTypesFact = defineFact({
  key: "assetTypes",
  needs: [licensesFact, declarationFact],
  // Detection reads the listing only; the files it weighs are those the licence fact reads.
  files: () => [],
  build: (view, facts, options) =>
    decideAssetTypes(view, { licenses: facts.licenses, declaration: facts.declaration, override: options.assetTypes }),
  fallback: (message): AssetTypeDecision => ({
    types: ["software"],
    source: "detected",
    reason: `treated as software because asset-type detection failed: ${message}`,
  }),
});
