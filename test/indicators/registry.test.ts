// Every indicator is complete: adding one without its metadata, fix, or test file fails here.
import { existsSync, readdirSync } from "node:fs";
import { z } from "zod";
import { defineIndicator, type DeclarationSection } from "../../src/core/indicator.js";
import { declarationShapeOf, dpgFileSchema } from "../../src/declaration/declaration-schema.js";
import { describeIssue } from "../../src/declaration/describe-issue.js";
import { allIndicators, INDICATOR_DEFINITIONS, INDICATOR_IDS } from "../../src/indicators/registry.js";
import { declaredSection } from "../../src/indicators/shared/declared.js";
import { withExemption } from "../../src/indicators/shared/with-exemption.js";
import { indicatorOfDpgaField } from "../../src/reporters/dpga-entry.js";
import { fixTemplateFor } from "../../src/reporters/fix-templates/fix-template-for.js";
import { renderUnmetDetails } from "../../src/reporters/issue-sections.js";
import { declarationKeysTable, indicatorTable, reportSchemaWithIndicators } from "../../scripts/generated-files.js";
import { screenMemory } from "../helpers/screen-memory.js";

const sourceFiles = readdirSync(new URL("../../src/indicators/", import.meta.url)).filter(
  (name) => name.endsWith(".ts") && name !== "registry.ts",
);

describe("the indicator registry", () => {
  test("lists the eleven rows of the Standard once each, in order", () => {
    expect(allIndicators.map((indicator) => indicator.id)).toEqual([...INDICATOR_IDS]);
  });

  test.each(allIndicators.map((indicator) => [indicator.id, indicator] as const))(
    "indicator %s has a title, requirement, docs link and fix",
    (_id, indicator) => {
      expect(indicator.title.length).toBeGreaterThan(5);
      expect(indicator.requirement).toMatch(/\.$/);
      expect(indicator.docsUrl).toMatch(/^https:\/\//);
      expect(indicator.remediation.text.length).toBeGreaterThan(20);
      expect(indicator.remediation.markdown.length).toBeGreaterThan(20);
      expect(["full", "partial", "manual"]).toContain(indicator.automation);
    },
  );

  test("every indicator module is registered", () => {
    expect(sourceFiles).toHaveLength(allIndicators.length);
  });

  test.each(sourceFiles)("%s has a test file", (name) => {
    expect(existsSync(new URL(`./${name.replace(/\.ts$/, ".test.ts")}`, import.meta.url))).toBe(true);
  });
});

// Nothing outside these four places names an indicator: everything below takes the registry as
// data (the real one by default), so the throwaway reaches each consumer through one line.
describe("adding an indicator: the module, one registry line, its test and its doc", () => {
  // The module: a definition that type-checks against the same contract as the real ones.
  const throwawaySection = {
    key: "throwaway",
    schema: z.strictObject({ note: z.string().min(1) }).optional(),
    template: 'throwaway:\n  note: "<why>"\n',
    keys: "`throwaway.note`",
    question: "Why it is thrown away",
  } as const satisfies DeclarationSection;
  const throwaway = defineIndicator({
    id: "10",
    title: "Throwaway",
    requirement: "Exists for this test.",
    automation: "full",
    remediation: { text: "Nothing to do.", markdown: "Nothing to do." },
    docsUrl: "https://example.org/throwaway",
    exemption: { allowed: true },
    declaration: throwawaySection,
    fixTemplate: {
      steps: ["Add a README."],
      files: [{ path: "README.md", language: "markdown", content: "# <name>\n" }],
    },
    dpgaFields: ["throwawayField"],
    verifies: "Whether a README exists.",
    declares: "A note",
    files: () => [],
    evaluate: (view, context) => ({
      outcome: view.listing.paths.includes("README.md") ? "pass" : "fail",
      summary: declaredSection(context, throwawaySection)?.note ?? "no note",
      evidence: [],
    }),
  });
  // The registry line.
  const registry = [...INDICATOR_DEFINITIONS, throwaway];

  test("the declaration accepts its section and its exemption, and messages list it", () => {
    const schema = z.strictObject(declarationShapeOf(registry));
    expect(schema.safeParse({ throwaway: { note: "x" }, exemptions: { "10": { reason: "r" } } }).success).toBe(true);
    expect(dpgFileSchema().safeParse({ throwaway: { note: "x" } }).success).toBe(false);
    const parsed = schema.safeParse({ exemptions: { "11": { reason: "r" } } });
    const issue = parsed.success ? undefined : parsed.error.issues[0];
    expect(issue && describeIssue(issue, () => undefined, registry).map((item) => item.message)).toEqual([
      '"11" is not an indicator; exemptions are keyed by 1, 3, 4, 5, 6, 7, 8, 9a, 9b, 9c or 10',
    ]);
  });

  test("the screen runs it after the others, with the shared facts", async () => {
    const indicators = [...allIndicators, withExemption(throwaway)];
    const report = await screenMemory({ "main.py": "print(1)\n" }, { indicators });
    expect(report.results.map((result) => result.indicator)).toEqual([...INDICATOR_IDS, "10"]);
    expect(report.results.at(-1)).toMatchObject({ outcome: "fail", summary: "no note", fix: throwaway.remediation });
  });

  test("the issues explain it from the report, and its fix and DPGA field follow from its definition", async () => {
    const report = await screenMemory({}, { indicators: [...allIndicators, withExemption(throwaway)] });
    const result = report.results.at(-1);
    if (result === undefined) throw new Error("no result");
    expect(renderUnmetDetails(result, {})).toContain(
      "- **Why it matters:** the DPG Standard asks that exists for this test.",
    );
    expect(fixTemplateFor("10", ["software"], { definitions: registry })).toEqual({
      files: [{ path: "README.md", language: "markdown", content: "# <name>\n" }],
      licenseChoices: [],
      declaration: throwawaySection.template,
      steps: [
        "Add a README.",
        expect.stringContaining("Copy the section below into `.github/dpg.yml`"),
        expect.stringContaining("under `exemptions`"),
        expect.stringContaining("Commit to the default branch."),
      ],
    });
    expect(indicatorOfDpgaField("throwawayField", registry)).toBe("10");
    expect(indicatorOfDpgaField("throwawayField")).toBe("general");
  });

  test("its doc: the generated README and declaration tables and the report schema's enum include it", () => {
    expect(indicatorTable(registry)).toContain("| 10 | Throwaway | Whether a README exists. | A note |");
    expect(declarationKeysTable(registry)).toContain("| `throwaway.note` | 10 | Why it is thrown away |");
    expect(declarationKeysTable(registry)).toContain("`exemptions.<1,3,4,5,6,7,8,9a,9b,9c,10>.reason`");
    expect(reportSchemaWithIndicators('"indicator": { "enum": ["1"] }', registry)).toContain('"9c", "10"]');
  });
});
