// `dpg-screener screen DIR…`: targets screened at once on worker threads, printed in the order given.
import { describeRun } from "../../src/cli/summary.js";
import { fakeTerminal, runCli } from "../helpers/run-cli.js";
import { useTempRepos } from "../helpers/temp-repo.js";
import { buildReport } from "../helpers/build-report.js";

const repo = useTempRepos();

/** A first target with many files, so a worker finishes the later, small ones before it. */
async function targets() {
  const big: Record<string, string> = { "README.md": "# big", LICENSE: "MIT License\n" };
  for (let index = 0; index < 3_000; index += 1) big[`src/m${index}/file.py`] = "print(1)\n";
  return [await repo(big), await repo({ "README.md": "# two" }), await repo({ "README.md": "# three" })];
}

describe("many targets", () => {
  test("--jobs 2 prints the same reports in the order given as --jobs 1", async () => {
    const roots = await targets();
    const serial = await runCli(["screen", ...roots, "--format", "json", "--jobs", "1"]);
    const parallel = await runCli(["screen", ...roots, "--format", "json", "--jobs", "2"]);
    const paths = (run: { stdout: string }) =>
      run.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).repository.path);
    expect(paths(parallel)).toEqual(roots);
    const withoutTimes = (run: { stdout: string }) => run.stdout.replace(/"screenedAt":"[^"]*"/g, "");
    expect(withoutTimes(parallel)).toBe(withoutTimes(serial));
    expect(parallel.code).toBe(serial.code);
    expect(parallel.stderr).toBe("");
  }, 120_000);

  test("with workers, an unreadable target is one line and exit 2, and the others are printed", async () => {
    const [first, second] = await targets();
    const run = await runCli(["screen", first ?? "", "/nonexistent/x", second ?? "", "-f", "json", "-j", "2"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("dpg-screener: /nonexistent/x: no such file or folder\n");
    expect(run.stdout.trim().split("\n")).toHaveLength(2);
  }, 120_000);

  test("on a terminal, progress is drawn and cleared, and a summary closes the run", async () => {
    const roots = [await repo({ "README.md": "# one" }), await repo({})];
    const terminal = fakeTerminal();
    let clock = 0;
    const run = await runCli(["screen", ...roots, "/nonexistent/x", "-f", "json", "-j", "1"], {
      terminal,
      now: () => (clock += 1_250),
    });
    expect(terminal.drawn).toContain("screening");
    expect(terminal.drawn).toMatch(/3\/3/);
    expect(run.stderr).toBe(
      "dpg-screener: /nonexistent/x: no such file or folder\n" +
        "dpg-screener: screened 2 of 3 in 1.3 s: 2 with a failing indicator, 1 could not be screened\n",
    );
  });

  test("one target on a terminal: no progress bar and no summary, the report says it all", async () => {
    const terminal = fakeTerminal();
    const run = await runCli(["screen", await repo({ "README.md": "# one" })], { terminal });
    expect(terminal.drawn).toBe("");
    expect(run.stderr).toBe("");
  });

  test.each([["0"], ["x"], ["1.5"], ["65"]])("--jobs %s is a usage error", async (jobs) => {
    expect(await runCli(["screen", "--jobs", jobs])).toEqual({
      code: 2,
      stdout: "",
      stderr: `dpg-screener: --jobs must be a whole number from 1 to 64, not "${jobs}"\n`,
    });
  });

  test("the summary counts failing reports and unreadable targets", () => {
    const failing = buildReport({ "2": "fail" });
    const passing = buildReport();
    expect(
      describeRun(
        [
          { target: "a", report: failing },
          { target: "b", report: passing },
          { target: "c", problem: "c: no such file or folder" },
        ],
        61_049,
      ),
    ).toBe("screened 2 of 3 in 61.0 s: 1 with a failing indicator, 1 could not be screened");
  });
});
