// Indicator 6: extraction of non-PII data. API descriptions are a signal; whether the product
// holds non-PII data and how it exports it is declared.
import { defineIndicator } from "../core/indicator.js";
import { QUESTIONS_URL } from "./shared/guidance.js";

const API_SPEC = /(^|\/)(openapi|swagger)[^/]*\.(ya?ml|json)$|\.graphqls?$|(^|\/)schema\.graphql$/i;

export const dataExtraction = defineIndicator({
  id: "6",
  title: "Mechanism for extracting data and content",
  requirement: "Non-PII data and content the project holds can be exported and imported in non-proprietary formats.",
  automation: "partial",
  remediation: {
    text: "Declare in .github/dpg.yml under `nonPiiData` whether the project collects non-PII data and how it can be exported (API, CSV/JSON export).",
    markdown: "Declare in `.github/dpg.yml` under `nonPiiData` whether the project collects non-PII data and how it can be exported (an API, CSV or JSON export).",
  },
  docsUrl: QUESTIONS_URL,
  files: () => [],
  evaluate(view) {
    const specs = view.listing.paths.filter((path) => API_SPEC.test(path)).slice(0, 10);
    return {
      outcome: "review",
      summary: specs.length > 0
        ? `Found ${specs.length} API description(s); maintainers must confirm how non-PII data is exported.`
        : "Maintainers must declare whether the project holds non-PII data and how it can be exported.",
      evidence: specs.map((path) => ({ path, note: "API description" })),
    };
  },
});
