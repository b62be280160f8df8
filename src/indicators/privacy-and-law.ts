// Indicator 7: privacy and applicable laws. Only an authorised representative can state
// compliance; the screener collects privacy documents and the laws the repository names.
import { once, zod } from "../declaration/zod.js";
import { declarationFields } from "../declaration/declaration-fields.js";
import { defineIndicator, type DeclarationSection, type Criterion, type Evidence } from "../core/indicator.js";
import { combineCriteria } from "./shared/combine-criteria.js";
import { firstText, quoteMatches, readmePaths } from "./shared/community-files.js";
import { declaredSection, declarationPath, linkEvidence } from "./shared/declared.js";
import { QUESTIONS_URL } from "./shared/guidance.js";

const PRIVACY_FILE =
  /(^|\/)(privacy|privacy[-_ ]policy|terms|terms[-_ ]of[-_ ](use|service)|data[-_ ]protection)(\.[a-z]+)?$/i;
const NAMED_LAW =
  /\b(GDPR|General Data Protection Regulation|HIPAA|COPPA|CCPA|LGPD|POPIA|PIPEDA|FERPA|DPDP|IT Act|Data Protection Act)\b/;

const privacySchema = once(() => {
  const z = zod();
  const { evidenceLink, evidenceList, text } = declarationFields();
  return z
    .strictObject({
      laws: z.array(text).optional().describe("Privacy and other laws the product complies with."),
      policy: evidenceLink.optional().describe("Privacy policy, terms of service or legal documents."),
      evidence: evidenceList.optional(),
    })
    .optional()
    .describe("Indicator 7: privacy and applicable laws (answered by an authorised representative).");
});

const privacySection = {
  key: "privacy",
  get schema() {
    return privacySchema();
  },
  template: `privacy:
  laws:
    - "<a law the project complies with, such as GDPR>"
  policy: "<URL of the privacy policy or terms of use>"
`,
  keys: "`privacy.laws`, `policy`, `evidence`",
  question: "Applicable laws and the privacy policy",
} as const satisfies DeclarationSection;

export const privacyAndLaw = defineIndicator({
  id: "7",
  title: "Adherence to privacy and applicable laws",
  requirement:
    "The project complies with privacy and other applicable laws, as stated by an authorised representative.",
  automation: "manual",
  remediation: {
    text: "List the laws that apply (e.g. GDPR) and link the privacy policy in .github/dpg.yml under `privacy`.",
    markdown: "List the laws that apply (e.g. GDPR) and link the privacy policy in `.github/dpg.yml` under `privacy`.",
  },
  docsUrl: QUESTIONS_URL,
  exemption: { allowed: true },
  declaration: privacySection,
  dpgaFields: ["privacy"],
  verifies: "Privacy policy and terms files; laws named (GDPR, HIPAA…).",
  declares: "The laws, by an authorised representative",
  files: (paths) => [...readmePaths(paths).slice(0, 1), ...privacyFiles(paths)],
  evaluate(view, context) {
    const declared = declaredSection(context, privacySection);
    const documents = privacyFiles(view.listing.paths);
    const laws: Evidence[] = [];
    for (const path of [...readmePaths(view.listing.paths).slice(0, 1), ...documents]) {
      const file = firstText(view, [path]);
      if (file !== undefined) laws.push(...quoteMatches(file.path, file.text, NAMED_LAW, 2));
    }
    const criteria: Criterion[] = [];
    if (documents.length > 0)
      criteria.push({
        question: "Is there a privacy policy or terms of use?",
        outcome: "pass",
        evidence: documents.map((path) => ({ path, note: "privacy or terms document" })),
      });
    if (laws.length > 0)
      criteria.push({ question: "Which laws does the repository name?", outcome: "pass", evidence: laws });
    const evidence = [...(declared?.policy === undefined ? [] : [declared.policy]), ...(declared?.evidence ?? [])];
    criteria.push(
      (declared?.laws ?? []).length > 0 && evidence.length > 0
        ? {
            question: "Has an authorised representative listed the applicable laws with evidence?",
            outcome: "attested",
            evidence: [
              { path: declarationPath(context), note: `declared laws: ${(declared?.laws ?? []).join(", ")}` },
              ...linkEvidence(evidence, "privacy policy or legal document"),
            ],
          }
        : {
            question: "Has an authorised representative listed the applicable laws with evidence?",
            outcome: "review",
            evidence: [{ note: "`privacy.laws` and `privacy.policy` are not declared." }],
          },
    );
    const finding = combineCriteria(criteria, "");
    finding.summary =
      finding.outcome === "attested"
        ? `The maintainers declare compliance with ${(declared?.laws ?? []).join(", ")}.`
        : documents.length > 0
          ? "A privacy or terms document exists; an authorised representative must list the applicable laws."
          : "An authorised representative must list the applicable privacy laws and link the privacy policy.";
    return finding;
  },
});

function privacyFiles(paths: readonly string[]): string[] {
  return paths.filter((path) => PRIVACY_FILE.test(path) && path.split("/").length <= 2).slice(0, 5);
}
