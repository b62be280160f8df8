// Indicator 9a: data privacy and security. Committed secrets are a verifiable failure; how
// personal data is protected is declared by an authorised representative.
import { once, zod } from "../declaration/zod.js";
import { declarationFields } from "../declaration/declaration-fields.js";
import { defineIndicator, type DeclarationSection, type Criterion, type Evidence } from "../core/indicator.js";
import { findFiles } from "../core/find-files.js";
import { codeSpan } from "../core/github-markdown.js";
import { SECURITY } from "./shared/community-files.js";
import { combineCriteria } from "./shared/combine-criteria.js";
import { committedSecrets, secretCandidates, type SecretScan } from "./shared/committed-secrets.js";
import { declaredSection, declarationPath, linkEvidence } from "./shared/declared.js";
import { QUESTIONS_URL } from "./shared/guidance.js";
import { SECURITY_POLICY_TEMPLATE } from "./fix-templates/security-policy.js";

const dataPrivacySecuritySchema = once(() => {
  const z = zod();
  const { evidenceList, text, handling } = declarationFields();
  return z
    .strictObject({
      personalData: handling
        .optional()
        .describe("9a: is personal data not collected, collected, stored, or distributed?"),
      personalDataTypes: z.array(text).optional(),
      protection: text.optional().describe("How privacy, security and integrity are protected."),
      evidence: evidenceList.optional(),
    })
    .optional();
});

const dataPrivacySecuritySection = {
  key: "dataPrivacySecurity",
  group: "doNoHarm",
  get schema() {
    return dataPrivacySecuritySchema();
  },
  template: `doNoHarm:
  dataPrivacySecurity:
    personalData: not-collected # or collected, stored, distributed
    protection: "<how privacy, security and integrity of personal data are protected>"
    evidence:
      - "<a path such as SECURITY.md, or a URL>"
`,
  keys: "`doNoHarm.dataPrivacySecurity.personalData` (`not-collected`, `collected`, `stored`, `distributed`), `personalDataTypes`, `protection`, `evidence`",
  question: "The DPGA's four PII sentences; PII types; protections",
} as const satisfies DeclarationSection;

const PRIVACY_REMEDIATION = {
  text: "Add SECURITY.md saying how to report a vulnerability, and declare the PII level in .github/dpg.yml under `doNoHarm.dataPrivacySecurity`.",
  markdown:
    "Add `SECURITY.md` saying how to report a vulnerability, and declare the PII level in `.github/dpg.yml` under `doNoHarm.dataPrivacySecurity`.",
};

export const dataPrivacySecurity = defineIndicator({
  id: "9a",
  title: "Do no harm: data privacy and security",
  requirement:
    "If the project collects, stores or distributes PII, it shows how privacy, security and integrity are protected.",
  automation: "partial",
  remediation: PRIVACY_REMEDIATION,
  docsUrl: QUESTIONS_URL,
  exemption: { allowed: true },
  declaration: dataPrivacySecuritySection,
  fixTemplate: {
    steps: ["Add `SECURITY.md` from the template below and replace each `<placeholder>`."],
    files: [{ path: "SECURITY.md", language: "markdown", content: SECURITY_POLICY_TEMPLATE }],
    present: {
      path: /^(?:(?:\.github|docs)\/)?security(?:\.[a-z0-9]+)?$|(?:^|\/)\.well-known\/security\.txt$/i,
      whenPresent: ["Keep `{path}` saying how to report a vulnerability and who answers."],
    },
  },
  dpgaFields: ["dataPrivacySecurity"],
  verifies:
    "A vulnerability-reporting route; committed private keys, tokens, credentials or `.env` files with values → `fail` (the secret is never printed); in compose and development files documented defaults and environment references are no secrets, generated-looking values and password hashes → `review`.",
  declares: "The PII level and protections",
  files: (paths) => secretCandidates(paths),
  evaluate(view, context) {
    const declared = declaredSection(context, dataPrivacySecuritySection);
    const where = declarationPath(context);
    const scan = committedSecrets(view);
    const secrets = scan.found;
    const policy =
      findFiles(view.listing.paths, SECURITY)[0] ??
      view.listing.paths.find((path) => /(^|\/)\.well-known\/security\.txt$/i.test(path));
    const criteria: Criterion[] = [
      secretsCriterion(scan),
      policy !== undefined
        ? {
            question: "Is there a way to report a vulnerability?",
            outcome: "pass",
            evidence: [{ path: policy, note: "security policy" }],
          }
        : {
            question: "Is there a way to report a vulnerability?",
            outcome: "review",
            evidence: [{ note: "No SECURITY.md or security.txt found." }],
          },
    ];
    if (declared?.personalData === "not-collected") {
      criteria.push({
        question: "Is personal data collected, stored or distributed?",
        outcome: "attested",
        evidence: [{ path: where, note: "declared: personal data is not collected, stored or distributed" }],
      });
    } else if (
      declared?.personalData !== undefined &&
      declared.protection !== undefined &&
      (declared.evidence ?? []).length > 0
    ) {
      criteria.push({
        question: "How are privacy, security and integrity protected?",
        outcome: "attested",
        evidence: [
          { path: where, note: `declared: personal data is ${declared.personalData}; ${declared.protection}` },
          ...linkEvidence(declared.evidence, "evidence of protection"),
        ],
      });
    } else {
      criteria.push({
        question: "Is personal data collected, stored or distributed, and how is it protected?",
        outcome: "review",
        evidence: [
          {
            note:
              declared?.personalData === undefined
                ? "`doNoHarm.dataPrivacySecurity.personalData` is not declared (an authorised representative must answer)."
                : "`protection` or `evidence` is not declared for the declared personal data.",
          },
        ],
      });
    }
    const toConfirm = [...new Set(scan.uncertain.map((item) => item.path ?? ""))];
    const summary =
      secrets.length > 0
        ? `Committed secrets found in ${[...new Set(secrets.map((item) => item.path))].join(", ")}; remove them from the repository and its history, and rotate them.`
        : criteria.every((criterion) => criterion.outcome !== "review")
          ? "No committed secrets; the personal-data answer is declared by the maintainers."
          : `${policy === undefined ? "No security policy found" : `A security policy exists (${policy})`}; ${toConfirm.length > 0 ? `values in ${toConfirm.join(", ")} must be confirmed as development defaults or hashes, not live credentials, and ` : ""}maintainers must declare whether PII is collected and how it is protected.`;
    const finding = combineCriteria(criteria, summary);
    if (secrets.length > 0)
      finding.fix = {
        text: "Remove the committed secrets, rewrite history if needed, and rotate every exposed credential.",
        markdown:
          "Remove the committed secrets, rewrite history if needed (e.g. `git filter-repo`), and **rotate** every exposed credential.",
      };
    // A fix names only what is missing: with a security policy found, only the declaration is left.
    else if (policy !== undefined)
      finding.fix = {
        text: "Declare the PII level and how personal data is protected in .github/dpg.yml under `doNoHarm.dataPrivacySecurity`.",
        markdown:
          "Declare the PII level and how personal data is protected in `.github/dpg.yml` under `doNoHarm.dataPrivacySecurity`.",
      };
    // What a person must confirm is the fix's first step; the evidence only says what was found.
    const toCheck = [...new Set([...toConfirm, ...scan.keystores.map((item) => item.path ?? "")])].filter(
      (path) => path !== "",
    );
    if (secrets.length === 0 && toCheck.length > 0) {
      const fix = finding.fix ?? PRIVACY_REMEDIATION;
      finding.fix = {
        text: `Confirm that the values in ${toCheck.join(", ")} are development defaults or hashes of no real account's password, not live credentials (rotate any that are). ${fix.text}`,
        markdown: `Confirm that the values in ${toCheck.map((path) => codeSpan(path)).join(", ")} are development defaults or hashes of no real account's password, not live credentials (rotate any that are). ${fix.markdown}`,
      };
    }
    return finding;
  },
});

const SECRETS_QUESTION = "Is the repository free of committed private keys and credentials?";

/** The secrets criterion, saying what was scanned and what was not: a cut is never a silent pass. */
function secretsCriterion(scan: SecretScan): Criterion {
  const { plan } = scan;
  const namedLeft = plan.namedTotal - plan.named.length;
  const scannedLeft = plan.scannedTotal - plan.scanned.length;
  const coverage: Evidence = {
    note:
      `Scanned ${scan.scanned} file(s): ${plan.named.length} named like keys, .env or credential files` +
      `${namedLeft > 0 ? ` (${namedLeft} more not read: at most ${plan.named.length} per screen)` : ""}` +
      ` and ${plan.scanned.length} source and configuration files, shallowest first` +
      `${scannedLeft > 0 ? ` (${scannedLeft} more not scanned)` : ""}.`,
  };
  const unread: Evidence[] = scan.unread.map((item) => ({ path: item.path, note: `not scanned: ${item.reason}` }));
  if (scan.found.length > 0)
    return {
      question: SECRETS_QUESTION,
      outcome: "fail",
      evidence: [...scan.found, ...scan.uncertain, ...scan.keystores, ...unread, coverage],
    };
  // A development default or a hash is no proof of a leak; a person confirms, the row never fails on it.
  if (scan.uncertain.length > 0 || scan.keystores.length > 0)
    return {
      question: SECRETS_QUESTION,
      outcome: "review",
      evidence: [...scan.uncertain, ...scan.keystores, ...unread, coverage],
    };
  const namedUnread = scan.unread.some((item) => plan.named.includes(item.path));
  if (namedLeft > 0 || namedUnread)
    return {
      question: SECRETS_QUESTION,
      outcome: "review",
      evidence: [...unread, coverage, { note: "Files named like secrets were not all read." }],
    };
  return {
    question: SECRETS_QUESTION,
    outcome: "pass",
    evidence: [{ note: "No private key or credential found." }, ...unread, coverage],
  };
}
