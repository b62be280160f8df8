// The one registry of indicators, in the Standard's order. Adding an indicator means adding
// it here; reporters, the issue checklist and the JSON contract follow automatically.
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

/** Every indicator but the licence can be exempted in .github/dpg.yml, with a reason. */
export const allIndicators: readonly Indicator[] = [
  withExemption(sdgRelevance),
  openLicense,
  withExemption(clearOwnership),
  withExemption(platformIndependence),
  withExemption(documentation),
  withExemption(dataExtraction),
  withExemption(privacyAndLaw),
  withExemption(standardsAndPractices),
  withExemption(dataPrivacySecurity),
  withExemption(harmfulContent),
  withExemption(harassmentProtection),
];
