// Indicator 9c: protection from harassment. A code of conduct with a reporting contact is
// verifiable; whether users interact and how underage users are kept safe is declared.
import { once, zod } from "../declaration/zod.js";
import { declarationFields } from "../declaration/declaration-fields.js";
import { defineIndicator, type DeclarationSection, type Criterion } from "../core/indicator.js";
import { findFiles } from "../core/find-files.js";
import { codeSpan } from "../core/github-markdown.js";
import { CODE_OF_CONDUCT } from "./shared/community-files.js";
import { combineCriteria } from "./shared/combine-criteria.js";
import { declaredSection, declarationPath, linkEvidence, missingPaths } from "./shared/declared.js";
import { QUESTIONS_URL } from "./shared/guidance.js";
import { CODE_OF_CONDUCT_TEMPLATE } from "./fix-templates/code-of-conduct.js";

const DECLARE_SAFETY =
  "declare whether users interact and how underage users are kept safe in .github/dpg.yml under `doNoHarm.harassment`";
// An address starts where its run of name characters starts, so each run is read once.
const CONTACT = /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\/\S+/;

const harassmentSchema = once(() => {
  const z = zod();
  const { evidenceLink, evidenceList, text } = declarationFields();
  return z
    .strictObject({
      userInteraction: z.boolean().optional().describe("9c: can users or contributors interact with each other?"),
      codeOfConduct: evidenceLink.optional(),
      reportingProcess: text.optional(),
      underageSafety: text.optional().describe("How underage users are kept safe."),
      evidence: evidenceList.optional(),
    })
    .optional();
});

const harassmentSection = {
  key: "harassment",
  group: "doNoHarm",
  get schema() {
    return harassmentSchema();
  },
  template: `doNoHarm:
  harassment:
    userInteraction: true # false when users and contributors cannot interact
    codeOfConduct: CODE_OF_CONDUCT.md
    reportingProcess: "<how someone reports harassment, and who handles reports>"
    underageSafety: "<how underage users are kept safe, or why there are none>"
`,
  keys: "`doNoHarm.harassment.userInteraction`, `codeOfConduct`, `reportingProcess`, `underageSafety`, `evidence`",
  question: "User interaction (yes/no); code of conduct; underage safety",
} as const satisfies DeclarationSection;

export const harassmentProtection = defineIndicator({
  id: "9c",
  title: "Do no harm: protection from harassment",
  requirement:
    "If users or contributors interact, people can protect themselves from harassment, and underage users are kept safe.",
  automation: "partial",
  remediation: {
    text: "Add CODE_OF_CONDUCT.md (e.g. the Contributor Covenant) with a contact for reporting, and declare underage-user safety in .github/dpg.yml under `doNoHarm.harassment`.",
    markdown:
      "Add `CODE_OF_CONDUCT.md` (e.g. the [Contributor Covenant](https://www.contributor-covenant.org/)) with a contact for reporting, and declare underage-user safety in `.github/dpg.yml` under `doNoHarm.harassment`.",
  },
  docsUrl: QUESTIONS_URL,
  exemption: { allowed: true },
  declaration: harassmentSection,
  fixTemplate: {
    steps: ["Add `CODE_OF_CONDUCT.md` from the template below and replace the reporting contact."],
    files: [{ path: "CODE_OF_CONDUCT.md", language: "markdown", content: CODE_OF_CONDUCT_TEMPLATE }],
    present: {
      path: /^(?:(?:\.github|docs)\/)?code[-_ ]?of[-_ ]?conduct(?:\.[a-z0-9]+)?$/i,
      whenPresent: ["Make sure `{path}` names a contact for reporting harassment and who handles reports."],
    },
  },
  dpgaFields: ["protectionFromHarassment"],
  verifies: "A code of conduct with a reporting contact; issue templates.",
  declares: "User interaction and underage-user safety",
  files: (paths) => findFiles(paths, CODE_OF_CONDUCT).slice(0, 1),
  evaluate(view, context) {
    const declared = declaredSection(context, harassmentSection);
    const where = declarationPath(context);
    const path = findFiles(view.listing.paths, CODE_OF_CONDUCT)[0];
    const file = path === undefined ? undefined : view.read(path);
    const hasContact = file?.kind === "text" && CONTACT.test(file.text);
    const templates = view.listing.paths.filter((candidate) =>
      /^\.github\/(ISSUE_TEMPLATE\/|issue_template\.md$)/i.test(candidate),
    );
    const criteria: Criterion[] = [];

    if (declared?.userInteraction === false) {
      criteria.push({
        question: "Can users or contributors interact?",
        outcome: "attested",
        evidence: [{ path: where, note: "declared: users and contributors do not interact" }],
      });
      return combineCriteria(criteria, "The maintainers declare that users and contributors do not interact.");
    }
    const missingDeclared = missingPaths(view, [declared?.codeOfConduct]);
    if (missingDeclared.length > 0) {
      criteria.push({
        question: "Does the declared code of conduct exist?",
        outcome: "review",
        evidence: [
          { path: where, note: `declared code of conduct: ${missingDeclared.join(", ")}` },
          { note: `${missingDeclared.join(", ")} is not in the repository` },
          ...(path === undefined ? [] : [{ path, note: "a code of conduct, not the declared one" }]),
        ],
      });
    } else if (path !== undefined) {
      criteria.push({
        question: "Is there a code of conduct with a way to report?",
        outcome: hasContact ? "pass" : "review",
        evidence: [
          {
            path,
            note: hasContact
              ? "code of conduct naming a reporting contact"
              : "code of conduct without a reporting contact",
          },
        ],
      });
    } else if (declared?.codeOfConduct !== undefined) {
      criteria.push({
        question: "Is there a code of conduct with a way to report?",
        outcome: "attested",
        evidence: linkEvidence([declared.codeOfConduct], "declared code of conduct"),
      });
    } else {
      criteria.push({
        question: "Is there a code of conduct with a way to report?",
        outcome: declared?.userInteraction === true ? "fail" : "review",
        evidence: [
          {
            note:
              declared?.userInteraction === true
                ? "The maintainers declare that users interact, and no code of conduct exists."
                : "No code of conduct found; one is required if users or contributors interact.",
          },
        ],
      });
    }
    if (templates.length > 0)
      criteria.push({
        question: "Do issue templates guide reports?",
        outcome: "pass",
        evidence: [{ path: templates[0] ?? "", note: `${templates.length} issue template file(s)` }],
      });
    criteria.push(
      declared?.underageSafety !== undefined
        ? {
            question: "How are underage users kept safe?",
            outcome: "attested",
            evidence: [
              { path: where, note: `declared: ${declared.underageSafety}` },
              ...linkEvidence(declared.evidence, "evidence"),
            ],
          }
        : {
            question: "How are underage users kept safe?",
            outcome: "review",
            evidence: [
              {
                note: "`doNoHarm.harassment.userInteraction` is not declared (nor, if users interact, `underageSafety`).",
              },
            ],
          },
    );

    const outcome = combineCriteria(criteria, "").outcome;
    const summary =
      outcome === "fail"
        ? "Users interact (declared) but there is no code of conduct."
        : missingDeclared.length > 0
          ? `The declared code of conduct (${missingDeclared.join(", ")}) is not in the repository.`
          : path === undefined
            ? "No code of conduct found in the repository; maintainers must say whether users interact and how they are protected."
            : hasContact
              ? `${path} exists and names a way to report${outcome === "review" ? "; underage-user safety must still be declared" : ""}.`
              : `${path} exists but names no contact for reporting.`;
    const finding = combineCriteria(criteria, summary);
    // A fix names only what is missing: with a code of conduct found, never "Add CODE_OF_CONDUCT.md".
    if (path !== undefined && missingDeclared.length === 0) {
      const contact = hasContact
        ? []
        : [
            [
              `name a contact for reporting harassment in ${path}`,
              `name a contact for reporting harassment in \`${path}\``,
            ],
          ];
      const declare =
        declared?.underageSafety === undefined
          ? [[DECLARE_SAFETY, DECLARE_SAFETY.replace(".github/dpg.yml", "`.github/dpg.yml`")]]
          : [];
      const steps = [...contact, ...declare];
      if (steps.length > 0) {
        const sentence = (parts: string[]) => {
          const joined = parts.join(", and ");
          return `${joined.charAt(0).toUpperCase()}${joined.slice(1)}.`;
        };
        finding.fix = {
          text: sentence(steps.map((step) => step[0] ?? "")),
          markdown: sentence(steps.map((step) => step[1] ?? "")),
        };
      }
    }
    // The declaration points at a file that is not there while another code of conduct is.
    if (path !== undefined && missingDeclared.length > 0)
      finding.fix = {
        text: `Point \`doNoHarm.harassment.codeOfConduct\` in .github/dpg.yml at ${path}: ${missingDeclared.join(", ")} is not in the repository.`,
        markdown: `Point \`doNoHarm.harassment.codeOfConduct\` in \`.github/dpg.yml\` at \`${path}\`: ${missingDeclared.map((missing) => codeSpan(missing)).join(", ")} is not in the repository.`,
      };
    return finding;
  },
});
