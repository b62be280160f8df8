// Indicator 9b: inappropriate and illegal content. Moderation policies can be found; whether
// the product stores user content and how it is moderated is declared by a representative.
import { once, zod } from "../declaration/zod.js";
import { declarationFields } from "../declaration/declaration-fields.js";
import { defineIndicator, type DeclarationSection, type Criterion } from "../core/indicator.js";
import { findFiles } from "../core/find-files.js";
import { combineCriteria } from "./shared/combine-criteria.js";
import { declaredSection, declarationPath, linkEvidence, missingPaths } from "./shared/declared.js";
import { QUESTIONS_URL } from "./shared/guidance.js";

const POLICY_FILE =
  /^(content[-_ ]?policy|moderation[\w-]*|community[-_ ]guidelines|acceptable[-_ ]use[\w-]*|abuse[\w-]*)(\.[a-z]+)?$/i;

const harmfulContentSchema = once(() => {
  const z = zod();
  const { evidenceLink, text, handling } = declarationFields();
  return z
    .strictObject({
      content: handling.optional().describe("9b: is content not collected, collected, stored, or distributed?"),
      contentTypes: z.array(text).optional(),
      moderation: text
        .optional()
        .describe("How inappropriate and illegal content is detected, moderated, reported and removed, and how fast."),
      policy: evidenceLink.optional(),
    })
    .optional();
});

const harmfulContentSection = {
  key: "harmfulContent",
  group: "doNoHarm",
  get schema() {
    return harmfulContentSchema();
  },
  template: `doNoHarm:
  harmfulContent:
    content: not-collected # or collected, stored, distributed
    moderation: "<how inappropriate and illegal content is detected, moderated, reported and removed>"
    policy: "<URL of the moderation policy>"
`,
  keys: "`doNoHarm.harmfulContent.content` (same four levels), `contentTypes`, `moderation`, `policy`",
  question: "Content level; moderation and response time",
} as const satisfies DeclarationSection;

export const harmfulContent = defineIndicator({
  id: "9b",
  title: "Do no harm: inappropriate and illegal content",
  requirement:
    "If the project collects, stores or distributes content, it has policies and processes to detect, moderate and remove inappropriate and illegal content.",
  automation: "manual",
  remediation: {
    text: "Declare in .github/dpg.yml under `doNoHarm.harmfulContent` whether the product stores user content and, if so, describe the moderation and link the policy.",
    markdown:
      "Declare in `.github/dpg.yml` under `doNoHarm.harmfulContent` whether the product stores user content and, if so, describe the moderation and link the policy.",
  },
  docsUrl: QUESTIONS_URL,
  exemption: { allowed: true },
  declaration: harmfulContentSection,
  dpgaFields: ["userContent"],
  verifies: "Content or moderation policies.",
  declares: "The content gate and moderation process",
  files: () => [],
  evaluate(view, context) {
    const declared = declaredSection(context, harmfulContentSection);
    const where = declarationPath(context);
    const policies = findFiles(view.listing.paths, POLICY_FILE);
    const criteria: Criterion[] = [];
    if (policies.length > 0)
      criteria.push({
        question: "Is there a content or moderation policy in the repository?",
        outcome: "pass",
        evidence: policies.map((path) => ({ path, note: "content policy" })),
      });
    if (declared?.content === "not-collected") {
      criteria.push({
        question: "Does the product collect, store or distribute content?",
        outcome: "attested",
        evidence: [{ path: where, note: "declared: content is not collected, stored or distributed" }],
      });
    } else if (declared?.content !== undefined && declared.moderation !== undefined && declared.policy !== undefined) {
      const missing = missingPaths(view, [declared.policy]);
      criteria.push({
        question: "How is inappropriate and illegal content detected, moderated and removed?",
        outcome: missing.length > 0 ? "review" : "attested",
        evidence: [
          { path: where, note: `declared: content is ${declared.content}; ${declared.moderation}` },
          ...linkEvidence([declared.policy], "moderation policy"),
          ...missing.map((path) => ({ note: `${path} is declared but not in the repository` })),
        ],
      });
    } else {
      criteria.push({
        question: "Does the product store user content, and how is it moderated?",
        outcome: "review",
        evidence: [
          {
            note:
              declared?.content === undefined
                ? "`doNoHarm.harmfulContent.content` is not declared."
                : "`moderation` (with the average response time) or the `policy` link is not declared for the declared content.",
          },
        ],
      });
    }
    const finding = combineCriteria(criteria, "");
    finding.summary =
      finding.outcome === "attested"
        ? "The maintainers declare how content is handled and moderated."
        : "Maintainers must declare whether the product stores user content and how it is moderated.";
    return finding;
  },
});
