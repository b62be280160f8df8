// Indicator 2: an approved open licence. The one indicator a machine can verify end to end.
import spdxLicenseList from "spdx-license-list";
import { defineIndicator } from "../core/indicator.js";
import { licenseFiles } from "../licenses/build-license-facts.js";
import { LICENSE_GUIDANCE_URL } from "./shared/guidance.js";

export const openLicense = defineIndicator({
  id: "2",
  title: "Use of approved open licences",
  requirement: "The project uses an approved open licence (OSI for software, Creative Commons for content, Open Definition for data).",
  automation: "full",
  remediation: {
    text: "Choose an approved open licence (e.g. Apache-2.0, MIT, GPL-3.0-or-later for software), put its full text in a LICENSE file at the root, and make package manifests name the same licence.",
    markdown: `Choose an [approved open licence](${LICENSE_GUIDANCE_URL}) (e.g. \`Apache-2.0\`, \`MIT\`, \`GPL-3.0-or-later\` for software), put its full text in \`LICENSE\` at the repository root, and make package manifests name the same licence.`,
  },
  docsUrl: LICENSE_GUIDANCE_URL,
  files: (paths) => licenseFiles(paths),
  evaluate(view, context) {
    const { licenses } = context;
    const evidence = licenses.licenses.map((found) => ({ path: found.path, ...(found.line === undefined ? {} : { line: found.line }), note: `${found.spdx} (${found.method}, confidence ${Math.round(found.confidence * 100)}%)` }));
    if (licenses.licenses.length === 0) {
      if (licenses.unidentified.length > 0) {
        return {
          outcome: "review",
          summary: `Licence-like files found but not identified: ${licenses.unidentified.map((file) => file.path).join(", ")}.`,
          evidence: licenses.unidentified.map((file) => ({ path: file.path, note: file.note })),
        };
      }
      return { outcome: "fail", summary: "No licence found: no LICENSE, COPYING or similar file at the root, in .github/ or in docs/.", evidence: [] };
    }
    const notApproved = licenses.licenses.filter((found) => !spdxLicenseList[found.spdx]?.osiApproved);
    if (notApproved.length > 0) {
      return { outcome: "review", summary: `Found ${licenses.license}; ${notApproved.map((found) => found.spdx).join(", ")} is not OSI-approved and needs review.`, evidence };
    }
    return { outcome: "pass", summary: `Licensed under ${licenses.license}, an OSI-approved licence.`, evidence };
  },
});
