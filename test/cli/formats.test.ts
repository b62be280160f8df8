// The format record drives --format, the usage text and the separator between reports.
import { FORMAT_NAMES, OUTPUT_FORMATS } from "../../src/cli/formats.js";
import { allIndicators } from "../../src/indicators/registry.js";
import { buildReport } from "../helpers/build-report.js";
import { runCli } from "../helpers/run-cli.js";
import { useTempRepos } from "../helpers/temp-repo.js";

const repo = useTempRepos();

describe("CLI output formats", () => {
  test("--help lists every format with its description, marking the default", async () => {
    const usage = (await runCli(["--help"])).stdout;
    for (const name of FORMAT_NAMES) expect(usage).toContain(`${name}`);
    for (const format of Object.values(OUTPUT_FORMATS)) expect(usage).toContain(format.description);
    expect(usage).toMatch(/^ +text +.*\(default\)$/m);
  });

  test.each(FORMAT_NAMES)("%s: two targets are separated as the record says", async (name) => {
    const root = await repo({ "README.md": "# one" });
    const single = (await runCli(["screen", root, "--format", name])).stdout;
    const double = (await runCli(["screen", root, root, "--format", name])).stdout;
    const format = OUTPUT_FORMATS[name];
    const header = (await format.load()).header?.() ?? "";
    const separator = format.lineDelimited ? "" : "\n";
    expect(single.startsWith(header)).toBe(true);
    expect(double).toBe(`${single}${separator}${single.slice(header.length)}`);
  });
});

describe("--format csv", () => {
  const parseRow = (row: string) => row.replace(/\r\n$/, "");

  test("a header, then one RFC 4180 row per target with each indicator's outcome", async () => {
    const root = await repo({ "README.md": "# one" });
    const run = await runCli(["screen", root, "--format", "csv"]);
    const [header, row, rest] = run.stdout.split("\r\n");
    expect(header).toBe(
      [
        "repository",
        "location",
        "ref",
        ...allIndicators.map((indicator) => `${indicator.id} ${indicator.title}`),
        "problem",
      ]
        .map((cell) => (cell.includes(",") ? `"${cell}"` : cell))
        .join(","),
    );
    const report = JSON.parse((await runCli(["screen", root, "--format", "json"])).stdout);
    expect(row).toBe(
      [
        report.repository.name,
        root,
        "",
        ...report.results.map((result: { outcome: string }) => result.outcome),
        "",
      ].join(","),
    );
    expect(rest).toBe("");
  });

  test("a target that cannot be screened is a row with the problem, and a line on stderr", async () => {
    const run = await runCli(["screen", "/nonexistent/x", "--format", "csv"]);
    expect(run.code).toBe(2);
    expect(parseRow(run.stdout.split("\r\n")[1] + "\r\n")).toBe(
      `/nonexistent/x,,,${",".repeat(allIndicators.length)}/nonexistent/x: no such file or folder`,
    );
    expect(run.stderr).toBe("dpg-screener: /nonexistent/x: no such file or folder\n");
  });

  test("quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run", async () => {
    const csv = await OUTPUT_FORMATS.csv.load();
    const report = buildReport();
    report.repository = { name: '=HYPERLINK("x"),evil', url: "-2+3", ref: "@SUM(A1)\nnext" };
    const row = csv.render(report, { tty: false });
    expect(row.startsWith(`"'=HYPERLINK(""x""),evil",'-2+3,"'@SUM(A1)\nnext",`)).toBe(true);
    expect(row.endsWith("\r\n")).toBe(true);
    expect(csv.renderProblem?.("+cmd", "+cmd: no such file")).toMatch(/^'\+cmd,.*,'\+cmd: no such file\r\n$/);
  });
});
