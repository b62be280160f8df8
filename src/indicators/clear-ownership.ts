// Indicator 3: clear ownership. Copyright lines and governance files are evidence; the owner's
// name, organisation type and country must still be declared.
import { once, zod } from "../declaration/zod.js";
import { declarationFields } from "../declaration/declaration-fields.js";
import { defineIndicator, type DeclarationSection, type Criterion, type Evidence } from "../core/indicator.js";
import { findFiles } from "../core/find-files.js";
import { licenseFiles } from "../licenses/build-license-facts.js";
import { combineCriteria } from "./shared/combine-criteria.js";
import { readmePaths } from "./shared/community-files.js";
import { declaredSection, declarationPath, linkEvidence } from "./shared/declared.js";
import { QUESTIONS_URL } from "./shared/guidance.js";

/** A copyright statement: `Copyright`, `©` or `(c)`, optionally `(c)`/`©` again, then a year (or range) and/or a capitalised holder. */
const COPYRIGHT_STATEMENT =
  /^[ \t#*/;>-]*(?:(?<lead>\([cC]\)|©)\s*)?(?:(?<word>[Cc]opyright|COPYRIGHT)(?=[\s:(©]):?\s*)?(?:(?<mark>\([cC]\)|©)\s*)?(?<year>\d{4}(?:\s*[-–,]\s*(?:\d{4}|present))*)?[,.]?\s*(?:by\s+)?(?<holder>\p{Lu}[\p{L}\p{N}]*)?/u;
/** Licence wording that uses the word copyright without stating it: "copyright notice", "Copyright License". */
const LICENSE_WORDING =
  /^[ \t#*/;>-]*(?:copyright|\(c\)|©)\s+(?:notices?|licen[cs]es?|owners?|holders?|holder's|laws?|statements?|protection|interests?|infringement|information|polic(?:y|ies)|and|or|of|to|in|is|permission|rights?)\b/i;
/** The operative part of a verbatim licence text (Apache, GPL and others), where no line names the project's holder. */
const TERMS_START = /TERMS AND CONDITIONS/;
const TERMS_END = /END OF TERMS AND CONDITIONS/;
/** The licence's own copyright, as in the GPL's "Copyright (C) 2007 Free Software Foundation, Inc." above this sentence. */
const VERBATIM_LICENSE = /Everyone is permitted to copy and distribute verbatim copies/i;
const MAX_COPYRIGHT_LINES_PER_FILE = 2;
/** Where a verbatim licence's own instructions for applying it begin (GNU licences, Apache-2.0). */
const HOW_TO_APPLY = /How to Apply These Terms|APPENDIX: How to apply/i;
/** A line that opens with a copyright word or mark (the template test needs no year or holder). */
const COPYRIGHT_MARK = /^[ \t#*/;>-]*(?:[Cc]opyright\b|COPYRIGHT\b|©|\([cC]\))/;
/**
 * An unfilled template placeholder: [fullname], [yyyy], <copyright holders>, {{ owner }}, ${year},
 * {year}, NAME HERE, YOUR NAME. An e-mail or web address in brackets (<jane@example.org>) is not one: a name in brackets has no @, dot, colon or slash.
 */
const TEMPLATE_PLACEHOLDER =
  /\[[A-Za-z][\w -]{0,40}\]|<[A-Za-z][\w -]{0,40}>|\{\{[^}]{0,40}\}\}|\$\{[^}]{1,40}\}|\{(?:year|yyyy|owner|author|name|fullname|holder)\}|\byyyy\b|\b(?:NAME HERE|YOUR NAME|AUTHOR NAME)\b/;
const NOTICE = /^(notice|copyright|authors|contributors)(\.[a-z]+)?$/i;
const GOVERNANCE = /^(codeowners|maintainers|governance|owners)(\.[a-z]+)?$/i;
const CLA_OR_DCO = /^(cla|dco|contributor[-_ ]license[-_ ]agreement|individual[-_ ]cla|corporate[-_ ]cla)(\.[a-z]+)?$/i;
const TRADEMARK = /^trademarks?(\.[a-z]+)?$/i;

const ownerSchema = once(() => {
  const z = zod();
  const { evidenceList, text } = declarationFields();
  return z
    .strictObject({
      name: text.optional(),
      type: z
        .enum(["government", "multilateral", "non-profit", "academic", "company", "community", "individual", "other"])
        .optional(),
      country: text.optional().describe("Country where the owner is legally registered."),
      ownsEverything: z.boolean().optional().describe("Does the owner own all the code, content and data?"),
      evidence: evidenceList.optional().describe("Copyright, trademark or parent-organisation pages."),
      rightsEvidence: evidenceList
        .optional()
        .describe("If not all owned: licence agreements or a Contributor License Agreement."),
    })
    .optional()
    .describe("Indicator 3: clear ownership.");
});

const ownerSection = {
  key: "owner",
  get schema() {
    return ownerSchema();
  },
  template: `owner:
  name: "<legal name of the owner>"
  type: non-profit # government, multilateral, non-profit, academic, company, community, individual or other
  country: "<country where the owner is legally registered>"
  ownsEverything: true # false when some code, content or data belongs to others
  evidence:
    - "<URL of a copyright notice, a trademark or the parent organisation's page>"
`,
  keys: "`owner.name`, `type`, `country`, `ownsEverything`, `evidence`, `rightsEvidence`",
  question: "Owner, organisation type, country, proof of ownership, rights (e.g. a CLA)",
} as const satisfies DeclarationSection;

export const clearOwnership = defineIndicator({
  id: "3",
  title: "Clear ownership",
  requirement: "Ownership of everything the project produces is clearly defined and documented.",
  automation: "partial",
  remediation: {
    text: 'State the owner in a copyright line in LICENSE or NOTICE ("Copyright 2024 Example Foundation") and declare the owner\'s name, organisation type and country in .github/dpg.yml under `owner`.',
    markdown:
      "State the owner in a copyright line in `LICENSE` or `NOTICE` (`Copyright 2024 Example Foundation`) and declare the owner's name, organisation type and country in `.github/dpg.yml` under `owner`.",
  },
  docsUrl: QUESTIONS_URL,
  exemption: { allowed: true },
  declaration: ownerSection,
  fixTemplate: {
    steps: [
      "Put a copyright line naming the owner in `LICENSE` or a `NOTICE` file, such as `Copyright 2025 <owner's legal name>`.",
    ],
  },
  dpgaFields: ["clearOwnership"],
  verifies:
    "Copyright holders in LICENSE / NOTICE / COPYRIGHT / README; organisation or personal owner; CODEOWNERS, MAINTAINERS, GOVERNANCE; CLA/DCO signals.",
  declares: "Owner name, type, country, proof",
  files: (paths) => [
    ...licenseFiles(paths),
    ...readmePaths(paths).slice(0, 1),
    ...findFiles(paths, NOTICE, { dirs: [""] }),
  ],
  evaluate(view, context) {
    const declared = declaredSection(context, ownerSection);
    const paths = view.listing.paths;
    const copyright: Evidence[] = [];
    // A template's copyright line names no owner: it is pointed at, never quoted as one.
    const templates: Evidence[] = [];
    for (const path of [
      ...licenseFiles(paths),
      ...findFiles(paths, NOTICE, { dirs: [""] }),
      ...readmePaths(paths).slice(0, 1),
    ]) {
      const file = view.read(path);
      if (file.kind !== "text") continue;
      for (const item of copyrightStatements(path, file.text)) {
        if (!copyright.some((seen) => seen.path === item.path && seen.line === item.line)) copyright.push(item);
      }
      for (const item of unfilledCopyrightLines(path, file.text))
        if (!templates.some((seen) => seen.path === item.path && seen.line === item.line)) templates.push(item);
    }
    const criteria: Criterion[] = [
      copyright.length > 0
        ? { question: "Who holds the copyright?", outcome: "pass", evidence: copyright.slice(0, 6) }
        : {
            question: "Who holds the copyright?",
            outcome: "review",
            evidence: [
              {
                note:
                  templates.length > 0
                    ? "No filled-in copyright line found in LICENSE, NOTICE, COPYRIGHT or the README."
                    : "No copyright line found in LICENSE, NOTICE, COPYRIGHT or the README.",
              },
              ...templates.slice(0, 3),
            ],
          },
    ];
    if (view.metadata.ownerKind !== undefined) {
      criteria.push({
        question: "Is the repository owned by an organisation or a person?",
        outcome: "pass",
        evidence: [
          {
            note: `The repository is owned by ${view.metadata.ownerKind === "organization" ? "an organisation" : "a personal account"}.`,
          },
        ],
      });
    }
    const signals: [string, RegExp][] = [
      ["Who maintains the project (CODEOWNERS, MAINTAINERS, GOVERNANCE)?", GOVERNANCE],
      ["Is there a Contributor License Agreement or a DCO?", CLA_OR_DCO],
      ["Is there a trademark policy?", TRADEMARK],
    ];
    for (const [question, pattern] of signals) {
      const found = findFiles(paths, pattern);
      if (found.length > 0)
        criteria.push({
          question,
          outcome: "pass",
          evidence: found.slice(0, 2).map((path) => ({ path, note: "found" })),
        });
    }
    const where = declarationPath(context);
    const missing = (["name", "type", "country"] as const).filter((key) => declared?.[key] === undefined);
    if ((declared?.evidence ?? []).length === 0) missing.push("evidence" as never);
    criteria.push(
      missing.length === 0
        ? {
            question: "Have the maintainers declared the owner, organisation type and country with evidence?",
            outcome: "attested",
            evidence: [
              {
                path: where,
                note: `declared owner: ${declared?.name ?? ""} (${declared?.type ?? ""}, ${declared?.country ?? ""})`,
              },
              ...linkEvidence(declared?.evidence, "ownership evidence"),
              ...linkEvidence(declared?.rightsEvidence, "rights to third-party work"),
            ],
          }
        : {
            question: "Have the maintainers declared the owner, organisation type and country with evidence?",
            outcome: "review",
            evidence: [{ note: `Not declared: ${missing.map((key) => `\`owner.${key}\``).join(", ")}.` }],
          },
    );
    const outcome = combineCriteria(criteria, "").outcome;
    const finding = combineCriteria(
      criteria,
      outcome === "attested"
        ? `The maintainers declare ${declared?.name ?? "the owner"} as owner${copyright.length > 0 ? ", and copyright lines name the holder" : ""}.`
        : copyright.length > 0
          ? "Copyright statements found; maintainers must confirm the owner, organisation type and country."
          : templates.length > 0
            ? "The copyright line is an unfilled template; maintainers must state who owns the project."
            : "No copyright statement found; maintainers must state who owns the project.",
    );
    // A fix names only what is missing: with a copyright line found, only the declaration is left;
    // with a template's line, filling it in (not adding one) is the step.
    const declare = "declare the owner's name, organisation type and country";
    if (copyright.length > 0)
      finding.fix = {
        text: `${capitalise(declare)} in .github/dpg.yml under \`owner\`, with a link that proves ownership.`,
        markdown: `${capitalise(declare)} in \`.github/dpg.yml\` under \`owner\`, with a link that proves ownership.`,
      };
    else if (templates.length > 0) {
      const where = [...new Set(templates.map((item) => `${item.path ?? ""}:${item.line ?? ""}`))].join(", ");
      finding.fix = {
        text: `Fill in the template's copyright line (${where}) with the year and the owner's name, and ${declare} in .github/dpg.yml under \`owner\`.`,
        markdown: `Fill in the template's copyright line (${where}) with the year and the owner's name, and ${declare} in \`.github/dpg.yml\` under \`owner\`.`,
      };
    }
    return finding;
  },
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Copyright lines of `text` that still hold a template placeholder ("Copyright (c) [year] [fullname]").
 * A verbatim licence's own "how to apply" appendix (GNU, Apache) is the
 * licence's instructions, not the project's line, and is left out. Never quoted: the note says what it is.
 */
export function unfilledCopyrightLines(path: string, text: string, limit = MAX_COPYRIGHT_LINES_PER_FILE): Evidence[] {
  const lines = text.split(/\r?\n/);
  const termsEnd = lines.findIndex((line) => TERMS_END.test(line) || HOW_TO_APPLY.test(line));
  const found: Evidence[] = [];
  for (const [index, line] of lines.entries()) {
    if (termsEnd >= 0 && index > termsEnd) break;
    if (!COPYRIGHT_MARK.test(line) || LICENSE_WORDING.test(line) || !TEMPLATE_PLACEHOLDER.test(line)) continue;
    found.push({
      path,
      line: index + 1,
      note: "a copyright line with an unfilled template placeholder: it names no owner",
    });
    if (found.length >= limit) break;
  }
  return found;
}

/** Lines of `text` that state a copyright, quoted with their line; licence wording and a licence's own copyright are left out. */
export function copyrightStatements(path: string, text: string, limit = MAX_COPYRIGHT_LINES_PER_FILE): Evidence[] {
  const lines = text.split(/\r?\n/);
  const found: Evidence[] = [];
  const hasTermsEnd = lines.some((line) => TERMS_END.test(line));
  let inTerms = false;
  for (const [index, line] of lines.entries()) {
    if (TERMS_END.test(line)) {
      inTerms = false;
      continue;
    }
    if (hasTermsEnd && TERMS_START.test(line)) {
      inTerms = true;
      continue;
    }
    if (inTerms || LICENSE_WORDING.test(line)) continue;
    const match = COPYRIGHT_STATEMENT.exec(line);
    const { lead, word, mark, year, holder } = match?.groups ?? {};
    if (
      match === null ||
      (lead === undefined && word === undefined && mark === undefined) ||
      (year === undefined && holder === undefined)
    )
      continue;
    // A bare "(c)" opens item (c) of a list ("(c) You include a prominent notice"); only a year makes it a statement.
    if (word === undefined && lead !== "©" && mark !== "©" && year === undefined) continue;
    if (lines.slice(index + 1, index + 5).some((next) => VERBATIM_LICENSE.test(next))) continue;
    if (TEMPLATE_PLACEHOLDER.test(line)) continue; // "Copyright (c) 2024 [fullname]" names no owner
    found.push({ path, line: index + 1, note: `"${line.trim().slice(0, 160)}"` });
    if (found.length >= limit) break;
  }
  return found;
}
