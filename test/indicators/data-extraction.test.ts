import { resultFor } from "../helpers/screen-memory.js";

describe("indicator 6: mechanism for extracting data", () => {
  test("an OpenAPI description passes", async () => {
    expect((await resultFor("6", { "api/openapi.yaml": "openapi: 3.0.0" })).outcome).toBe("pass");
  });

  test("an export described only in the README is a claim: review, quoting it", async () => {
    const result = await resultFor("6", { "README.md": "# X\n\nUsers can export reports as CSV or JSON.\n" });
    expect(result.outcome).toBe("review");
    expect(result.summary).toBe(
      "The README describes an export in open formats; maintainers must confirm it and declare whether the project holds non-PII data.",
    );
    expect(result.evidence[0]).toMatchObject({ path: "README.md", line: 3 });
  });

  test("an OpenAPI description in the repository passes, citing the file", async () => {
    const result = await resultFor("6", { "README.md": "# X\n", "api/openapi.yaml": "openapi: 3.0.0\n" });
    expect(result.outcome).toBe("pass");
    expect(result.evidence[0]).toEqual({ path: "api/openapi.yaml", note: "API description" });
  });

  test("a dataset only in a proprietary format is review", async () => {
    const result = await resultFor("6", { "data/survey.xlsx": new Uint8Array([0, 1]), "datapackage.json": "{}" });
    expect(result.outcome).toBe("review");
    expect(result.evidence).toContainEqual({
      path: "data/survey.xlsx",
      note: "proprietary format",
    });
  });

  test("declared: no non-PII data is attested", async () => {
    expect((await resultFor("6", { ".github/dpg.yml": "nonPersonalData:\n  collected: false\n" })).outcome).toBe(
      "attested",
    );
  });

  test("no signal and no declaration is review", async () => {
    expect((await resultFor("6", { "main.c": "" })).outcome).toBe("review");
  });
});
