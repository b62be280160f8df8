// The one registry of indicators, in the Standard's order. Each definition carries everything
// about its indicator; the ids, the declaration's sections and exemptions, the fix templates,
// the DPGA fields, the report schema's enum and the docs tables are derived from this list.
// Adding an indicator: its module, one line here, its test, and `npm run generate` for the docs.
import type { Indicator } from "../core/indicator.js";
import { sdgRelevance } from "./sdg-relevance.js";
import { openLicense } from "./open-license.js";
import { clearOwnership } from "./clear-ownership.js";
import { platformIndependence } from "./platform-independence.js";
import { documentation } from "./documentation.js";
import { dataExtraction } from "./data-extraction.js";
import { privacyAndLaw } from "./privacy-and-law.js";
import { standardsAndPractices } from "./standards-and-practices.js";
import { dataPrivacySecurity } from "./data-privacy-security.js";
import { harmfulContent } from "./harmful-content.js";
import { harassmentProtection } from "./harassment-protection.js";
import { withExemption } from "./shared/with-exemption.js";

/** The definitions with their exact types (the declaration's type is derived from them). */
export const INDICATOR_DEFINITIONS = [
  sdgRelevance,
  openLicense,
  clearOwnership,
  platformIndependence,
  documentation,
  dataExtraction,
  privacyAndLaw,
  standardsAndPractices,
  dataPrivacySecurity,
  harmfulContent,
  harassmentProtection,
] as const;

export type RegisteredIndicatorId = (typeof INDICATOR_DEFINITIONS)[number]["id"];

/** The indicators as a screen runs them: those whose definition allows it can be exempted. */
export const allIndicators: readonly (Indicator & { id: RegisteredIndicatorId })[] = INDICATOR_DEFINITIONS.map(
  (indicator) => withExemption<Indicator & { id: RegisteredIndicatorId }>(indicator),
);

/** The rows of the DPG Standard, in the Standard's order. */
export const INDICATOR_IDS: readonly RegisteredIndicatorId[] = INDICATOR_DEFINITIONS.map((indicator) => indicator.id);
