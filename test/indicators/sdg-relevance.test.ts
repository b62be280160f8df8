import { resultFor } from "../helpers/screen-memory.js";

describe("indicator 1: relevance to the SDGs", () => {
  test("SDG mentions are quoted and likely SDGs suggested, but the row stays review", async () => {
    const result = await resultFor("1", { "README.md": "# Tracker\n\nHelps community health workers track patients.\n\nContributes to SDG 3.\n" });
    expect(result.outcome).toBe("review");
    expect(result.criteria?.[0]).toMatchObject({ outcome: "pass", evidence: [{ path: "README.md", line: 5 }] });
    const suggestion = result.criteria?.find((criterion) => criterion.question.startsWith("Which SDGs"));
    expect(suggestion?.evidence?.[0]?.note).toContain("suggests SDG 3");
    expect(suggestion?.evidence?.[0]?.note).toContain("community health workers");
  });

  test("declared SDGs with targets and relevance are attested", async () => {
    const result = await resultFor("1", { ".github/dpg.yml": "sdgs:\n  - number: 4\n    targets: [\"4.1\"]\n    relevance: Free lessons for primary schools.\n    evidence: [https://example.org/impact]\n" });
    expect(result.outcome).toBe("attested");
    expect(result.evidence).toContainEqual({ url: "https://example.org/impact", note: "evidence for SDG 4" });
  });

  test("declared SDGs without targets still need them", async () => {
    expect((await resultFor("1", { ".github/dpg.yml": "sdgs:\n  - number: 4\n" })).outcome).toBe("review");
  });
});
