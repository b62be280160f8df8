// The project's licences: texts, notices, headers and manifests, shared by rows 2 and 3 and the report.
import type { LicenseFacts } from "../../core/license-facts.js";
import { buildLicenseFacts, licenseFiles } from "../../licenses/build-license-facts.js";
import { defineFact } from "../fact.js";
import { manifestsFact } from "./manifests-fact.js";

export const licensesFact = defineFact({
  key: "licenses",
  needs: [manifestsFact],
  files: licenseFiles,
  build: (view, facts) => buildLicenseFacts(view, facts.manifests),
  // Indicator 2 reports an error on `failure`, never "no licence".
  fallback: (message): LicenseFacts => ({
    licenses: [],
    license: null,
    conflicts: [],
    unidentified: [],
    failure: `licence detection failed: ${message}`,
  }),
});
