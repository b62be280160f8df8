import { resultFor } from "../helpers/screen-memory.js";

describe("indicator 8: standards and best practices", () => {
  test("standards from dependencies and practices from files are listed", async () => {
    const result = await resultFor("8", {
      "package.json": JSON.stringify({ dependencies: { "fhir-kit-client": "1" } }),
      ".github/workflows/ci.yml": "on: push",
      "test/app.test.ts": "",
      ".github/dependabot.yml": "",
    });
    expect(result.outcome).toBe("review");
    const notes = result.evidence.map((item) => item.note);
    expect(notes).toEqual(
      expect.arrayContaining([
        "HL7 FHIR: depends on fhir-kit-client",
        "Continuous integration",
        "Automated tests",
        "Dependency update automation",
      ]),
    );
  });

  test("declared standards and practices with evidence are attested", async () => {
    const result = await resultFor("8", {
      ".github/dpg.yml":
        "standards:\n  openStandards:\n    - name: OpenAPI 3\n      evidence: [api/openapi.yaml]\n  bestPractices:\n    - name: Code review\n      evidence: [https://example.org/review]\n",
    });
    expect(result.outcome).toBe("attested");
  });

  test("declared entries without evidence are named", async () => {
    const result = await resultFor("8", {
      ".github/dpg.yml": "standards:\n  bestPractices:\n    - name: Code review\n",
    });
    expect(result.criteria?.at(-1)?.evidence?.[0]?.note).toBe("No evidence declared for: Code review.");
    expect(result.fix?.text).toBe(
      "Add evidence (a validator, a test suite, a CI workflow) for Code review in .github/dpg.yml under `standards`.",
    );
  });
});
