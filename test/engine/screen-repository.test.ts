import { defineIndicator } from "../../src/core/indicator.js";
import { allIndicators } from "../../src/indicators/registry.js";
import { screenMemory } from "../helpers/screen-memory.js";

const base = {
  requirement: "r",
  automation: "full" as const,
  remediation: { text: "do it", markdown: "do **it**" },
  docsUrl: "https://example.org/guidance",
  exemption: { allowed: true },
  dpgaFields: [],
  verifies: "v",
  declares: "d",
  files: () => [],
} as const;

describe("screenRepository", () => {
  test("an indicator that throws becomes an error row; the others still run", async () => {
    const broken = defineIndicator({
      ...base,
      id: "1",
      title: "Broken",
      evaluate: () => {
        throw new Error("boom");
      },
    });
    const fine = defineIndicator({
      ...base,
      id: "2",
      title: "Fine",
      evaluate: () => ({ outcome: "pass", summary: "ok", evidence: [] }),
    });
    const report = await screenMemory({}, { indicators: [broken, fine] });
    expect(report.results.map((result) => [result.indicator, result.outcome, result.summary])).toEqual([
      ["1", "error", "The screener failed on this indicator: boom"],
      ["2", "pass", "ok"],
    ]);
  });

  test("reading a file the indicator did not ask for is an error, not a silent miss", async () => {
    const sloppy = defineIndicator({
      ...base,
      id: "1",
      title: "Sloppy",
      evaluate: (view) => ({
        outcome: view.read("notes/todo.txt").kind === "text" ? "pass" : "fail",
        summary: "",
        evidence: [],
      }),
    });
    const report = await screenMemory({ "notes/todo.txt": "hi" }, { indicators: [sloppy] });
    expect(report.results[0]).toMatchObject({
      outcome: "error",
      summary: expect.stringContaining("notes/todo.txt was not selected for reading"),
    });
  });

  test("an indicator outside its asset types is not-applicable with the reason", async () => {
    const softwareOnly = defineIndicator({
      ...base,
      id: "4",
      title: "Software only",
      appliesTo: ["software"],
      evaluate: () => ({ outcome: "fail", summary: "", evidence: [] }),
    });
    const report = await screenMemory({}, { indicators: [softwareOnly], assetTypes: ["content"] });
    expect(report.results[0]).toMatchObject({
      outcome: "not-applicable",
      summary: "Does not apply to content (applies to software).",
    });
  });

  test("unmet rows carry the indicator's fix; met rows carry none", async () => {
    const failing = defineIndicator({
      ...base,
      id: "1",
      title: "F",
      evaluate: () => ({ outcome: "fail", summary: "", evidence: [] }),
    });
    const passing = defineIndicator({
      ...base,
      id: "2",
      title: "P",
      evaluate: () => ({ outcome: "pass", summary: "", evidence: [] }),
    });
    const report = await screenMemory({}, { indicators: [failing, passing] });
    expect(report.results[0]?.fix).toEqual(base.remediation);
    expect(report.results[1]?.fix).toBeUndefined();
  });

  test("a truncated file list is a warning in the report", async () => {
    const report = await screenMemory({ "README.md": "x" }, { truncated: true });
    expect(report.warnings).toEqual([
      "The file list is incomplete (the test marked it truncated); files past the cut were not screened.",
    ]);
  });

  test("the report has one row per indicator, in the Standard's order, and survives JSON", async () => {
    const report = await screenMemory(
      { "README.md": "# x" },
      { metadata: { fullName: "octo/demo", commit: "abc", url: "https://github.com/octo/demo" } },
    );
    expect(report.results.map((result) => result.indicator)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9a",
      "9b",
      "9c",
    ]);
    expect(report.repository).toEqual({ name: "octo/demo", url: "https://github.com/octo/demo", ref: "abc" });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(allIndicators).toHaveLength(11);
  });
});

describe("facts that cannot be established", () => {
  test("a licence detection failure is an error on row 2, not a false 'no licence' fail, and the rest of the report stands", async () => {
    const { screenRepository } = await import("../../src/engine/screen-repository.js");
    const { MemorySnapshot } = await import("../../src/snapshot/memory-snapshot.js");
    // A snapshot whose reads throw for licence files only: the licence builder is the one to fail.
    const snapshot = new MemorySnapshot({ LICENSE: "MIT", "README.md": "# x" });
    const read = snapshot.readFiles.bind(snapshot);
    snapshot.readFiles = async (paths, maxBytes) => {
      const files = new Map(await read(paths, maxBytes));
      files.set("LICENSE", null as never);
      return files;
    };
    const report = await screenRepository(snapshot, { tool: { name: "t", version: "1" } });
    const row2 = report.results.find((result) => result.indicator === "2");
    expect(row2?.outcome).toBe("error");
    expect(row2?.summary).toMatch(/^The screener failed on this indicator: licence detection failed: /);
    expect(report.results).toHaveLength(11);
  });
});

describe("text quoted from the repository", () => {
  test("loses terminal control sequences before any reporter sees it", async () => {
    const esc = "\u001b";
    const license = `MIT License\n\nCopyright (c) 2024 Evil${esc}[2J${esc}[32m Corp ${esc}]8;;https://evil.example${esc}\\link${esc}]8;;${esc}\\\n`;
    const report = await screenMemory({ LICENSE: license, ".github/dpg.yml": `owner:\n  name: "Acme${esc}[31m"\n` });
    const json = JSON.stringify(report);
    expect(json).not.toContain("\\u001b");
    expect(json).toContain("Evil[2J[32m Corp");
  });
});

describe("the fact registry", () => {
  test("builds each fact after the facts it needs", async () => {
    const { allFacts } = await import("../../src/engine/facts/registry.js");
    const built = new Set<string>();
    for (const fact of allFacts) {
      for (const { key: need } of fact.needs) expect([fact.key, need, built.has(need)]).toEqual([fact.key, need, true]);
      built.add(fact.key);
    }
  });

  test("the indicators get exactly the registry's facts, in its order", async () => {
    const { allFacts } = await import("../../src/engine/facts/registry.js");
    const seen: string[] = [];
    const recorder = defineIndicator({
      ...base,
      id: "1",
      title: "Recorder",
      evaluate: (_view, context) => {
        seen.push(...Object.keys(context));
        return { outcome: "pass", summary: "ok", evidence: [] };
      },
    });
    await screenMemory({ "README.md": "# x" }, { indicators: [recorder] });
    expect(seen).toEqual(allFacts.map((fact) => fact.key));
  });
});
