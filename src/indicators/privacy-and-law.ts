// Indicator 7: privacy and applicable laws. Only an authorised representative can state compliance.
import { defineIndicator } from "../core/indicator.js";
import { QUESTIONS_URL } from "./shared/guidance.js";

const PRIVACY_FILE = /(^|\/)(privacy|privacy[-_ ]policy|terms|terms[-_ ]of[-_ ](use|service))(\.[a-z]+)?$/i;

export const privacyAndLaw = defineIndicator({
  id: "7",
  title: "Adherence to privacy and applicable laws",
  requirement: "The project complies with privacy and other applicable laws, as stated by an authorised representative.",
  automation: "manual",
  remediation: {
    text: "List the laws that apply (e.g. GDPR) and link the privacy policy in .github/dpg.yml under `privacy`.",
    markdown: "List the laws that apply (e.g. GDPR) and link the privacy policy in `.github/dpg.yml` under `privacy`.",
  },
  docsUrl: QUESTIONS_URL,
  files: () => [],
  evaluate(view) {
    const files = view.listing.paths.filter((path) => PRIVACY_FILE.test(path) && path.split("/").length <= 2).slice(0, 5);
    return {
      outcome: "review",
      summary: files.length > 0
        ? "A privacy or terms document exists; an authorised representative must list the applicable laws."
        : "An authorised representative must list the applicable privacy laws and link the privacy policy.",
      evidence: files.map((path) => ({ path, note: "privacy or terms document" })),
    };
  },
});
