// Indicator 8: standards and best practices. Open standards show in dependencies and files,
// practices in CI, tests and review files; the list with evidence is the maintainers' answer.
import { once, zod } from "../declaration/zod.js";
import { codeSpan } from "../core/github-markdown.js";
import { declarationFields } from "../declaration/declaration-fields.js";
import { defineIndicator, type DeclarationSection, type Criterion, type Evidence } from "../core/indicator.js";
import { ownPaths, classifyPath, SOURCE_FILE } from "../core/classify-path.js";
import { findFiles, isVendored } from "../core/find-files.js";
import { combineCriteria } from "./shared/combine-criteria.js";
import { CONTRIBUTING, SECURITY } from "./shared/community-files.js";
import { declaredSection, declarationPath, linkEvidence } from "./shared/declared.js";
import { QUESTIONS_URL } from "./shared/guidance.js";

const STANDARDS_BY_DEPENDENCY: [string, RegExp][] = [
  ["HL7 FHIR", /fhir|hl7|hapi/i],
  ["OAuth 2.0 / OpenID Connect", /oauth|openid|oidc|keycloak|passport-jwt|jsonwebtoken|authlib/i],
  ["SAML", /saml/i],
  ["WCAG (accessibility testing)", /axe-core|@axe-core|jest-axe|pa11y|lighthouse/i],
  ["Internationalisation (i18n)", /i18n|react-intl|gettext|babel$|formatjs/i],
  ["OGC / GeoJSON", /geojson|geotools|openlayers|^ol$|leaflet|gdal|shapely|postgis/i],
  ["OpenAPI", /swagger|openapi|springdoc/i],
];
const STANDARDS_BY_FILE: [string, RegExp][] = [
  ["OpenAPI", /(^|\/)(openapi|swagger)[^/]*\.(ya?ml|json)$/i],
  ["GraphQL", /\.graphqls?$/i],
  ["OGC / GeoJSON", /\.geojson$/i],
  ["Internationalisation (i18n)", /\.(po|pot|xliff)$|(^|\/)(locales?|i18n|translations)\//i],
];
const PRACTICES: [string, RegExp][] = [
  [
    "Continuous integration",
    /^\.github\/workflows\/[^/]+\.ya?ml$|^\.gitlab-ci\.yml$|^Jenkinsfile$|^\.travis\.yml$|^\.circleci\/|^azure-pipelines\.yml$/,
  ],
  ["Dependency update automation", /^\.github\/dependabot\.ya?ml$|(^|\/)renovate\.json5?$|^\.renovaterc/],
  ["Code review ownership (CODEOWNERS)", /^(\.github\/|docs\/)?CODEOWNERS$/],
  ["A changelog or release notes", /^(changelog|changes|history|release[-_ ]?notes)(\.[a-z]+)?$/i],
];

/** Benchmark folders (the classifier's tests of speed). */
const BENCHMARK = /(^|\/)(bench|benchmarks?)\//i;

const standardsSchema = once(() => {
  const z = zod();
  const { evidenceList, text } = declarationFields();
  return z
    .strictObject({
      openStandards: z.array(z.strictObject({ name: text, evidence: evidenceList.optional() })).optional(),
      bestPractices: z.array(z.strictObject({ name: text, evidence: evidenceList.optional() })).optional(),
    })
    .optional()
    .describe("Indicator 8: standards and best practices.");
});

const standardsSection = {
  key: "standards",
  get schema() {
    return standardsSchema();
  },
  template: `standards:
  openStandards:
    - name: "<an open standard, such as OpenAPI 3.1>"
      evidence:
        - "<URL or path that shows it is followed>"
  bestPractices:
    - name: "<a best practice, such as continuous integration>"
      evidence:
        - "<path such as .github/workflows/ci.yml>"
`,
  keys: "`standards.openStandards[]`, `bestPractices[]` (each `name`, `evidence`)",
  question: "Standards and best practices with proof",
} as const satisfies DeclarationSection;

export const standardsAndPractices = defineIndicator({
  id: "8",
  title: "Adherence to standards and best practices",
  requirement: "The project follows relevant open standards, best practices and principles, with evidence.",
  automation: "partial",
  remediation: {
    text: "List the open standards and best practices the project follows, each with evidence (a validator, a test suite, a CI workflow), in .github/dpg.yml under `standards`.",
    markdown:
      "List the open standards and best practices the project follows, each with evidence (a validator, a test suite, a CI workflow), in `.github/dpg.yml` under `standards`.",
  },
  docsUrl: QUESTIONS_URL,
  exemption: { allowed: true },
  declaration: standardsSection,
  dpgaFields: ["openStandards", "bestPractices"],
  verifies:
    "Open standards seen in dependencies and files (OpenAPI, FHIR/HL7, OAuth2/OIDC, SAML, GeoJSON/OGC, WCAG tooling, i18n); CI, tests, CODEOWNERS, SECURITY.md, releases, dependency bots.",
  declares: "The standards and practices followed, with evidence",
  // The manifests are read once per screen by the manifest facts.
  files: () => [],
  evaluate(view, context) {
    const declared = declaredSection(context, standardsSection);
    // Standards are shown by the project's own files, not by fixtures, examples or vendored copies.
    const paths = ownPaths(view.listing.paths);
    const everyPath = view.listing.paths.filter((path) => !isVendored(path));
    const dependencies = context.manifests.manifests.flatMap((manifest) => manifest.dependencies);
    const standards = new Map<string, Evidence>();
    for (const dependency of dependencies) {
      for (const [name, pattern] of STANDARDS_BY_DEPENDENCY)
        if (!standards.has(name) && pattern.test(dependency.name))
          standards.set(name, {
            path: dependency.path,
            line: dependency.line,
            note: `${name}: depends on ${dependency.name}`,
          });
    }
    for (const [name, pattern] of STANDARDS_BY_FILE) {
      const found = paths.find((path) => pattern.test(path));
      if (!standards.has(name) && found !== undefined) standards.set(name, { path: found, note: name });
    }
    // CI and tooling files live in folders the classifier calls tooling; they are the evidence here.
    const practices: Evidence[] = PRACTICES.flatMap(([name, pattern]) => {
      const found = everyPath.find((path) => pattern.test(path));
      return found === undefined ? [] : [{ path: found, note: name }];
    });
    // A test is a source file the classifier calls a test, not a fixture, snapshot or sample beside it.
    const isTest = (path: string) => {
      const kinds = classifyPath(path);
      return (
        kinds.includes("test") && !kinds.includes("fixture") && !kinds.includes("vendored") && SOURCE_FILE.test(path)
      );
    };
    // Benchmarks count as tests for the classifier, but a test suite is the better evidence of this practice.
    const test =
      everyPath.find((path) => isTest(path) && !BENCHMARK.test(path)) ?? everyPath.find((path) => isTest(path));
    if (test !== undefined) practices.splice(1, 0, { path: test, note: "Automated tests" });
    for (const [name, pattern] of [
      ["A security policy", SECURITY],
      ["A contributing guide", CONTRIBUTING],
    ] as const) {
      const found = findFiles(view.listing.paths, pattern)[0];
      if (found !== undefined) practices.push({ path: found, note: name });
    }
    const criteria: Criterion[] = [];
    if (standards.size > 0)
      criteria.push({
        question: "Which open standards does the repository show?",
        outcome: "pass",
        evidence: [...standards.values()],
      });
    if (practices.length > 0)
      criteria.push({
        question: "Which best practices does the repository show?",
        outcome: "pass",
        evidence: practices,
      });
    const listed = [...(declared?.openStandards ?? []), ...(declared?.bestPractices ?? [])];
    const withoutEvidence = listed.filter((entry) => (entry.evidence ?? []).length === 0);
    criteria.push(
      listed.length > 0 && withoutEvidence.length === 0
        ? {
            question: "Have the maintainers listed standards and practices with evidence?",
            outcome: "attested",
            evidence: listed.flatMap((entry) => [
              { path: declarationPath(context), note: `declared: ${entry.name}` },
              ...linkEvidence(entry.evidence, `evidence for ${entry.name}`),
            ]),
          }
        : {
            question: "Have the maintainers listed standards and practices with evidence?",
            outcome: "review",
            evidence: [
              {
                note:
                  listed.length === 0
                    ? "`standards.openStandards` and `standards.bestPractices` are not declared."
                    : `No evidence declared for: ${withoutEvidence.map((entry) => entry.name).join(", ")}.`,
              },
            ],
          },
    );
    const finding = combineCriteria(criteria, "");
    // A fix names only what is missing: with entries declared, only their evidence is.
    if (listed.length > 0 && withoutEvidence.length > 0) {
      const names = withoutEvidence.map((entry) => entry.name);
      finding.fix = {
        text: `Add evidence (a validator, a test suite, a CI workflow) for ${names.join(", ")} in .github/dpg.yml under \`standards\`.`,
        markdown: `Add evidence (a validator, a test suite, a CI workflow) for ${names.map((name) => codeSpan(name)).join(", ")} in \`.github/dpg.yml\` under \`standards\`.`,
      };
    }
    finding.summary =
      finding.outcome === "attested"
        ? `The maintainers list ${listed.length} standards and practices with evidence.`
        : `Found ${standards.size} open standard(s) and ${practices.length} practice(s); maintainers must list the standards and practices they follow, with evidence.`;
    return finding;
  },
});
