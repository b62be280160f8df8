// Licence facts for one screen: which files state a licence (licenseFiles), what each says,
// and the project's licence expression with its conflicts (buildLicenseFacts). Pure: no I/O.
import type { SnapshotView } from "../core/indicator.js";
import type { LicenseFacts } from "../core/license-facts.js";
import type { ManifestFacts } from "../core/manifest-facts.js";
import { collectLicenseEvidence } from "./collect-license-evidence.js";
import { decideLicenseExpression } from "./decide-license-expression.js";
import { selectLicenseFiles } from "./license-files.js";
import { summarizeSubtrees } from "./summarize-subtrees.js";

export { licenseFiles } from "./license-files.js";

export function buildLicenseFacts(view: SnapshotView, manifests: ManifestFacts): LicenseFacts {
  const selection = selectLicenseFiles(view.listing.paths);
  const collected = collectLicenseEvidence(view, selection.chosen, manifests);
  const summary = summarizeSubtrees(view, selection.subtrees, manifests);
  // Headers of sampled files are claims about the project (GNU notices give their scope too).
  const sampledHeaders = new Set(
    collected.evidence.filter((item) => item.method === "header").map((item) => item.spdx),
  );
  for (const header of summary.headers) {
    if (sampledHeaders.has(header.spdx)) continue;
    collected.evidence.push({
      spdx: header.spdx,
      path: header.path,
      line: header.line,
      method: "header",
      confidence: 0.8,
      note: `licence header in ${header.carrying} of ${summary.sampled} source files sampled across the tree${header.extraTerms ? ", with extra terms" : ""}`,
    });
  }
  const decision = decideLicenseExpression(collected.evidence, collected.invalidValues);
  // A conflict already names the source; listing it again as evidence of the project would mislead.
  return {
    licenses: collected.evidence,
    license: decision.license,
    conflicts: decision.conflicts,
    unidentified: collected.unidentified,
    parts: decision.parts,
    vendored: selection.vendored,
    ...(summary.subtrees.length > 0 ? { subtrees: summary.subtrees } : {}),
    coverage: summary.coverage,
  };
}
