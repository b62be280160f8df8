import { resultFor } from "../helpers/screen-memory.js";

describe("indicator 1: relevance to the SDGs", () => {
  test("SDG mentions are quoted and likely SDGs suggested, but the row stays review", async () => {
    const result = await resultFor("1", {
      "README.md": "# Tracker\n\nHelps community health workers track patients.\n\nContributes to SDG 3.\n",
    });
    expect(result.outcome).toBe("review");
    expect(result.criteria?.[0]).toMatchObject({ outcome: "pass", evidence: [{ path: "README.md", line: 5 }] });
    const suggestion = result.criteria?.find((criterion) => criterion.question.startsWith("Which SDGs"));
    expect(suggestion?.evidence?.[0]?.note).toContain("suggests SDG 3");
    expect(suggestion?.evidence?.[0]?.note).toContain("community health workers");
  });

  test("suggestions come from recurring words in prose, not from a passing word, HTML, code or links", async () => {
    const readme = [
      "# Mailer",
      "",
      "A marketing tool. It may cause data corruption in beta builds.",
      "",
      '<a href="#a11y" title="Accessibility">♿</a> <a href="https://example.org/accessibility">x</a>',
      "",
      "```sh",
      "export HEALTH=1 HEALTH_CHECK=1",
      "```",
      "",
      "| Feature | Education |",
      "| Schools | Students |",
    ].join("\n");
    const result = await resultFor("1", { "README.md": readme });
    expect(result.criteria?.find((criterion) => criterion.question.startsWith("Which SDGs"))).toBeUndefined();
  });

  test("the most frequent SDG words come first", async () => {
    const readme =
      "# Farm\n\nHelps farmers plan crops. Farmers share crop prices.\n\nBuilt for cities and urban planners.\n";
    const result = await resultFor("1", { "README.md": readme });
    const notes =
      result.criteria
        ?.find((criterion) => criterion.question.startsWith("Which SDGs"))
        ?.evidence?.map((evidence) => evidence.note) ?? [];
    expect(notes[0]).toMatch(/^suggests SDG 2 \(4 mentions/);
    expect(notes[1]).toMatch(/^suggests SDG 11 \(2 mentions/);
  });

  test("declared SDGs with targets and relevance are attested", async () => {
    const result = await resultFor("1", {
      ".github/dpg.yml":
        'sdgs:\n  - number: 4\n    targets: ["4.1"]\n    relevance: Free lessons for primary schools.\n    evidence: [https://example.org/impact]\n',
    });
    expect(result.outcome).toBe("attested");
    expect(result.evidence).toContainEqual({ url: "https://example.org/impact", note: "evidence for SDG 4" });
  });

  test("declared SDGs without targets still need them", async () => {
    expect((await resultFor("1", { ".github/dpg.yml": "sdgs:\n  - number: 4\n" })).outcome).toBe("review");
  });
});
