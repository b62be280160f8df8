// Every indicator is complete: adding one without its metadata, fix, or test file fails here.
import { existsSync, readdirSync } from "node:fs";
import { INDICATOR_IDS } from "../../src/indicators/registry.js";
import { allIndicators } from "../../src/indicators/registry.js";

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
