// The one registry of shared facts, in build order: a fact comes after the facts it needs.
// Adding a fact is its module and one line here: the IndicatorContext the indicators read is
// derived from this list (below), so no field is written by hand anywhere else.
import type { FactValues } from "../fact.js";
import { declarationFact } from "./declaration-fact.js";
import { licensesFact } from "./licenses-fact.js";
import { manifestsFact } from "./manifests-fact.js";
import { assetTypesFact } from "./asset-types-fact.js";

export const allFacts = [declarationFact, manifestsFact, licensesFact, assetTypesFact] as const;

/** Every fact's value by its key, as the registry builds them. */
export type BuiltFacts = FactValues<typeof allFacts>;

// The core declares IndicatorContext (indicators type-check against it without importing the
// engine); its fields are merged in here, from the registry, so they cannot drift from it.
declare module "../../core/indicator.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the members come from BuiltFacts
  interface IndicatorContext extends BuiltFacts {}
}
