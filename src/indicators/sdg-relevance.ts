// Indicator 1: relevance to the SDGs. Only the maintainers can make the case; the screener
// collects what the repository already says about the SDGs.
import { defineIndicator, type Evidence } from "../core/indicator.js";
import { firstText, quoteMatches, readmePaths } from "./shared/community-files.js";
import { QUESTIONS_URL } from "./shared/guidance.js";

const SDG_MENTION = /\bSDGs?\b|Sustainable Development Goals?/i;

export const sdgRelevance = defineIndicator({
  id: "1",
  title: "Relevance to the Sustainable Development Goals",
  requirement: "The project shows relevance to advancing one or more of the 17 SDGs.",
  automation: "manual",
  remediation: {
    text: "Name the SDGs the project advances and, for each, explain which SDG targets it serves (add them to .github/dpg.yml under `sdgs`).",
    markdown: "Name the SDGs the project advances and, for each, explain which [SDG targets](https://sdgs.un.org/goals) it serves. Record them in `.github/dpg.yml` under `sdgs`.",
  },
  docsUrl: QUESTIONS_URL,
  files: (paths) => readmePaths(paths).slice(0, 1),
  evaluate(view) {
    const evidence: Evidence[] = [];
    const readme = firstText(view, readmePaths(view.listing.paths));
    if (readme !== undefined) evidence.push(...quoteMatches(readme.path, readme.text, SDG_MENTION));
    const description = view.metadata.description ?? "";
    if (SDG_MENTION.test(description)) evidence.push({ note: `Repository description: "${description}"` });
    for (const topic of view.metadata.topics ?? []) {
      if (/^sdg|sustainable-development/i.test(topic)) evidence.push({ note: `Topic: ${topic}` });
    }
    return {
      outcome: "review",
      summary: evidence.length > 0
        ? "The repository mentions the SDGs; maintainers must still name the SDG targets and explain the relevance."
        : "No mention of the SDGs found; maintainers must name the SDGs and targets the project advances.",
      evidence,
    };
  },
});
