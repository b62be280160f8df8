// The GitHub Action: screens the checked-out workspace, writes the markdown report to the job
// summary, annotates findings that have a file and line, sets the report path and counts as
// outputs, and fails the step according to `fail-on`. Inputs, outputs, summary and annotations
// go through @actions/core, which escapes workflow-command data (%, CR, LF; and : , in properties).
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import * as core from "@actions/core";
import { ASSET_TYPES, isAssetType, type AssetType } from "../core/asset-type.js";
import { isMet } from "../core/outcome.js";
import { countOutcomes, type Report } from "../core/report.js";
import { renderJson } from "../reporters/json.js";
import { renderMarkdown } from "../reporters/markdown.js";
import { screenTarget } from "../cli/screen-target.js";
import { LocalSnapshot } from "../snapshot/local-snapshot.js";

const pkg = createRequire(import.meta.url)("../../package.json") as { name: string; version: string };

export const FAIL_ON = ["fail", "review", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** GitHub shows at most 10 error and 10 warning annotations per step (docs: "Workflow commands"); more are noise. */
export const MAX_ANNOTATIONS = 50;

class InputError extends Error {}

function readInputs(workspace: string) {
  const failOn = core.getInput("fail-on") || "fail";
  if (!(FAIL_ON as readonly string[]).includes(failOn))
    throw new InputError(`fail-on must be one of ${FAIL_ON.join(", ")}, not "${failOn}"`);
  let assetTypes: AssetType[] | undefined;
  const type = core.getInput("type");
  if (type !== "") {
    const requested = type
      .split(",")
      .map((value) => value.trim())
      .filter(Boolean);
    const unknown = requested.filter((value) => !isAssetType(value));
    if (unknown.length > 0 || requested.length === 0)
      throw new InputError(`unknown asset type "${unknown.join(",") || type}"; use ${ASSET_TYPES.join(", ")}`);
    assetTypes = requested.filter(isAssetType);
  }
  const path = resolve(workspace, core.getInput("path") || ".");
  const reportInput = core.getInput("report-path");
  const reportPath = reportInput
    ? resolve(workspace, reportInput)
    : join(process.env["RUNNER_TEMP"] ?? workspace, "dpg-screener", "report.json");
  return { failOn: failOn as FailOn, assetTypes, path, reportPath };
}

/** Link evidence files to the screened commit when the run says which one. */
function fileBase(workspace: string, path: string): string | undefined {
  const server = process.env["GITHUB_SERVER_URL"];
  const repository = process.env["GITHUB_REPOSITORY"];
  const sha = process.env["GITHUB_SHA"];
  if (!server || !repository || !sha) return undefined;
  const folder = relative(workspace, path).split("\\").join("/");
  if (folder.startsWith("..") || isAbsolute(folder)) return undefined;
  return `${server}/${repository}/blob/${sha}/${folder === "" ? "" : `${folder}/`}`;
}

function annotate(report: Report, workspace: string, path: string): number {
  let count = 0;
  for (const result of report.results) {
    if (isMet(result.outcome) || result.outcome === "not-applicable") continue;
    const emit = result.outcome === "fail" ? core.error : result.outcome === "review" ? core.warning : core.notice;
    for (const evidence of result.evidence) {
      if (evidence.path === undefined || evidence.line === undefined || count >= MAX_ANNOTATIONS) continue;
      emit(`${result.summary}\n${evidence.note}`, {
        title: `DPG indicator ${result.indicator}: ${result.title} (${result.outcome})`,
        file: relative(workspace, join(path, evidence.path)).split("\\").join("/"),
        startLine: evidence.line,
      });
      count += 1;
    }
  }
  return count;
}

function verdict(report: Report, failOn: FailOn): string | undefined {
  const failing = report.results.filter((result) => result.outcome === "fail");
  const open = report.results.filter((result) => result.outcome === "review" || result.outcome === "error");
  const rows = (results: typeof failing) => results.map((result) => result.indicator).join(", ");
  if (failOn !== "never" && failing.length > 0)
    return `${failing.length} indicator(s) of the DPG Standard fail: ${rows(failing)}`;
  if (failOn === "review" && open.length > 0)
    return `${open.length} indicator(s) need review (fail-on: review): ${rows(open)}`;
  return undefined;
}

export async function runAction(): Promise<void> {
  const workspace = process.env["GITHUB_WORKSPACE"] ?? process.cwd();
  let inputs;
  try {
    inputs = readInputs(workspace);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    core.setFailed(error.message);
    return;
  }
  const outcome = await screenTarget(
    {
      target: inputs.path,
      tool: { name: pkg.name, version: pkg.version },
      env: {},
      ...(inputs.assetTypes === undefined ? {} : { assetTypes: inputs.assetTypes }),
    },
    (target) => LocalSnapshot.open(target),
  );
  if ("problem" in outcome) {
    core.setFailed(`Could not screen ${outcome.problem}`);
    return;
  }
  const report = outcome.report;
  await mkdir(dirname(inputs.reportPath), { recursive: true });
  await writeFile(inputs.reportPath, `${renderJson(report)}\n`);
  core.setOutput("report", inputs.reportPath);
  for (const [name, count] of Object.entries(countOutcomes(report))) core.setOutput(name, String(count));
  const base = fileBase(workspace, inputs.path);
  await core.summary.addRaw(renderMarkdown(report, base === undefined ? {} : { fileBase: base }), true).write();
  annotate(report, workspace, inputs.path);
  const failure = verdict(report, inputs.failOn);
  if (failure !== undefined) core.setFailed(failure);
}
