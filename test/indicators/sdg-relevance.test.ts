import { resultFor } from "../helpers/screen-memory.js";

const suggestionsOf = (result: Awaited<ReturnType<typeof resultFor>>) =>
  result.criteria?.find((criterion) => criterion.question.startsWith("Which SDGs"));

describe("indicator 1: relevance to the SDGs", () => {
  test("SDG mentions are quoted and likely SDGs suggested, but the row stays review", async () => {
    const result = await resultFor("1", {
      "README.md":
        "# Tracker\n\nHelps community health workers track patients in rural clinics.\n\nContributes to SDG 3.\n",
    });
    expect(result.outcome).toBe("review");
    expect(result.criteria?.[0]).toMatchObject({ outcome: "pass", evidence: [{ path: "README.md", line: 5 }] });
    const suggestion = suggestionsOf(result);
    expect(suggestion?.outcome).toBe("review");
    expect(suggestion?.evidence?.[0]).toMatchObject({ path: "README.md", line: 3 });
    expect(suggestion?.evidence?.[0]?.note).toMatch(/^suggests SDG 3 \(Good Health and Well-being\), score [\d.]+: /);
    expect(suggestion?.evidence?.[0]?.note).toContain("community health workers");
  });

  test("no suggestion from words in code, HTML, link targets or tables, nor from one passing word", async () => {
    const readme = [
      "# Mailer",
      "",
      "A marketing tool. It may cause data corruption in beta builds.",
      "",
      '<a href="#a11y" title="Accessibility">♿</a> [x](https://example.org/accessibility-health-education)',
      "",
      "```sh",
      "export HEALTH=1 HEALTH_CHECK=1 SCHOOLS=1 STUDENTS=1 TEACHERS=1",
      "```",
      "",
      "| Feature | Education |",
      "| Schools | Students |",
    ].join("\n");
    const result = await resultFor("1", { "README.md": readme });
    const goals = suggestionsOf(result)?.evidence?.map((evidence) => evidence.note.match(/SDG (\d+)/)?.[1]) ?? [];
    expect(goals).not.toContain("3");
    expect(goals).not.toContain("4");
    expect(goals).not.toContain("16");
  });

  test("a repository whose texts say nothing of its purpose gets suggestions from its file names, said to be so", async () => {
    const result = await resultFor("1", {
      "README.md": "# core\n\nRun `mvn install`.\n",
      "src/main/java/org/clinic/patient/PatientDiagnosis.java": "class A {}",
      "src/main/java/org/clinic/patient/DrugOrder.java": "class B {}",
      "src/main/java/org/clinic/disease/DiseaseSummary.java": "class C {}",
    });
    expect(result.outcome).toBe("review");
    const evidence = suggestionsOf(result)?.evidence?.[0];
    expect(evidence?.path).toMatch(/^src\/main\/java\/org\/clinic\//);
    expect(evidence?.line).toBeUndefined();
    expect(evidence?.note).toMatch(
      /^suggests SDG 3 \(Good Health and Well-being\), score [\d.]+, from file names \(no text says what the project is for\): "/,
    );
  });

  test("declared SDGs with targets and relevance are attested", async () => {
    const result = await resultFor("1", {
      ".github/dpg.yml":
        'sdgs:\n  - number: 4\n    targets: ["4.1"]\n    relevance: Free lessons for primary schools.\n    evidence: [https://example.org/impact]\n',
    });
    expect(result.outcome).toBe("attested");
    expect(result.evidence).toContainEqual({ url: "https://example.org/impact", note: "evidence for SDG 4" });
  });

  test("suggestions never pass the row, even when every word is about one goal", async () => {
    const result = await resultFor("1", {
      "README.md":
        "# School\n\nLessons for students and teachers in primary schools; literacy and numeracy for learners.\n",
    });
    expect(result.outcome).toBe("review");
    expect(suggestionsOf(result)?.evidence?.[0]?.note).toMatch(/^suggests SDG 4 \(Quality Education\)/);
  });

  test("declared SDGs without targets still need them", async () => {
    expect((await resultFor("1", { ".github/dpg.yml": "sdgs:\n  - number: 4\n" })).outcome).toBe("review");
  });
});
