// The installed command as a user runs it: the compiled bin, a real process, real exit codes.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

describe("bin/dpg-screener.js (built by npm ci)", () => {
  test("--version prints the package version", async () => {
    const { stdout } = await run("node", ["bin/dpg-screener.js", "--version"]);
    expect(stdout).toBe(`${pkg.version}\n`);
  });

  test("a usage error exits 2 with one line and no stack trace", async () => {
    await expect(run("node", ["bin/dpg-screener.js", "screen", "--format", "xml"])).rejects.toMatchObject({
      code: 2,
      stderr: 'dpg-screener: unknown format "xml"; use one of text, json, markdown, dpga, dpga-markdown, table, csv\n',
    });
  });

  test("--jobs 2 screens on the compiled worker threads and keeps the order given", async () => {
    const targets = ["test/fixtures/repos/monorepo", "test/fixtures/repos/bare", "test/fixtures/repos/complete-dpg"];
    const result = await run("node", [
      "bin/dpg-screener.js",
      "screen",
      ...targets,
      "--jobs",
      "2",
      "--format",
      "json",
    ]).catch((error: { stdout: string; stderr: string }) => error);
    expect(result.stderr).toBe("");
    const names = result.stdout
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { repository: { name: string } }).repository.name);
    expect(names).toEqual(["monorepo", "bare", "complete-dpg"]);
  }, 120_000);
});
