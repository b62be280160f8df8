// Indicator 9a: data privacy and security. A security policy is visible; how PII is protected
// is declared by an authorised representative.
import { defineIndicator } from "../core/indicator.js";
import { findFiles } from "../core/find-files.js";
import { SECURITY } from "./shared/community-files.js";
import { QUESTIONS_URL } from "./shared/guidance.js";

export const dataPrivacySecurity = defineIndicator({
  id: "9a",
  title: "Do no harm: data privacy and security",
  requirement: "If the project collects, stores or distributes PII, it shows how privacy, security and integrity are protected.",
  automation: "partial",
  remediation: {
    text: "Add SECURITY.md saying how to report a vulnerability, and declare the PII level in .github/dpg.yml under `doNoHarm.dataPrivacySecurity`.",
    markdown: "Add `SECURITY.md` saying how to report a vulnerability, and declare the PII level in `.github/dpg.yml` under `doNoHarm.dataPrivacySecurity`.",
  },
  docsUrl: QUESTIONS_URL,
  files: () => [],
  evaluate(view) {
    const policy = findFiles(view.listing.paths, SECURITY)[0];
    return {
      outcome: "review",
      summary: policy !== undefined
        ? `A security policy exists (${policy}); maintainers must declare whether PII is collected and how it is protected.`
        : "No security policy found; maintainers must declare whether PII is collected and how it is protected.",
      evidence: policy !== undefined ? [{ path: policy, note: "security policy" }] : [],
    };
  },
});
