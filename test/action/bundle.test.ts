// The committed Action bundle: up to date with the sources, and runnable on its own (a workflow
// runs dist/action/index.js from the repository, without node_modules).
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";

const run = promisify(execFile);

describe("dist/action/index.js", () => {
  test("is what `npm run build:action` builds from the sources now", async () => {
    await expect(run("node", ["scripts/build-action.js", "--check"])).resolves.toMatchObject({ stderr: "" });
  }, 60_000);

  test("action.yml runs it on the node24 runtime", async () => {
    const action = parse(await readFile("action.yml", "utf8")) as { runs: { using: string; main: string } };
    expect(action.runs).toEqual({ using: "node24", main: "dist/action/index.js" });
  });

  test("runs without node_modules and fails the step on a failing indicator", async () => {
    const sandbox = await mkdtemp(join(tmpdir(), "dpg-action-bundle-"));
    try {
      await mkdir(join(sandbox, "action", "dist", "action"), { recursive: true });
      await cp("dist/action/index.js", join(sandbox, "action", "dist", "action", "index.js"));
      await cp("package.json", join(sandbox, "action", "package.json"));
      await mkdir(join(sandbox, "workspace"));
      await writeFile(join(sandbox, "workspace", "main.py"), "print(1)\n");
      for (const name of ["output", "summary"]) await writeFile(join(sandbox, name), "");
      const failed = await run("node", [join(sandbox, "action", "dist", "action", "index.js")], {
        cwd: sandbox,
        env: {
          PATH: process.env["PATH"] ?? "",
          GITHUB_WORKSPACE: join(sandbox, "workspace"),
          GITHUB_OUTPUT: join(sandbox, "output"),
          GITHUB_STEP_SUMMARY: join(sandbox, "summary"),
          RUNNER_TEMP: sandbox,
        },
      }).catch((error: { code: number; stdout: string }) => error);
      expect(failed).toMatchObject({ code: 1 });
      expect(failed.stdout).toMatch(/^::error::\d indicator\(s\) of the DPG Standard fail: 2/m);
      expect(await readFile(join(sandbox, "summary"), "utf8")).toMatch(/^## DPG Standard screening: workspace/);
      expect(await readFile(join(sandbox, "output"), "utf8")).toMatch(/^fail<<\S+\n[1-9]/m);
    } finally {
      await rm(sandbox, { recursive: true, force: true });
    }
  }, 60_000);
});
