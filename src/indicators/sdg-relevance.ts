// Indicator 1: relevance to the SDGs. Only the maintainers can make the case; the screener
// collects what the repository already says and suggests likely SDGs from its words.
import { once, zod } from "../declaration/zod.js";
import { declarationFields } from "../declaration/declaration-fields.js";
import { defineIndicator, type DeclarationSection, type Criterion, type Evidence } from "../core/indicator.js";
import { findFiles } from "../core/find-files.js";
import { combineCriteria } from "./shared/combine-criteria.js";
import { firstText, quoteMatches, readmePaths, unreadReason } from "./shared/community-files.js";
import { declaredSection, declarationPath, linkEvidence } from "./shared/declared.js";
import { QUESTIONS_URL } from "./shared/guidance.js";
import { sdgSourceFiles, sdgSuggestionsFor } from "../sdg/sdg-sources.js";
import type { SdgQuote } from "../core/report.js";

const SDG_MENTION = /\bSDGs?\s*#?\d{0,2}\b|Sustainable Development Goals?/i;
const PUBLICCODE = /^publiccode\.ya?ml$/i;

const sdgsSchema = once(() => {
  const z = zod();
  const { sdgSchema } = declarationFields();
  return z.array(sdgSchema).optional().describe("Indicator 1: the most relevant SDGs.");
});

const sdgsSection = {
  key: "sdgs",
  get schema() {
    return sdgsSchema();
  },
  template: `sdgs:
  - number: 3 # the SDG number, 1 to 17
    targets: ["3.8"] # the SDG targets the project serves
    relevance: "<how the project advances these targets>"
    evidence:
      - "<a URL or a repository path that shows it, such as docs/impact.md>"
`,
  keys: "`sdgs[].number`, `targets`, `relevance`, `evidence`",
  question: "The most relevant SDGs, tied to targets",
} as const satisfies DeclarationSection;

export const sdgRelevance = defineIndicator({
  id: "1",
  title: "Relevance to the Sustainable Development Goals",
  requirement: "The project shows relevance to advancing one or more of the 17 SDGs.",
  automation: "manual",
  remediation: {
    text: "Name the SDGs the project advances and, for each, explain which SDG targets it serves (add them to .github/dpg.yml under `sdgs`).",
    markdown:
      "Name the SDGs the project advances and, for each, explain which [SDG targets](https://sdgs.un.org/goals) it serves. Record them in `.github/dpg.yml` under `sdgs`.",
  },
  docsUrl: QUESTIONS_URL,
  exemption: { allowed: true },
  declaration: sdgsSection,
  dpgaFields: ["sdgs"],
  verifies:
    "SDG mentions in the README, description, topics and `publiccode.yml`; likely SDGs ranked by BM25 against the UN's goal and target texts, quoted. Never a pass by itself.",
  declares: "The SDGs and targets, with relevance text",
  files: (paths) => [
    ...new Set([
      ...readmePaths(paths).slice(0, 1),
      ...findFiles(paths, PUBLICCODE, { dirs: [""] }),
      ...sdgSourceFiles(paths),
    ]),
  ],
  evaluate(view, context) {
    const declared = declaredSection(context, sdgsSection) ?? [];
    const mentions: Evidence[] = [];
    const readme = firstText(view, readmePaths(view.listing.paths));
    if (readme !== undefined) mentions.push(...quoteMatches(readme.path, readme.text, SDG_MENTION));
    const publiccode = firstText(view, findFiles(view.listing.paths, PUBLICCODE, { dirs: [""] }));
    if (publiccode !== undefined)
      mentions.push(...quoteMatches(publiccode.path, publiccode.text, /SDG|sustainable/i, 2));
    const description = view.metadata.description ?? "";
    if (SDG_MENTION.test(description)) mentions.push({ note: `Repository description: "${description}"` });
    for (const topic of view.metadata.topics ?? [])
      if (/^sdg|sustainable-development/i.test(topic)) mentions.push({ note: `Topic: ${topic}` });

    const criteria: Criterion[] = [];
    const unread = unreadReason(view, readmePaths(view.listing.paths));
    if (unread !== undefined && mentions.length === 0)
      criteria.push({
        question: "Does the repository name the SDGs it advances?",
        outcome: "review",
        evidence: [{ path: unread.path, note: `${unread.reason}, so the SDGs it names are unknown` }],
      });
    if (mentions.length > 0)
      criteria.push({
        question: "Does the repository name the SDGs it advances?",
        outcome: "pass",
        evidence: mentions,
      });
    const complete = declared.filter((sdg) => sdg.relevance !== undefined && (sdg.targets ?? []).length > 0);
    if (declared.length > 0 && complete.length === declared.length) {
      criteria.push({
        question: "Have the maintainers explained the relevance to SDG targets?",
        outcome: "attested",
        evidence: declared.flatMap((sdg) => [
          {
            path: declarationPath(context),
            note: `SDG ${sdg.number} (targets ${(sdg.targets ?? []).join(", ")}): ${sdg.relevance ?? ""}`,
          },
          ...linkEvidence(sdg.evidence, `evidence for SDG ${sdg.number}`),
        ]),
      });
      return combineCriteria(
        criteria,
        `The maintainers declare SDG ${declared.map((sdg) => sdg.number).join(", ")} with target-level relevance.`,
      );
    }
    // Ranked by BM25 against the UN's goal and target texts; never a pass: relevance is argued by people.
    const suggestions = sdgSuggestionsFor(view).slice(0, 3);
    if (suggestions.length > 0) {
      criteria.push({
        question: "Which SDGs do the repository's words suggest? (a suggestion for the maintainers, not an answer)",
        outcome: "review",
        evidence: suggestions.map((suggestion) => {
          const quote = suggestion.quotes[0];
          return {
            ...(quote?.path === undefined ? {} : { path: quote.path, line: quote.line }),
            note: `suggests SDG ${suggestion.sdg} (${suggestion.name}), score ${suggestion.score}${quoteNote(quote)}`,
          };
        }),
      });
    }
    criteria.push({
      question: "Have the maintainers explained the relevance to SDG targets?",
      outcome: "review",
      evidence: [
        {
          note:
            declared.length > 0
              ? "`targets` or `relevance` is not declared for every declared SDG."
              : "`sdgs` (target numbers and relevance text) is not declared.",
        },
      ],
    });
    return combineCriteria(
      criteria,
      mentions.length > 0
        ? "The repository mentions the SDGs; maintainers must still name the SDG targets and explain the relevance."
        : unread !== undefined
          ? `${unread.reason}, so its SDGs are unknown; maintainers must name the SDGs and targets the project advances.`
          : "No mention of the SDGs found; maintainers must name the SDGs and targets the project advances.",
    );
  },
});

/** The quote as the evidence note shows it: a file name is said to be one, since no text said so. */
function quoteNote(quote: SdgQuote | undefined): string {
  if (quote === undefined) return "";
  return quote.source === "paths"
    ? `, from file names (no text says what the project is for): "${quote.text}"`
    : `: "${quote.text}"`;
}
