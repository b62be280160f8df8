// Golden output of the three formats for small fixture repositories. Review snapshot
// changes like code: they are what users read.
import { Ajv2020 } from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runCli } from "../helpers/run-cli.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/cli/${name}`, import.meta.url));
const schema = JSON.parse(readFileSync(new URL("../../schema/report.schema.json", import.meta.url), "utf8")) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const FIXTURES = ["bare", "documented"];

describe.each(FIXTURES)("fixture %s", (name) => {
  test("text output", async () => {
    expect((await runCli(["screen", fixture(name)])).stdout).toMatchSnapshot();
  });

  test("markdown output", async () => {
    expect((await runCli(["screen", fixture(name), "--format", "markdown"])).stdout).toMatchSnapshot();
  });

  test("json output validates against schema/report.schema.json", async () => {
    const report: unknown = JSON.parse((await runCli(["screen", fixture(name), "--format", "json"])).stdout);
    const valid = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});

test("the schema rejects a report with an unknown outcome (it can fail)", () => {
  const report = {
    schemaVersion: 1,
    tool: { name: "x", version: "1" },
    repository: { name: "x" },
    assetTypes: ["software"],
    assetTypeSource: { source: "detected", reason: "r" },
    results: [{ indicator: "1", title: "t", outcome: "maybe", summary: "s", evidence: [], docsUrl: "u" }],
    licenses: [],
    license: null,
    licenseConflicts: [],
    declaration: { status: "absent", problems: [] },
    warnings: [],
  };
  expect(validate(report)).toBe(false);
});

describe("every fixture repository's report", () => {
  const repos = [
    "ai-model",
    "bare",
    "complete-dpg",
    "content-collection",
    "contradictory-declaration",
    "data-repository",
    "monorepo",
  ];
  test.each(repos)("%s validates against the schema and has a note on every piece of evidence", async (name) => {
    const run = await runCli([
      "screen",
      fileURLToPath(new URL(`../fixtures/repos/${name}`, import.meta.url)),
      "--format",
      "json",
    ]);
    const report = JSON.parse(run.stdout) as {
      results: { evidence: { note: string }[]; criteria?: { evidence?: { note: string }[] }[] }[];
    };
    expect(validate(report)).toBe(true);
    const notes = report.results
      .flatMap((result) => [
        ...result.evidence,
        ...(result.criteria ?? []).flatMap((criterion) => criterion.evidence ?? []),
      ])
      .map((evidence) => evidence.note);
    expect(notes.filter((note) => note.trim() === "" || note === '""')).toEqual([]);
  });
});
