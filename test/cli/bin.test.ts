// The installed command as a user runs it: the built bin (the bundle in lib/bundle/), a real process,
// real exit codes.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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

  test("bin loads the bundle, not the compiled modules, when npm ci built it", async () => {
    expect(existsSync("lib/bundle/run.js")).toBe(true);
    // A resolve hook that names every module of lib/ the process loads, on stderr.
    const hook = `export async function resolve(specifier, context, next) { const found = await next(specifier, context); if (found.url.includes("/lib/")) process.stderr.write(found.url + "\\n"); return found; }`;
    const register = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${hook}`)});`;
    const { stderr } = await run("node", [
      "--import",
      `data:text/javascript,${register}`,
      "bin/dpg-screener.js",
      "--version",
    ]);
    expect(stderr).toContain("/lib/bundle/run.js");
    expect(stderr).not.toContain("/lib/cli/");
  });

  test("the bundle prints the same reports as the compiled modules, declaration and all", async () => {
    const viaModules = (target: string, format: string) =>
      run("node", [
        "--input-type=module",
        "-e",
        `const { run } = await import("./lib/cli/run.js"); await run(["screen", ${JSON.stringify(target)}, "--format", ${JSON.stringify(format)}]);`,
      ]).catch((error: { stdout: string; stderr: string }) => error);
    const viaBin = (target: string, format: string) =>
      run("node", ["bin/dpg-screener.js", "screen", target, "--format", format]).catch(
        (error: { stdout: string; stderr: string }) => error,
      );
    for (const [target, format] of [
      ["test/fixtures/repos/complete-dpg", "json"],
      ["test/fixtures/repos/contradictory-declaration", "markdown"],
      ["test/fixtures/repos/ai-model", "dpga"],
    ] as const) {
      const [bundled, compiled] = await Promise.all([viaBin(target, format), viaModules(target, format)]);
      expect(bundled.stderr).toBe(compiled.stderr);
      expect(bundled.stdout).toBe(compiled.stdout);
      expect(bundled.stdout.length).toBeGreaterThan(1000);
    }
  }, 120_000);

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
