import { screenMemory } from "../helpers/screen-memory.js";

const sources = (count: number, folder = "src") =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => [`${folder}/m${index}.ts`, ""]));

describe("asset types from the whole tree, by weight", () => {
  test("a datapackage.json under test fixtures does not make software data, and the reason says so", async () => {
    const report = await screenMemory({
      ...sources(12),
      "test/fixtures/repos/data/datapackage.json": '{"name": "d"}',
      "test/fixtures/repos/data/data/a.csv": "a\n1\n",
    });
    expect(report.assetTypes).toEqual(["software"]);
    expect(report.assetTypeSource.reason).toBe(
      "software: 12 source files; data: none outside test fixtures (2 there, not counted)",
    );
  });

  test("one stray weight file among source files does not make an AI model", async () => {
    const report = await screenMemory({ ...sources(40), "assets/face.tflite": new Uint8Array([1, 2]) });
    expect(report.assetTypes).toEqual(["software"]);
    expect(report.assetTypeSource.reason).toBe("software: 40 source files; AI model: 1 weight file");
  });

  test("tests, examples and vendored code do not count as the project's source", async () => {
    const report = await screenMemory({
      "datapackage.json": '{"name": "d"}',
      "data/a.csv": "a\n",
      ...sources(30, "tests"),
      ...sources(30, "examples/demo"),
      ...sources(30, "vendor/lib"),
    });
    expect(report.assetTypes).toEqual(["data"]);
    expect(report.assetTypeSource.reason).toBe(
      "data: 1 data file and 1 datapackage.json; software: none outside examples and tests and vendored code (90 there, not counted)",
    );
  });

  test("a mixed repository gets two types only on substantial evidence of both", async () => {
    const data = Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`data/d${index}.csv`, "a\n"]));
    const both = await screenMemory({ ...sources(100), ...data });
    expect(both.assetTypes).toEqual(["software", "data"]);
    const few = await screenMemory({ ...sources(100), ...Object.fromEntries(Object.entries(data).slice(0, 10)) });
    expect(few.assetTypes).toEqual(["software"]);
  });

  test("documents beside a large code base do not make it content", async () => {
    const documents = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`docs/guide${index}.pdf`, "%PDF"]));
    const report = await screenMemory({ ...sources(20), ...documents });
    expect(report.assetTypes).toEqual(["software"]);
  });
});

describe("this repository, screened as a checkout", () => {
  test("is software, with rows 5, 6 and 8 citing only its own files", async () => {
    const { LocalSnapshot } = await import("../../src/snapshot/local-snapshot.js");
    const { screenRepository } = await import("../../src/engine/screen-repository.js");
    const report = await screenRepository(await LocalSnapshot.open(process.cwd()), {
      tool: { name: "dpg-screener", version: "0.0.0-test" },
    });
    expect(report.assetTypes).toEqual(["software"]);
    expect(report.assetTypeSource.reason).toMatch(/^software: [\d,]+ source files; data: none outside test fixtures/);
    const cited = report.results
      .filter((result) => ["5", "6", "8"].includes(result.indicator))
      .flatMap((result) => result.evidence.map((item) => item.path ?? ""));
    expect(cited.filter((path) => path.startsWith("test/fixtures/"))).toEqual([]);
  }, 30_000);
});
