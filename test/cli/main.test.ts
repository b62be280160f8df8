import { join } from "node:path";
import { runCli } from "../helpers/run-cli.js";
import { useTempRepos } from "../helpers/temp-repo.js";

const repo = useTempRepos();

describe("dpg-screener screen", () => {
  test("exits 1 when an indicator fails (no licence, no README)", async () => {
    const root = await repo({ "main.py": "print(1)" });
    const run = await runCli(["screen", root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^fail\s+2\s+Use of approved open licences$/m);
    expect(run.stderr).toBe("");
  });

  test("prints plain text without ANSI codes or symbols when stdout is not a terminal", async () => {
    const root = await repo({ "main.py": "print(1)" });
    const run = await runCli(["screen", root]);
    expect(run.stdout).not.toContain("\u001b[");
    expect(run.stdout).not.toContain("✘");
  });

  test("colours and symbols when stdout is a terminal", async () => {
    const root = await repo({ "main.py": "print(1)" });
    const run = await runCli(["screen", root], { isTTY: true });
    expect(run.stdout).toContain("\u001b[31m✘ fail");
  });

  test("json prints one object per target per line (JSON Lines)", async () => {
    const first = await repo({ "README.md": "# one" });
    const second = await repo({ "README.md": "# two" });
    const run = await runCli(["screen", first, second, "--format", "json"]);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => JSON.parse(line).repository.path)).toEqual([first, second]);
  });

  test("markdown starts with a heading and has the indicator table", async () => {
    const root = await repo({ "README.md": "# one" });
    const run = await runCli(["screen", root, "-f", "markdown"]);
    expect(run.stdout).toMatch(/^## DPG Standard screening: /);
    expect(run.stdout).toContain("| Status | Indicator | Finding |");
  });

  test("dpga prints a draft application per target per line, with answer markers", async () => {
    const root = await repo({ "README.md": "# one" });
    const run = await runCli(["screen", root, root, "--format", "dpga"]);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? "")._screener.note).toContain("must be answered by the maintainers");
    expect((await runCli(["screen", root, "--format", "dpga-markdown"])).stdout).toMatch(/^# DPGA application draft: /);
  });

  test("--type sets the asset type and says where it came from", async () => {
    const root = await repo({ "README.md": "# one" });
    const report = JSON.parse((await runCli(["screen", root, "--type", "data,content", "--format", "json"])).stdout);
    expect(report.assetTypes).toEqual(["data", "content"]);
    expect(report.assetTypeSource.source).toBe("option");
  });

  test("screens the current folder when no target is given", async () => {
    const run = await runCli(["screen", "--format", "json"]);
    expect(JSON.parse(run.stdout).repository.path).toBe(process.cwd());
  });

  test("a missing target is exit 2 with one line, and other targets are still screened", async () => {
    const root = await repo({ "README.md": "# one" });
    const run = await runCli(["screen", "/nonexistent/x", root, "--format", "json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("dpg-screener: /nonexistent/x: no such file or folder\n");
    expect(JSON.parse(run.stdout).repository.path).toBe(root);
  });

  test("a file as target is exit 2 with a message naming the problem", async () => {
    const root = await repo({ "README.md": "# one" });
    const run = await runCli(["screen", join(root, "README.md")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `dpg-screener: ${join(root, "README.md")}: is a file, not a folder; give the folder of a checkout\n`,
    );
  });

  test("an empty folder gives a report, not a crash", async () => {
    const root = await repo({});
    const run = await runCli(["screen", root, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).results).toHaveLength(11);
  });

  test("huge and binary files where text is expected are reported, not read", async () => {
    const root = await repo({ "README.md": "x ".repeat(400_000), LICENSE: new Uint8Array([0, 1, 2, 0]) });
    const run = await runCli(["screen", root, "--format", "json"]);
    const report = JSON.parse(run.stdout);
    expect(report.results.find((result: { indicator: string }) => result.indicator === "5").outcome).not.toBe("error");
    expect(run.stderr).toBe("");
  });

  test.each([
    [["lint"], 'dpg-screener: unknown command "lint"; the command is "screen"\n'],
    [[], "dpg-screener: missing command; try: dpg-screener screen [TARGET...]\n"],
    [
      ["screen", "--format", "xml"],
      'dpg-screener: unknown format "xml"; use one of text, json, markdown, dpga, dpga-markdown, table, csv\n',
    ],
    [
      ["screen", "--type", "hardware"],
      'dpg-screener: unknown asset type "hardware"; use software, data, content, aimodel\n',
    ],
    [
      ["screen", "--colour"],
      "dpg-screener: Unknown option '--colour'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--colour\"\n",
    ],
  ])("usage error %j → exit 2 and one line", async (argv, message) => {
    const run = await runCli(argv);
    expect(run).toEqual({ code: 2, stdout: "", stderr: message });
  });

  test("--help prints usage with the exit codes, --version the version", async () => {
    expect((await runCli(["--help"])).stdout).toContain(
      "Exit codes: 0 no indicator fails · 1 an indicator fails · 2 usage error or unreadable target",
    );
    expect(await runCli(["--version"])).toEqual({ code: 0, stdout: "0.0.0-test\n", stderr: "" });
  });
});
