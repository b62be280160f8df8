// Indicator 9b: inappropriate and illegal content. Entirely a declaration about the product.
import { defineIndicator } from "../core/indicator.js";
import { QUESTIONS_URL } from "./shared/guidance.js";

export const harmfulContent = defineIndicator({
  id: "9b",
  title: "Do no harm: inappropriate and illegal content",
  requirement: "If the project collects, stores or distributes content, it has policies and processes to detect, moderate and remove inappropriate and illegal content.",
  automation: "manual",
  remediation: {
    text: "Declare in .github/dpg.yml under `doNoHarm.content` whether the product stores user content and, if so, link the moderation policy.",
    markdown: "Declare in `.github/dpg.yml` under `doNoHarm.content` whether the product stores user content and, if so, link the moderation policy.",
  },
  docsUrl: QUESTIONS_URL,
  files: () => [],
  evaluate() {
    return {
      outcome: "review",
      summary: "Maintainers must declare whether the product stores user content and how it is moderated.",
      evidence: [],
    };
  },
});
