// Indicator 6: extraction of non-PII data. API descriptions, export features and datasets in
// open formats are signals; whether the product holds non-PII data is declared.
import { once, zod } from "../declaration/zod.js";
import { declarationFields } from "../declaration/declaration-fields.js";
import { defineIndicator, type DeclarationSection, type Criterion, type Evidence } from "../core/indicator.js";
import { ownPaths } from "../core/classify-path.js";
import { codeSpan } from "../core/github-markdown.js";
import { combineCriteria } from "./shared/combine-criteria.js";
import { firstText, quoteMatches, readmePaths } from "./shared/community-files.js";
import { declaredSection, declarationPath, linkEvidence } from "./shared/declared.js";
import { QUESTIONS_URL } from "./shared/guidance.js";

const API_SPEC = /(^|\/)(openapi|swagger)[^/]*\.(ya?ml|json)$|\.graphqls?$|(^|\/)schema\.graphql$/i;
const EXPORT_MENTION =
  /\b(export|import|download)\w*\b[^.\n]{0,80}\b(CSV|JSON|GeoJSON|XML|Excel|SQL|API|FHIR|ADX|Parquet)\b|\b(REST|GraphQL|FHIR)\s+API\b/i;
const OPEN_DATA = /\.(csv|tsv|json|jsonl|geojson|xml|parquet|txt|gpkg|ttl|rdf|nc|sqlite)$/i;
const CLOSED_DATA = /\.(xlsx?|sav|dta|sas7bdat|mdb|accdb)$/i;
const OPEN_CONTENT = /\.(md|html?|pdf|epub|png|jpe?g|svg|mp3|mp4|webm|ogg|odt|txt|h5p)$/i;

const nonPersonalDataSchema = once(() => {
  const z = zod();
  const { evidenceList, text } = declarationFields();
  return z
    .strictObject({
      collected: z
        .boolean()
        .optional()
        .describe("Does the product collect, use or generate non-personal data or content?"),
      exportMechanism: text.optional().describe("How that data can be exported or imported in open formats."),
      evidence: evidenceList.optional(),
    })
    .optional()
    .describe("Indicator 6: mechanism for extracting data and content.");
});

const nonPersonalDataSection = {
  key: "nonPersonalData",
  get schema() {
    return nonPersonalDataSchema();
  },
  template: `nonPersonalData:
  collected: true # false when the project holds no non-personal data or content
  exportMechanism: "<how the data can be exported and imported in open formats: an API, CSV or JSON>"
  evidence:
    - "<URL or path of the API or export documentation>"
`,
  keys: "`nonPersonalData.collected`, `exportMechanism`, `evidence`",
  question: "Non-PII data (yes/no) and how it is exported",
} as const satisfies DeclarationSection;

const EXTRACTION_REMEDIATION = {
  text: "Declare in .github/dpg.yml under `nonPersonalData` whether the project collects non-PII data and how it can be exported (API, CSV/JSON export).",
  markdown:
    "Declare in `.github/dpg.yml` under `nonPersonalData` whether the project collects non-PII data and how it can be exported (an API, CSV or JSON export).",
};

export const dataExtraction = defineIndicator({
  id: "6",
  title: "Mechanism for extracting data and content",
  requirement: "Non-PII data and content the project holds can be exported and imported in non-proprietary formats.",
  automation: "partial",
  remediation: EXTRACTION_REMEDIATION,
  docsUrl: QUESTIONS_URL,
  exemption: { allowed: true },
  declaration: nonPersonalDataSection,
  dpgaFields: ["NonPII"],
  verifies:
    "OpenAPI / GraphQL specifications; export mentions (quoted for confirmation); datasets in open vs proprietary formats.",
  declares: "Whether non-PII data is held, and how it is exported",
  files: (paths) => readmePaths(paths).slice(0, 1),
  evaluate(view, context) {
    const declared = declaredSection(context, nonPersonalDataSection);
    // The project's own files: API descriptions and datasets under tests, fixtures or examples are not its own.
    const paths = ownPaths(view.listing.paths);
    const types = context.assetTypes.types;
    const criteria: Criterion[] = [];
    // An API description in the repository is an artefact the screener can point to; a README
    // sentence about exports is only a claim, so it stays a review with the quote as evidence.
    const specs: Evidence[] = paths
      .filter((path) => API_SPEC.test(path))
      .slice(0, 5)
      .map((path) => ({ path, note: "API description" }));
    const readme = firstText(view, readmePaths(view.listing.paths));
    const mentions = readme === undefined ? [] : quoteMatches(readme.path, readme.text, EXPORT_MENTION, 2);
    if (specs.length > 0)
      criteria.push({
        question: "Does the product describe an API in a machine-readable specification?",
        outcome: "pass",
        evidence: specs,
      });
    else if (mentions.length > 0)
      criteria.push({
        question: "Does the documentation describe an export in open formats? (confirm it exists)",
        outcome: "review",
        evidence: mentions,
      });
    if (types.includes("data") || types.includes("content")) {
      const open = paths.filter((path) => (types.includes("data") ? OPEN_DATA : OPEN_CONTENT).test(path));
      const closed = paths.filter((path) => CLOSED_DATA.test(path));
      criteria.push({
        question: "Are the datasets or content in open formats?",
        outcome: open.length > 0 && closed.length === 0 ? "pass" : "review",
        evidence: [
          { note: `${open.length} file(s) in open formats, ${closed.length} in proprietary formats` },
          ...closed.slice(0, 3).map((path) => ({ path, note: "proprietary format" })),
        ],
      });
    }
    if (declared?.collected === false) {
      criteria.push({
        question: "Does the product collect, use or generate non-PII data?",
        outcome: "attested",
        evidence: [{ path: declarationPath(context), note: "declared: no non-PII data or content" }],
      });
    } else if (declared?.collected === true && declared.exportMechanism !== undefined) {
      criteria.push({
        question: "How can the non-PII data be exported or imported?",
        outcome: "attested",
        evidence: [
          { path: declarationPath(context), note: `declared: ${declared.exportMechanism}` },
          ...linkEvidence(declared.evidence, "export evidence"),
        ],
      });
    } else if (criteria.length === 0) {
      criteria.push({
        question: "Does the product hold non-PII data, and how can it be exported?",
        outcome: "review",
        evidence: [{ note: "`nonPersonalData.collected` is not declared (nor, if yes, `exportMechanism`)." }],
      });
    }
    const finding = combineCriteria(criteria, "");
    // Proprietary formats found: publishing an open copy is the step, besides any declaration still missing.
    const closedFormats =
      types.includes("data") || types.includes("content") ? paths.filter((path) => CLOSED_DATA.test(path)) : [];
    if (closedFormats.length > 0) {
      const shown = closedFormats.slice(0, 3);
      const more = closedFormats.length > shown.length ? ` and ${closedFormats.length - shown.length} more` : "";
      const declare = declared?.collected === undefined ? ` ${EXTRACTION_REMEDIATION.text}` : "";
      const declareMarkdown = declared?.collected === undefined ? ` ${EXTRACTION_REMEDIATION.markdown}` : "";
      finding.fix = {
        text: `Publish an open-format copy (e.g. CSV, JSON, GeoJSON) of ${shown.join(", ")}${more}.${declare}`,
        markdown: `Publish an open-format copy (e.g. CSV, JSON, GeoJSON) of ${shown.map((path) => codeSpan(path)).join(", ")}${more}.${declareMarkdown}`,
      };
    }
    finding.summary =
      {
        pass: "The repository shows an API or open-format export of its data.",
        attested: "The maintainers declare how non-PII data is handled and exported.",
        review:
          mentions.length > 0 && specs.length === 0
            ? "The README describes an export in open formats; maintainers must confirm it and declare whether the project holds non-PII data."
            : "Maintainers must declare whether the project holds non-PII data and how it can be exported.",
      }[finding.outcome as "pass"] ?? "Data extraction needs a reviewer.";
    return finding;
  },
});
