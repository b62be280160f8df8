// The committed Action bundle: up to date with the sources, and runnable on its own (a workflow
// runs dist/action/index.js from the repository, without node_modules).
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";

const run = promisify(execFile);

describe("dist/action/index.js", () => {
  test("is what `npm run build:action` builds from the sources now", async () => {
    await expect(run("node", ["scripts/build-action.js", "--check"])).resolves.toMatchObject({ stderr: "" });
  }, 60_000);

  /**
   * A copy of this repository's root for the check script: its sources and dependencies linked,
   * its dist/ and lib/data/ copied, so a test can make them stale without touching the real ones.
   */
  async function checkout(options: { withBuiltData: boolean }): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), "dpg-action-check-"));
    for (const name of ["src", "node_modules", "package.json", "tsconfig.json"])
      await symlink(join(process.cwd(), name), join(root, name));
    await mkdir(join(root, "scripts"));
    await cp("scripts/build-action.js", join(root, "scripts", "build-action.js"));
    await cp("dist", join(root, "dist"), { recursive: true });
    if (options.withBuiltData) await cp("lib/data", join(root, "lib", "data"), { recursive: true });
    return root;
  }

  const check = (root: string) =>
    run("node", [join(root, "scripts", "build-action.js"), "--check"]).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );

  test("the check names what is stale: the bundle, the shipped data files, or the build they come from", async () => {
    const root = await checkout({ withBuiltData: true });
    try {
      expect(await check(root)).toEqual({ code: 0, stderr: "" });
      await writeFile(join(root, "dist", "data", "sdg-index.json"), "{}");
      expect(await check(root)).toEqual({
        code: 1,
        stderr: "dist/data/ differs from lib/data/: run `npm run build && npm run build:action` and commit it\n",
      });
      await writeFile(join(root, "dist", "action", "index.js"), "// stale\n");
      expect(await check(root)).toEqual({
        code: 1,
        stderr: "dist/action/index.js is stale: run `npm run build:action` and commit it\n",
      });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
    const unbuilt = await checkout({ withBuiltData: false });
    try {
      expect(await check(unbuilt)).toEqual({ code: 1, stderr: "lib/data/ is missing: run `npm run build` first\n" });
    } finally {
      await rm(unbuilt, { recursive: true, force: true });
    }
  }, 120_000);

  test("action.yml runs it on the node24 runtime", async () => {
    const action = parse(await readFile("action.yml", "utf8")) as { runs: { using: string; main: string } };
    expect(action.runs).toEqual({ using: "node24", main: "dist/action/index.js" });
  });

  /** A copy of the Action as a workflow checks it out (the bundle, its data files, package.json), and a workspace. */
  async function sandboxed(workspace: Record<string, string>, withData = true): Promise<string> {
    const sandbox = await mkdtemp(join(tmpdir(), "dpg-action-bundle-"));
    await mkdir(join(sandbox, "action", "dist", "action"), { recursive: true });
    await cp("dist/action/index.js", join(sandbox, "action", "dist", "action", "index.js"));
    if (withData) await cp("dist/data", join(sandbox, "action", "dist", "data"), { recursive: true });
    await cp("package.json", join(sandbox, "action", "package.json"));
    await mkdir(join(sandbox, "workspace"));
    for (const [name, text] of Object.entries(workspace)) await writeFile(join(sandbox, "workspace", name), text);
    for (const name of ["output", "summary"]) await writeFile(join(sandbox, name), "");
    return sandbox;
  }

  const runIn = (sandbox: string, inputs: Record<string, string> = {}) =>
    run("node", [join(sandbox, "action", "dist", "action", "index.js")], {
      cwd: sandbox,
      env: {
        PATH: process.env["PATH"] ?? "",
        GITHUB_WORKSPACE: join(sandbox, "workspace"),
        GITHUB_OUTPUT: join(sandbox, "output"),
        GITHUB_STEP_SUMMARY: join(sandbox, "summary"),
        RUNNER_TEMP: sandbox,
        ...inputs,
      },
    }).catch((error: { code: number; stdout: string }) => error);

  test("reads licences with the data files it ships, without node_modules", async () => {
    const license = await readFile("test/fixtures/repos/complete-dpg/LICENSE", "utf8");
    const sandbox = await sandboxed({ "main.py": "print(1)\n", LICENSE: license });
    try {
      await runIn(sandbox, { "INPUT_FAIL-ON": "never" });
      const report = JSON.parse(await readFile(join(sandbox, "dpg-screener", "report.json"), "utf8")) as {
        license: string;
      };
      expect(report.license).toBe("MIT");
    } finally {
      await rm(sandbox, { recursive: true, force: true });
    }
  }, 60_000);

  test("without its data files row 2 is an error that says the licence index is missing, and the step still ends", async () => {
    const license = await readFile("test/fixtures/repos/complete-dpg/LICENSE", "utf8");
    const sandbox = await sandboxed({ "main.py": "print(1)\n", LICENSE: license }, false);
    try {
      const result = await runIn(sandbox, { "INPUT_FAIL-ON": "never" });
      expect(result).not.toHaveProperty("code");
      const report = JSON.parse(await readFile(join(sandbox, "dpg-screener", "report.json"), "utf8")) as {
        results: { indicator: string; outcome: string; summary: string }[];
      };
      expect(report.results.find((result) => result.indicator === "2")).toMatchObject({
        outcome: "error",
        summary:
          "The screener failed on this indicator: licence detection failed: the SPDX licence index is missing: neither its data files (spdx-index-meta.json, spdx-index-words.txt) nor spdx-license-list to build them were found",
      });
    } finally {
      await rm(sandbox, { recursive: true, force: true });
    }
  }, 60_000);

  test("runs without node_modules and fails the step on a failing indicator", async () => {
    const sandbox = await sandboxed({ "main.py": "print(1)\n" });
    try {
      const failed = await runIn(sandbox);
      expect(failed).toMatchObject({ code: 1 });
      expect(failed.stdout).toMatch(/^::error::\d indicator\(s\) of the DPG Standard fail: 2/m);
      expect(await readFile(join(sandbox, "summary"), "utf8")).toMatch(/^## DPG Standard screening: workspace/);
      expect(await readFile(join(sandbox, "output"), "utf8")).toMatch(/^fail<<\S+\n[1-9]/m);
    } finally {
      await rm(sandbox, { recursive: true, force: true });
    }
  }, 60_000);
});
