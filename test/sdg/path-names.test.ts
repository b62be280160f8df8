import { MAX_PATH_NAMES, nameWords, pathNameSources } from "../../src/sdg/path-names.js";
import { sdgSuggestionsFor } from "../../src/sdg/sdg-sources.js";
import { suggestSdgs } from "../../src/sdg/suggest-sdgs.js";

/** A loaded view with the given listing whose every file reads as `text`. */
const viewOf = (paths: string[], text = "") =>
  ({
    listing: { paths, truncated: false },
    metadata: {},
    read: () => ({ kind: "text" as const, text, bytes: text.length }),
  }) as never;

const HOSPITAL = [
  "README.md",
  "api/src/main/java/org/clinic/patient/PatientDiagnosisService.java",
  "api/src/main/java/org/clinic/patient/DrugOrderMapper.java",
  "api/src/main/java/org/clinic/disease/DiseaseSummary.java",
  "api/src/main/java/org/clinic/vaccination/ImmunizationSchedule.java",
  "api/src/test/java/org/clinic/FarmCropYieldTest.java",
];

describe("file and folder names as SDG sources", () => {
  test.each([
    ["PatientDrugOrder.java", "Patient Drug Order"],
    ["HTMLParser.ts", "HTML Parser"],
    ["water_quality-report.py", "water quality report"],
    ["HealthCheckController.java", "Controller"],
    ["ProtectedRouteLanding.js", ""],
    ["v1", "v1"],
  ])("%s reads as %j", (name, words) => {
    expect(nameWords(name)).toBe(words);
  });

  test("each distinct name of the project's own source files once, citing the first file that carries it", () => {
    const sources = pathNameSources([
      ...HOSPITAL,
      "docs/assets/flood-map.png",
      "vendor/farming/Crops.php",
      ".github/workflows/ci.yml",
      "api/src/main/java/org/clinic/patient/PatientAdmission.java",
    ]);
    const texts = sources.map((source) => source.text);
    expect(texts).toContain("patient");
    expect(texts.filter((text) => text === "patient")).toHaveLength(1);
    expect(sources.find((source) => source.text === "patient")?.path).toBe(
      "api/src/main/java/org/clinic/patient/PatientDiagnosisService.java",
    );
    expect(sources.find((source) => source.text === "Drug Order Mapper")).toMatchObject({
      kind: "paths",
      path: "api/src/main/java/org/clinic/patient/DrugOrderMapper.java",
    });
    // Tests, vendored code, documentation, images and hidden folders are not the project's words.
    for (const word of ["Farm", "Crops", "flood", "workflows", "README"])
      expect(texts.some((text) => text.includes(word))).toBe(false);
  });

  test("at most MAX_PATH_NAMES names are read", () => {
    const paths = Array.from({ length: MAX_PATH_NAMES + 50 }, (_, index) => `src/Module${index}.ts`);
    expect(pathNameSources(paths)).toHaveLength(MAX_PATH_NAMES);
  });

  test("names suggest a goal only when the texts say nothing, quoted with a path and no line", () => {
    const [first] = sdgSuggestionsFor(viewOf(HOSPITAL, "# clinic-core\n\nRun `mvn install` to build it.\n"));
    expect(first?.sdg).toBe(3);
    expect(first?.quotes[0]?.source).toBe("paths");
    expect(first?.quotes[0]?.path).toMatch(/^api\/src\/main\/java\/org\/clinic\//);
    expect(first?.quotes[0]?.line).toBeUndefined();

    const fromReadme = sdgSuggestionsFor(
      viewOf(HOSPITAL, "# Harvest\n\nFood security and nutrition for smallholder farmers and agriculture.\n"),
    );
    expect(fromReadme[0]?.sdg).toBe(2);
    expect(fromReadme.flatMap((suggestion) => suggestion.quotes).every((quote) => quote.source === "readme")).toBe(
      true,
    );
  });

  test("a goal that only one name speaks for is a coincidence, not a suggestion", () => {
    const one = [{ kind: "paths" as const, path: "src/MaternalHealthNutrition.ts", text: "Maternal Health Nutrition" }];
    expect(suggestSdgs(one).length).toBeGreaterThan(0);
    expect(suggestSdgs(one, { minSources: 3 })).toEqual([]);
  });
});
