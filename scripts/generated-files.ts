// The files, or parts of files, generated from the indicator registry: the README's indicator
// table, the keys table of docs/declaration.md, the indicator enum of schema/report.schema.json
// and schema/dpg.schema.json. Pure: each takes the file's current text and returns the new one.
// `npm run generate` writes them; test/scripts/generated-files.test.ts fails when one is stale.
import type { Indicator } from "../src/core/indicator.js";
import { declarationJsonSchemaText } from "../src/declaration/declaration-json-schema.js";
import { exemptibleIds } from "../src/declaration/declaration-schema.js";
import { allIndicators } from "../src/indicators/registry.js";

export interface GeneratedFile {
  path: string;
  generate(current: string, indicators?: readonly Indicator[]): string;
}

const BEGIN = (name: string) =>
  `<!-- generated: ${name} (npm run generate; edit the indicator definitions instead) -->`;
const END = (name: string) => `<!-- end generated: ${name} -->`;

/** Replaces the text between a pair of markers; the markers must already be in the file. */
function replaceBetween(current: string, name: string, body: string): string {
  const begin = current.indexOf(BEGIN(name));
  const end = current.indexOf(END(name));
  if (begin < 0 || end < begin) throw new Error(`missing the markers of "${name}"`);
  return `${current.slice(0, begin + BEGIN(name).length)}\n${body}${current.slice(end)}`;
}

const cell = (text: string) => text.replaceAll("|", "\\|");

export function indicatorTable(indicators: readonly Indicator[]): string {
  const rows = indicators.map(
    (indicator) =>
      `| ${indicator.id} | ${cell(indicator.title)} | ${cell(indicator.verifies)} | ${cell(indicator.declares)} |`,
  );
  return [
    "| Row | Indicator | What the screener verifies or collects | What a human must declare |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

export function declarationKeysTable(indicators: readonly Indicator[]): string {
  const sections = indicators.flatMap((indicator) =>
    indicator.declaration === undefined
      ? []
      : [`| ${cell(indicator.declaration.keys)} | ${indicator.id} | ${cell(indicator.declaration.question)} |`],
  );
  const exemptible = exemptibleIds(indicators);
  const refused = indicators.filter((indicator) => !indicator.exemption.allowed).map((indicator) => indicator.id);
  return [
    "| Key | Indicator | DPGA question |",
    "|---|---|---|",
    "| `assetTypes` | all | Software, data, content or AI model; overrides detection |",
    "| `product.name`, `description`, `website` | general | Name, description, website |",
    ...sections,
    "| `locations.developmentCountries`, `deploymentCountries` | general | Where it is developed and deployed |",
    `| \`exemptions.<${exemptible.join(",")}>.reason\` | ${refused.length === 0 ? "any" : `any but ${refused.join(", ")}`} | — |`,
    "| `issues`, `check`, `screen` | — | The GitHub App's settings (`src/declaration/app-settings-schema.ts`) |",
    "",
  ].join("\n");
}

/** The `indicator` enum in the report schema, edited in place so the rest of the hand-written file is kept. */
export function reportSchemaWithIndicators(current: string, indicators: readonly Indicator[]): string {
  const pattern = /("indicator": \{ "enum": )\[[^\]]*\]/;
  if (!pattern.test(current)) throw new Error('missing "indicator": { "enum": [...] } in the report schema');
  return current.replace(
    pattern,
    `$1${JSON.stringify(indicators.map((indicator) => indicator.id)).replaceAll(",", ", ")}`,
  );
}

export const GENERATED_FILES: readonly GeneratedFile[] = [
  {
    path: "README.md",
    generate: (current, indicators = allIndicators) =>
      replaceBetween(current, "indicators", indicatorTable(indicators)),
  },
  {
    path: "docs/declaration.md",
    generate: (current, indicators = allIndicators) =>
      replaceBetween(current, "declaration keys", declarationKeysTable(indicators)),
  },
  {
    path: "schema/report.schema.json",
    generate: (current, indicators = allIndicators) => reportSchemaWithIndicators(current, indicators),
  },
  { path: "schema/dpg.schema.json", generate: () => declarationJsonSchemaText() },
];
