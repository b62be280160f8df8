// The one registry of shared facts, in build order: a fact comes after the facts it needs.
// Adding a fact is its module, one line here, and its field in IndicatorContext.
import type { FactKey } from "../fact.js";
import { declarationFact } from "./declaration-fact.js";
import { licensesFact } from "./licenses-fact.js";
import { manifestsFact } from "./manifests-fact.js";
import { assetTypesFact } from "./asset-types-fact.js";

export const allFacts = [declarationFact, manifestsFact, licensesFact, assetTypesFact] as const;

// Every field of IndicatorContext has a builder: a missing one is a type error here.
type Unbuilt = Exclude<FactKey, (typeof allFacts)[number]["key"]>;
export const everyFactBuilt: [Unbuilt] extends [never] ? true : Unbuilt = true;
