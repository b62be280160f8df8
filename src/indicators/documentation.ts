// Indicator 5: documentation. A README with real substance, a docs folder and the files a
// stranger needs are verifiable; whether they suffice to run the project is a reviewer's call.
import { ownPaths } from "../core/classify-path.js";
import { once, zod } from "../declaration/zod.js";
import { declarationFields } from "../declaration/declaration-fields.js";
import { defineIndicator, type DeclarationSection, type Criterion, type Evidence } from "../core/indicator.js";
import { findFiles } from "../core/find-files.js";
import { combineCriteria } from "./shared/combine-criteria.js";
import { CONTRIBUTING, firstText, readmePaths } from "./shared/community-files.js";
import { declaredSection, declarationPath, linkEvidence, missingPaths } from "./shared/declared.js";
import { DOCUMENTATION_GUIDANCE_URL } from "./shared/guidance.js";
import { README_OUTLINE_TEMPLATE } from "./fix-templates/readme-outline.js";

/** Below this many words a README is a stub, not documentation. */
const documentationSchema = once(() => {
  const z = zod();
  const { evidenceList } = declarationFields();
  return z
    .strictObject({ evidence: evidenceList.optional() })
    .optional()
    .describe("Indicator 5: where the documentation is.");
});

const documentationSection = {
  key: "documentation",
  get schema() {
    return documentationSchema();
  },
  template: `documentation:
  evidence:
    - "<URL of the documentation site, or a repository path such as docs/>"
`,
  keys: "`documentation.evidence`",
  question: "Where the documentation is",
} as const satisfies DeclarationSection;

export const SUBSTANTIAL_README_WORDS = 150;
// A heading level, then either the rest of its line or, past a blank, a later line: `.` stops at
// line breaks, so the space is taken up to the last break before the heading text.
const INSTALL_HEADING =
  /^#{1,4}(?:\s*[\n\r\u2028\u2029])?.*\b(install|installation|getting started|quick ?start|setup|set up|usage|run|deploy|build)/im;
const SECTIONS: [string, RegExp][] = [
  ["install or run", /^#{1,4}.*\b(install|getting started|quick ?start|setup|set up|run|build)/im],
  ["usage", /^#{1,4}.*\b(usage|how to use|user guide|features)/im],
  ["deployment", /^#{1,4}.*\b(deploy|hosting|production)/im],
  ["contributing", /^#{1,4}.*\b(contribut|development)/im],
];
const SIGNALS: [string, (path: string) => boolean][] = [
  [
    "a changelog or release notes",
    (path) => /^(changelog|changes|history|news|release[-_ ]?notes)(\.[a-z]+)?$/i.test(path),
  ],
  ["an API specification", (path) => /(^|\/)(openapi|swagger)[\w.-]*\.(ya?ml|json)$|\.graphqls?$/i.test(path)],
  [
    "architecture documentation",
    (path) => /(^|\/)architecture[\w.-]*\.(md|rst|adoc|txt)$|^docs?\/(.*\/)?(architecture|design)\//i.test(path),
  ],
  [
    "a data dictionary or data package",
    (path) =>
      /(^|\/)(datapackage\.json|[\w-]*(data[-_]?dictionary|codebook|schema)[\w-]*\.(md|csv|json|ya?ml)|croissant\.json)$/i.test(
        path,
      ),
  ],
  ["a model card", (path) => /(^|\/)(model[-_]?card[\w-]*\.md|MODEL_CARD\.md)$/i.test(path)],
];

export const documentation = defineIndicator({
  id: "5",
  title: "Documentation",
  requirement: "The project has documentation of its source code, use cases and/or functional requirements.",
  automation: "partial",
  remediation: {
    text: "Write a README that says what the project is, how to install and run it, how to deploy it and how to contribute; link fuller documentation (a docs/ folder or site).",
    markdown: `Write a \`README.md\` that says what the project is, how to install and run it, how to deploy it and how to contribute; link fuller documentation (a \`docs/\` folder or site). See the [DPGA documentation guidance](${DOCUMENTATION_GUIDANCE_URL}).`,
  },
  docsUrl: DOCUMENTATION_GUIDANCE_URL,
  exemption: { allowed: true },
  declaration: documentationSection,
  fixTemplate: {
    steps: [
      "Fill in each section of the README outline below; a reviewer must be able to install and run the project from it alone.",
    ],
    files: [{ path: "README.md", language: "markdown", content: README_OUTLINE_TEMPLATE }],
  },
  dpgaFields: ["documentation"],
  verifies:
    "README substance (install, usage, deployment, contributing), docs folder, contributing guide, changelog, API specifications, architecture docs; a data dictionary for data, a model card for AI.",
  declares: "—",
  files: (paths) => readmePaths(paths).slice(0, 1),
  evaluate(view, context) {
    const paths = view.listing.paths;
    const declared = declaredSection(context, documentationSection)?.evidence ?? [];
    const readmes = readmePaths(paths);
    const readme = firstText(view, readmes);
    const docsFolder = paths.find((path) => /^(docs?|documentation|wiki)\//i.test(path))?.split("/")[0];
    const homepage = view.metadata.homepage;
    const criteria: Criterion[] = [];
    // A README that exists but cannot be read (too large, binary, unreadable) is not a missing one.
    const unreadable = readme === undefined ? readmes[0] : undefined;
    if (unreadable !== undefined) {
      const file = view.read(unreadable);
      const why =
        file.kind === "too-large"
          ? `too large to read (${file.bytes} bytes)`
          : file.kind === "unreadable"
            ? file.reason
            : `not readable as text (${file.kind})`;
      criteria.push({
        question: "Does the README explain how to install, use, deploy and contribute?",
        outcome: "review",
        evidence: [{ path: unreadable, note: `README ${why}, so what it explains is unknown` }],
      });
    }
    if (readme === undefined && unreadable === undefined && docsFolder === undefined && declared.length === 0) {
      return {
        outcome: "fail",
        summary: "No README, no documentation folder and no declared documentation found.",
        evidence: homepage ? [{ url: homepage, note: "project homepage (not checked)" }] : [],
      };
    }
    let substantial = false;
    if (readme !== undefined) {
      const words = readme.text.split(/\s+/).filter(Boolean).length;
      const sections = SECTIONS.filter(([, pattern]) => pattern.test(readme.text)).map(([name]) => name);
      substantial = words >= SUBSTANTIAL_README_WORDS && INSTALL_HEADING.test(readme.text);
      criteria.push({
        question: "Does the README explain how to install, use, deploy and contribute?",
        outcome: substantial ? "pass" : "review",
        evidence: [
          {
            path: readme.path,
            note: `README of ${words} words; sections found: ${sections.length > 0 ? sections.join(", ") : "none"}`,
          },
        ],
      });
    } else if (unreadable === undefined) {
      criteria.push({
        question: "Does the README explain how to install, use, deploy and contribute?",
        outcome: "review",
        evidence: [{ note: "No README found to point to the documentation." }],
      });
    }
    const fuller: Evidence[] = [];
    if (docsFolder !== undefined) fuller.push({ path: `${docsFolder}/`, note: "documentation folder" });
    const contributing = findFiles(paths, CONTRIBUTING)[0];
    if (contributing !== undefined) fuller.push({ path: contributing, note: "contributing guide" });
    // Only the project's own files: an OpenAPI file or model card under test/fixtures/ is not its documentation.
    const own = ownPaths(paths);
    for (const [name, test] of SIGNALS) {
      const found = own.find(test);
      if (found !== undefined) fuller.push({ path: found, note: name });
    }
    if (fuller.length > 0)
      criteria.push({
        question:
          "Is there fuller documentation (docs folder, contributing guide, changelog, API specification, architecture)?",
        outcome: "pass",
        evidence: fuller,
      });
    if (declared.length > 0) {
      const missing = missingPaths(view, declared);
      const docsSite =
        homepage !== undefined && /^https?:\/\/(docs?\.|[^/]*(readthedocs|gitbook)\.)|\/docs?\b/i.test(homepage)
          ? homepage
          : undefined;
      const unrelated = docsSite !== undefined && !declared.some((link) => sameHost(link, docsSite));
      criteria.push({
        question: "Does the declared documentation exist and agree with the repository?",
        outcome: missing.length > 0 || unrelated ? "review" : "attested",
        evidence: [
          ...linkEvidence(declared, `declared in ${declarationPath(context)}`),
          ...missing.map((path) => ({ note: `${path} is declared but not in the repository` })),
          ...(unrelated
            ? [{ url: docsSite, note: "the repository's homepage is a different documentation site" }]
            : []),
        ],
      });
    }
    const finding = combineCriteria(criteria, "");
    finding.summary =
      finding.outcome === "pass"
        ? `${readme?.path ?? "The README"} is substantial and explains how to install or run the project.`
        : finding.outcome === "attested"
          ? "Documentation is declared by the maintainers."
          : readme === undefined
            ? "No README; documentation exists elsewhere and a reviewer must check it."
            : substantial
              ? "The declared documentation disagrees with the repository; see the evidence."
              : `${readme.path} is short or has no installation or usage section; a reviewer will ask for installation, usage and deployment instructions.`;
    return finding;
  },
});

function sameHost(link: string, url: string): boolean {
  try {
    return new URL(link).host === new URL(url).host;
  } catch {
    return false;
  }
}
