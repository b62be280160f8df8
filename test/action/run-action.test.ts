// The GitHub Action in @actions/core's documented environment: INPUT_* variables, the
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, workflow commands on stdout. No network.
import { jest } from "@jest/globals";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAction } from "../../src/action/run-action.js";
import { useTempRepos } from "../helpers/temp-repo.js";

const repo = useTempRepos();
const KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretsecret\n-----END RSA PRIVATE KEY-----\n";
const saved = { ...process.env };
let runner: string;
let stdout: string;

// One runner folder for the file: @actions/core remembers the summary file's path once read.
beforeAll(async () => {
  runner = await mkdtemp(join(tmpdir(), "dpg-action-"));
});
afterAll(() => rm(runner, { recursive: true, force: true }));

beforeEach(async () => {
  await writeFile(join(runner, "output"), "");
  await writeFile(join(runner, "summary"), "");
  stdout = "";
  jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
});
afterEach(async () => {
  jest.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

async function act(workspace: string, inputs: Record<string, string> = {}) {
  process.env = {
    ...saved,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(runner, "output"),
    GITHUB_STEP_SUMMARY: join(runner, "summary"),
    RUNNER_TEMP: runner,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "octo-org/demo",
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
  };
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  await runAction();
  const output = await readFile(join(runner, "output"), "utf8");
  const outputs: Record<string, string> = {};
  for (const match of output.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1] ?? ""] = match[3] ?? "";
  return { outputs, summary: await readFile(join(runner, "summary"), "utf8"), exitCode: process.exitCode };
}

describe("the GitHub Action", () => {
  test("writes the report, the counts and the job summary; annotates findings; fails on a failing indicator", async () => {
    const workspace = await repo({ "README.md": "# demo", "deploy/server.key": KEY });
    const run = await act(workspace);
    const report = JSON.parse(await readFile(run.outputs["report"] ?? "", "utf8"));
    expect(run.outputs["report"]).toBe(join(runner, "dpg-screener", "report.json"));
    expect(Number(run.outputs["fail"])).toBe(
      report.results.filter((r: { outcome: string }) => r.outcome === "fail").length,
    );
    expect(Object.keys(run.outputs).sort()).toEqual(
      ["attested", "error", "fail", "not-applicable", "pass", "report", "review"].sort(),
    );
    expect(run.summary).toMatch(/^## DPG Standard screening: /);
    expect(stdout).toContain(
      "::error title=DPG indicator 9a%3A Do no harm%3A data privacy and security (fail),file=deploy/server.key,line=1::",
    );
    expect(stdout).not.toContain("MIIEow");
    expect(stdout).toMatch(/^::error::\d indicator\(s\) of the DPG Standard fail: .*9a/m);
    expect(run.exitCode).toBe(1);
  });

  test("escapes what could break a workflow command: commas and colons in paths, line breaks in messages", async () => {
    const workspace = await repo({ "de,p:loy/server.key": KEY });
    await act(workspace, { "fail-on": "never" });
    const line = stdout.split("\n").find((text) => text.includes("de%2Cp%3Aloy")) ?? "";
    expect(line).toMatch(/^::error title=[^\n]*,file=de%2Cp%3Aloy\/server\.key,line=1::[^\n]*%0A[^\n]*$/);
  });

  test("fail-on: never passes the step whatever the outcome, with the outputs set", async () => {
    const run = await act(await repo({ "main.py": "print(1)" }), { "fail-on": "never" });
    expect(Number(run.outputs["fail"])).toBeGreaterThan(0);
    expect(run.exitCode).toBeUndefined();
  });

  test("fail-on: review fails when an indicator needs review even though none fails", async () => {
    const workspace = await repo({
      "README.md": "# demo\n\nA tool.\n",
      LICENSE: "MIT License\n\nCopyright (c) 2024 Demo\n",
    });
    const relaxed = await act(workspace, { "fail-on": "fail" });
    expect(relaxed.outputs["fail"]).toBe("0");
    expect(relaxed.exitCode).toBeUndefined();
    stdout = "";
    const strict = await act(workspace, { "fail-on": "review" });
    expect(strict.exitCode).toBe(1);
    expect(stdout).toMatch(/^::error::\d+ indicator\(s\) need review \(fail-on: review\): /m);
  }, 120_000);

  test("the path and report-path inputs are relative to the workspace", async () => {
    const workspace = await repo({ "sub/README.md": "# sub" });
    const run = await act(workspace, { path: "sub", "report-path": "out/dpg.json", "fail-on": "never" });
    expect(run.outputs["report"]).toBe(join(workspace, "out", "dpg.json"));
    expect(JSON.parse(await readFile(join(workspace, "out", "dpg.json"), "utf8")).repository.name).toBe("sub");
  });

  test.each([
    [{ "fail-on": "sometimes" }, '::error::fail-on must be one of fail, review, never, not "sometimes"'],
    [{ type: "hardware" }, '::error::unknown asset type "hardware"; use software, data, content, aimodel'],
    [{ path: "missing" }, "::error::Could not screen "],
  ])("bad input %j fails the step with one message", async (inputs, message) => {
    const run = await act(await repo({}), inputs);
    expect(run.exitCode).toBe(1);
    expect(stdout).toContain(message);
    expect(run.outputs).toEqual({});
  });
});
