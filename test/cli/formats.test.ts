// The format record drives --format, the usage text and the separator between reports.
import { FORMAT_NAMES, OUTPUT_FORMATS } from "../../src/cli/formats.js";
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
    const separator = OUTPUT_FORMATS[name].lineDelimited ? "" : "\n";
    expect(double).toBe(`${single}${separator}${single}`);
  });
});
