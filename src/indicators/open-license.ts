// Indicator 2: an approved open licence. The one indicator a machine can verify end to end:
// the licence facts come from src/licenses, the per-asset-type policy from dpg-license-policy.
import type { AssetType } from "../core/asset-type.js";
import { ASSET_TYPES } from "../core/asset-type.js";
import { codeSpan } from "../core/github-markdown.js";
import { defineIndicator, type Criterion, type Evidence, type Fix, type IndicatorFinding } from "../core/indicator.js";
import type { LicenseFacts, LicenseSubtree } from "../core/license-facts.js";
import type { Outcome } from "../core/outcome.js";
import { worstOutcome } from "../core/outcome.js";
import { licenseFiles } from "../licenses/build-license-facts.js";
import { idsOf } from "../licenses/decide-license-expression.js";
import { describeSubtree } from "../licenses/summarize-subtrees.js";
import { judgeLicense, judgeLicenseExpression, type PolicyJudgement } from "../licenses/judge-license-policy.js";
import { LICENSE_GUIDANCE_URL } from "./shared/guidance.js";

/** Which licence part covers which asset type; "project" covers them all. */
const PART_FOR_TYPE: Record<AssetType, string> = {
  software: "code",
  data: "data",
  content: "content",
  aimodel: "model",
};
const TYPE_NAMES: Record<AssetType, string> = {
  software: "software",
  data: "data",
  content: "content",
  aimodel: "AI model",
};
const TEXT_METHODS = new Set(["text", "notice", "filename"]);
/** Subtrees listed one by one in the evidence. */
const MAX_SUBTREE_LINES = 12;

const ADD_LICENSE_FILE: Fix = {
  text: "Put the full text of the licence in a LICENSE file at the repository root, and make package manifests name the same licence.",
  markdown: `Put the full text of the licence in \`LICENSE\` at the repository root, and make package manifests name the same licence ([DPGA licence guidance](${LICENSE_GUIDANCE_URL})).`,
};

export const openLicense = defineIndicator({
  id: "2",
  title: "Use of approved open licences",
  requirement:
    "The project uses an approved open licence (OSI for software, Creative Commons for content, Open Definition for data).",
  automation: "full",
  remediation: {
    text: "Choose an approved open licence (e.g. Apache-2.0, MIT, GPL-3.0-or-later for software), put its full text in a LICENSE file at the root, and make package manifests name the same licence.",
    markdown: `Choose an [approved open licence](${LICENSE_GUIDANCE_URL}) (e.g. \`Apache-2.0\`, \`MIT\`, \`GPL-3.0-or-later\` for software), put its full text in \`LICENSE\` at the repository root, and make package manifests name the same licence.`,
  },
  docsUrl: LICENSE_GUIDANCE_URL,
  exemption: { allowed: false, name: "open licence", why: "every digital public good needs an approved open licence" },
  fixTemplate: {
    steps: [
      "Pick one licence from the list below (ask everyone who owns the work to agree).",
      "Save its full text, unchanged, as `LICENSE` at the repository root.",
      'Name the same licence in every package manifest (for example `"license": "Apache-2.0"` in `package.json`).',
    ],
    licenseChoices: true,
    present: {
      path: /^(?:(?:\.github|docs)\/)?(?:licen[cs]es?|copying|unlicen[cs]e)(?:[-._ ][^/]*)?$/i,
      whenPresent: [
        "Make `{path}` hold the full text, unchanged (as SPDX publishes it), of one approved licence: the one it names if the DPGA accepts it, or one from the list below (ask everyone who owns the work to agree).",
        'Name the same licence in every package manifest (for example `"license": "Apache-2.0"` in `package.json`).',
      ],
    },
  },
  dpgaFields: ["openlicenses"],
  verifies:
    "Licence texts identified against the full SPDX list (exact, similar, embedded after a preamble or before extra terms), GNU/Apache/MPL/CC notices, 11 manifest ecosystems, REUSE `LICENSES/`, SPDX headers, README sections; judged per asset type against the DPGA lists (OSI for software, CC incl. NC for content, Open Definition for data; SSPL, BUSL, Elastic, RSAL, Commons Clause, PolyForm, ethical-source, RAIL and CC-ND rejected). Conflicting sources are shown, never resolved silently. See [docs/licenses.md](docs/licenses.md).",
  declares: "Nothing when verified",
  files: (paths) => licenseFiles(paths),
  evaluate(_view, context) {
    // Detection that crashed is the screener's problem, not a missing licence: report an error row.
    if (context.licenses.failure !== undefined) throw new Error(context.licenses.failure);
    const { licenses, assetTypes } = context;
    const evidence = evidenceOf(licenses);
    if (licenses.license === null) {
      const empty = licenses.unidentified.filter((file) => file.empty === true).map((file) => file.path);
      if (empty.length > 0 && empty.length === licenses.unidentified.length && licenses.conflicts.length === 0)
        return {
          outcome: "fail",
          summary: `No licence found: ${empty.join(", ")} ${empty.length > 1 ? "are" : "is"} empty.`,
          evidence,
          fix: fillEmptyFix(empty),
        };
      if (licenses.unidentified.length > 0 || licenses.conflicts.length > 0) {
        const paths = [
          ...licenses.unidentified.map((file) => file.path),
          ...licenses.conflicts.flatMap((conflict) => conflict.sources.map((source) => source.path)),
        ];
        return {
          outcome: "review",
          summary: `Licence-like files found but no licence identified with confidence: ${[...new Set(paths)].join(", ")}.`,
          evidence,
          fix: licenses.unidentified.length > 0 ? identifyFix(licenses) : conflictFix(licenses),
        };
      }
      return {
        outcome: "fail",
        summary:
          "No licence found: no LICENSE or COPYING file, no LICENSES/ folder, no licence in a package manifest, no SPDX header and no licence statement in the README.",
        evidence,
      };
    }
    const uncertainType = assetTypes.source === "detected" && assetTypes.uncertain !== undefined;
    const criteria = assetTypes.types.map((type) => criterionFor(type, licenses, uncertainType, assetTypes.uncertain));
    const rejected = criteria.filter((criterion) => criterion.outcome === "fail");
    if (rejected.length > 0) {
      return {
        outcome: "fail",
        summary: `${licenses.license} is not an acceptable licence here: ${rejected.map((criterion) => criterion.evidence?.[0]?.note ?? "").join(" ")}`,
        evidence,
        criteria,
        ...(licenseTextPaths(licenses).length > 0 ? { fix: relicenseFix(licenses, assetTypes.types) } : {}),
      };
    }
    const claimsOnly = !licenses.licenses.some((found) => TEXT_METHODS.has(found.method));
    const reviewNotes: string[] = [];
    // What the fix must name, one step per reason for the review.
    const steps: Step[] = [];
    const closedSubtrees = (licenses.subtrees ?? []).flatMap((subtree) =>
      subtreeLicenses(subtree)
        .filter(
          (license) =>
            license.spdx !== "unidentified" &&
            assetTypes.types.every((type) => judgeLicenseExpression(license.spdx, type).verdict === "rejected"),
        )
        .map((license) => `${subtree.path} is under ${license.spdx} (${license.path})`),
    );
    if (closedSubtrees.length > 0) {
      reviewNotes.push(
        `A subtree carries a licence not accepted here: ${closedSubtrees.join("; ")}; a reviewer must confirm it is not part of the product.`,
      );
      const paths = closedSubtreePaths(licenses, assetTypes.types);
      steps.push(
        (code) =>
          `Say in the README whether ${paths.map(code).join(", ")} ${paths.length > 1 ? "are" : "is"} part of the product; if so, relicense ${paths.length > 1 ? "them" : "it"} under an approved open licence`,
      );
    }
    if (licenses.conflicts.length > 0) {
      reviewNotes.push(`Sources disagree: ${licenses.conflicts.map((conflict) => conflict.message).join(" ")}`);
      steps.push(conflictStep(licenses));
    }
    if (claimsOnly) {
      reviewNotes.push(
        `${licenses.license} is only declared (${[...new Set(licenses.licenses.map((found) => found.path))].join(", ")}); the repository holds no licence text.`,
      );
      const license = licenses.license;
      steps.push(
        licenses.unidentified.length > 0
          ? identifyStep(licenses)
          : (code) => `Put the full text of ${code(license)} in a LICENSE file at the repository root`,
      );
    }
    if (
      criteria.some(
        (criterion) => criterion.outcome === "review" && UNCERTAIN_TYPE.test(criterion.evidence?.[0]?.note ?? ""),
      )
    )
      steps.push(
        (code) =>
          `Declare ${code("assetTypes")} in ${code(".github/dpg.yml")}, so the licence is judged for what the project is`,
      );
    if (
      criteria.some(
        (criterion) =>
          criterion.outcome === "review" &&
          /not described by spdx-license-list/.test(criterion.evidence?.[0]?.note ?? ""),
      )
    )
      steps.push(
        () => "Name the licence by an identifier of the SPDX licence list, or ask the DPGA whether it is accepted",
      );
    if (
      criteria.some(
        (criterion) =>
          criterion.outcome === "review" && /only one of the REUSE licences/.test(criterion.evidence?.[0]?.note ?? ""),
      )
    )
      steps.push(() => "Make the SPDX headers show which files each REUSE licence covers");
    for (const criterion of criteria)
      if (criterion.outcome === "review" && /^No licence found for the /.test(criterion.evidence?.[0]?.note ?? ""))
        steps.push(
          (code) =>
            `Add a licence for the ${criterion.question.replace(/^Is the (.*?) under a licence.*$/, "$1")} (e.g. a ${code("LICENSE-DATA")} or ${code("LICENSE-CONTENT")} file)`,
        );
    const outcome = worstOutcome([
      ...criteria.map((criterion) => criterion.outcome),
      ...(reviewNotes.length > 0 ? (["review"] as Outcome[]) : []),
    ]);
    if (outcome === "review") {
      const criterionNotes = criteria
        .filter((criterion) => criterion.outcome === "review")
        .map((criterion) => criterion.evidence?.[0]?.note ?? "");
      return {
        outcome,
        summary: `Licensed under ${licenses.license}, but a reviewer must confirm: ${[...reviewNotes, ...criterionNotes].join(" ")}`,
        evidence,
        criteria,
        ...(steps.length > 0 ? { fix: stepsFix(steps) } : {}),
      };
    }
    const warnings = criteria
      .flatMap((criterion) => criterion.evidence ?? [])
      .filter((item) => /NonCommercial/.test(item.note))
      .map((item) => item.note);
    const summary = `Licensed under ${licenses.license}, approved for ${assetTypes.types.map((type) => TYPE_NAMES[type]).join(" and ")}.${warnings.length > 0 ? ` Warning: ${warnings.join(" ")}` : ""}`;
    return { outcome: "pass", summary, evidence, criteria } satisfies IndicatorFinding;
  },
});

/** One criterion per asset type: is the licence of the part covering it acceptable? */
function criterionFor(
  type: AssetType,
  licenses: LicenseFacts,
  uncertainType: boolean,
  uncertainty: string | undefined,
): Criterion {
  const question = `Is the ${TYPE_NAMES[type]} under a licence the DPGA accepts for ${TYPE_NAMES[type]}?`;
  const parts = (licenses.parts ?? []).filter((part) => part.part === "project" || part.part === PART_FOR_TYPE[type]);
  if (parts.length === 0) {
    return {
      question,
      outcome: "review",
      evidence: [
        {
          note: `No licence found for the ${TYPE_NAMES[type]}: the licences found cover ${(licenses.parts ?? []).map((part) => part.part).join(", ")}.`,
        },
      ],
    };
  }
  const expression = parts.map((part) => part.expression).join(" AND ");
  const judgement = judgeLicenseExpression(
    parts.length > 1 ? parts.map((part) => `(${part.expression})`).join(" AND ") : expression,
    type,
  );
  let outcome = outcomeOf(judgement, expression, type, uncertainType);
  // An approved licence has no reasons to list; the note still says what was judged.
  const judged =
    judgement.reasons.length > 0 ? judgement.reasons.join("; ") : `${expression}: accepted for ${TYPE_NAMES[type]}`;
  let note =
    outcome === "review" && judgement.verdict === "rejected"
      ? `${judged} — but the asset type is uncertain (${uncertainty ?? "detected"}) and the licence fits another type.`
      : judged;
  const reuseOnly = outcome === "fail" ? reuseOnlyRejections(expression, type, licenses) : [];
  if (reuseOnly.length > 0) {
    outcome = "review";
    note = `${judged} — but ${reuseOnly.join(", ")} is only one of the REUSE licences in LICENSES/, beside an accepted one; each file's SPDX header says which covers it, and whether any ${TYPE_NAMES[type]} is under ${reuseOnly.join(", ")} is not known.`;
  }
  return { question, outcome, evidence: [{ note }] };
}

/**
 * REUSE's LICENSES/ lists every licence used somewhere in the tree (often docs under a content
 * licence beside code under an open source one): a rejected licence known only from there,
 * next to an accepted one, may cover no file of this asset type. Returns such licences.
 */
function reuseOnlyRejections(expression: string, type: AssetType, licenses: LicenseFacts): string[] {
  const ids = idsOf(expression);
  const rejected = ids.filter((id) => judgeLicense(id, type).verdict === "rejected");
  const accepted = ids.filter((id) => judgeLicense(id, type).verdict !== "rejected");
  if (rejected.length === 0 || accepted.length === 0) return [];
  const fromReuseOnly = (id: string) => {
    const sources = licenses.licenses.filter(
      (found) => found.spdx === id && /^(text|notice|filename)$/.test(found.method),
    );
    return sources.length > 0 && sources.every((found) => found.path.startsWith("LICENSES/"));
  };
  return rejected.every(fromReuseOnly) ? rejected : [];
}

function outcomeOf(judgement: PolicyJudgement, expression: string, type: AssetType, uncertainType: boolean): Outcome {
  if (judgement.verdict === "approved" || judgement.verdict === "warning") return "pass";
  if (judgement.verdict === "review") return "review";
  // Only a type detection that is itself unsure turns a rejection into a question.
  if (uncertainType) {
    const fitsAnother = ASSET_TYPES.some(
      (other) => other !== type && judgeLicenseExpression(expression, other).verdict !== "rejected",
    );
    if (fitsAnother) return "review";
  }
  return "fail";
}

function evidenceOf(licenses: LicenseFacts): Evidence[] {
  const evidence: Evidence[] = licenses.licenses.map((found) => ({
    path: found.path,
    ...(found.line === undefined ? {} : { line: found.line }),
    note: `${found.spdx} (${found.method}${found.part === undefined ? "" : `, ${found.part}`}, confidence ${Math.round(found.confidence * 100)}%)${found.note === undefined ? "" : `: ${found.note}`}`,
  }));
  for (const file of licenses.unidentified) evidence.push({ path: file.path, note: file.note });
  for (const subtree of (licenses.subtrees ?? []).slice(0, MAX_SUBTREE_LINES))
    evidence.push({
      ...(subtree.licenses[0] === undefined ? {} : { path: subtree.licenses[0].path }),
      note: describeSubtree(subtree),
    });
  if ((licenses.subtrees ?? []).length > MAX_SUBTREE_LINES)
    evidence.push({
      note: `${(licenses.subtrees ?? []).length - MAX_SUBTREE_LINES} more subtrees with licences not listed.`,
    });
  if (licenses.coverage !== undefined && (licenses.subtrees ?? []).length > 0)
    evidence.push({ note: licenses.coverage });
  if ((licenses.vendored ?? []).length > 0)
    evidence.push({
      note: `${licenses.vendored?.length ?? 0} licence file(s) of vendored or third-party code were not counted as the project's licence (e.g. ${licenses.vendored?.[0] ?? ""}).`,
    });
  return evidence;
}

/** A subtree's licences: its licence files and its manifests' licence values. */
function subtreeLicenses(subtree: LicenseSubtree): { spdx: string; path: string }[] {
  return [...subtree.licenses, ...(subtree.manifests ?? [])];
}

/** The note of a criterion whose rejection became a question because the detected type is unsure. */
const UNCERTAIN_TYPE = /but the asset type is uncertain/;

/** Files that hold a licence text (identified or not): when there is one, a fix never says to add one. */
function licenseTextPaths(licenses: LicenseFacts): string[] {
  return [
    ...new Set([
      ...licenses.licenses.filter((found) => TEXT_METHODS.has(found.method)).map((found) => found.path),
      ...licenses.unidentified.map((file) => file.path),
    ]),
  ];
}

/**
 * One step of a fix: a sentence without its full stop, written once for text and markdown;
 * `code` is how a path or an identifier is shown (as is, or as a code span: repository text
 * never becomes live markdown).
 */
type Step = (code: (value: string) => string) => string;

/** A fix made of steps, in the order of the reasons. */
function stepsFix(steps: readonly Step[]): Fix {
  const sentences = (code: (value: string) => string) => `${[...new Set(steps.map((step) => step(code)))].join(". ")}.`;
  return {
    text: sentences((value) => value),
    markdown: `${sentences(codeSpan)} ([DPGA licence guidance](${LICENSE_GUIDANCE_URL}))`,
  };
}

function identifyStep(licenses: LicenseFacts): Step {
  const empty = [...new Set(licenses.unidentified.filter((file) => file.empty === true).map((file) => file.path))];
  const paths = [...new Set(licenses.unidentified.filter((file) => file.empty !== true).map((file) => file.path))];
  const license = licenses.license;
  const fill = (code: (value: string) => string) =>
    `${empty.map(code).join(", ")} ${empty.length > 1 ? "are" : "is"} empty: put the full text of ${license === null ? "the licence" : code(license)} in ${empty.length > 1 ? "them" : "it"}`;
  if (paths.length === 0) return fill;
  return (code) =>
    `${empty.length > 0 ? `${fill(code)}. ` : ""}${paths.map(code).join(", ")} ${paths.length > 1 ? "hold" : "holds"} a licence text the screener could not identify: use the licence's unmodified text (as SPDX publishes it) or add an ${code("SPDX-License-Identifier:")} line naming it, and make package manifests name the same licence`;
}

/** No licence but an empty licence file: choose one and fill the file in, rather than add another. */
function fillEmptyFix(paths: readonly string[]): Fix {
  const files = (code: (value: string) => string) =>
    `${paths.map(code).join(", ")} (${paths.length > 1 ? "they are" : "it is"} empty)`;
  return {
    text: `Choose an approved open licence (e.g. Apache-2.0, MIT, GPL-3.0-or-later for software), put its full text in ${files((value) => value)}, and make package manifests name the same licence.`,
    markdown: `Choose an [approved open licence](${LICENSE_GUIDANCE_URL}) (e.g. \`Apache-2.0\`, \`MIT\`, \`GPL-3.0-or-later\` for software), put its full text in ${files(codeSpan)}, and make package manifests name the same licence.`,
  };
}

function identifyFix(licenses: LicenseFacts): Fix {
  const steps = [identifyStep(licenses)];
  if (licenses.conflicts.length > 0) steps.push(conflictStep(licenses));
  return stepsFix(steps);
}

function conflictStep(licenses: LicenseFacts): Step {
  const paths = [...new Set(licenses.conflicts.flatMap((conflict) => conflict.sources.map((source) => source.path)))];
  const license = licenses.license;
  return (code) =>
    `Make ${paths.map(code).join(", ")} name the same licence${license === null ? "" : ` as the licence file (${code(license)})`}, or explain the split in the README`;
}

function conflictFix(licenses: LicenseFacts): Fix {
  if (licenses.conflicts.length === 0) return ADD_LICENSE_FILE;
  return stepsFix([conflictStep(licenses)]);
}

/** The subtrees under a licence rejected for every asset type. */
function closedSubtreePaths(licenses: LicenseFacts, types: readonly AssetType[]): string[] {
  return (licenses.subtrees ?? [])
    .filter((subtree) =>
      subtreeLicenses(subtree).some(
        (license) =>
          license.spdx !== "unidentified" &&
          types.every((type) => judgeLicenseExpression(license.spdx, type).verdict === "rejected"),
      ),
    )
    .map((subtree) => subtree.path);
}

/** A rejected licence whose text is in the repository: replace it, do not add another file. */
function relicenseFix(licenses: LicenseFacts, types: readonly AssetType[]): Fix {
  const paths = licenseTextPaths(licenses);
  const examples: Record<AssetType, string> = {
    software: "Apache-2.0, MIT or GPL-3.0-or-later",
    content: "CC-BY-4.0 or CC-BY-SA-4.0",
    data: "CC-BY-4.0, ODbL-1.0 or CC0-1.0",
    aimodel: "Apache-2.0 for code and weights, and an open data licence for training data",
  };
  return stepsFix([
    (code) =>
      `Relicense under a licence the DPGA accepts for ${types.map((type) => TYPE_NAMES[type]).join(" and ")} (e.g. ${types.map((type) => examples[type]).join("; ")}) and replace the text in ${paths.map(code).join(", ")} with it; if the asset type is wrong, declare ${code("assetTypes")} in ${code(".github/dpg.yml")}`,
  ]);
}
