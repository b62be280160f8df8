// The `dpg-screener` command. Parses arguments, screens each target, prints one report per
// target, and turns every expected problem into a one-line message and exit code 2.
import { parseArgs } from "node:util";
import { checkDraftLinks, describeBrokenLinks } from "../links/check-draft-links.js";
import { createLinkCache } from "../links/check-links.js";
import { ASSET_TYPES, isAssetType, type AssetType } from "../core/asset-type.js";
import { availableParallelism } from "node:os";
import { EXIT_OK, EXIT_USAGE, exitCodeFor } from "./exit-code.js";
import { describeFormats, FORMAT_NAMES, isFormat, OUTPUT_FORMATS, type Format } from "./formats.js";
import { NO_PROGRESS, startProgress, type TerminalStream } from "./progress.js";
import { createScreener } from "./screen-pool.js";
import type { ScreenTask, TargetOutcome } from "./screen-target.js";
import { describeRun } from "./summary.js";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour and symbols in text output). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  tool: { name: string; version: string };
  /** stderr when it is a terminal: progress and the closing summary are drawn there, else nowhere. */
  terminal?: TerminalStream;
  /** CPUs to use by default (--jobs); the machine's when not given. */
  cpus?: number;
  /** Milliseconds, for the summary's time. */
  now?: () => number;
}

export const USAGE = `Usage: dpg-screener screen [TARGET...] [options]

Screens repositories against the Digital Public Goods Standard.
TARGET is a local folder (default: the current folder), or owner/name of a GitHub
repository when no such folder exists (needs GITHUB_TOKEN; GITHUB_API_URL for GitHub
Enterprise Server).

Options:
  -f, --format <format>               output format:
${describeFormats("      ")}
  -t, --type <types>                  asset types, comma-separated: ${ASSET_TYPES.join(", ")}
  -j, --jobs <n>                      targets screened at once, each on a worker thread
                                      (default: the number of CPUs, here ${availableParallelism()})
      --check-links                   check every URL the DPGA draft and the declaration cite
                                      (HEAD, 5 s timeout, 8 at once) and list broken ones on stderr
  -h, --help                          show this help
  -v, --version                       show the version

Several targets are screened at once and printed in the order given. On a terminal, stderr
shows progress and, for several targets, a closing summary; when stderr is not a terminal
nothing but problems is written there.

Exit codes: 0 no indicator fails · 1 an indicator fails · 2 usage error or unreadable target
`;

class UsageError extends Error {}

/** More worker threads than this only adds memory (each holds a copy of the engine). */
const MAX_JOBS = 64;

interface Parsed {
  targets: string[];
  format: Format;
  assetTypes: AssetType[] | undefined;
  jobs: number;
  checkLinks: boolean;
  help: boolean;
  version: boolean;
}

function parse(argv: readonly string[], cpus: number): Parsed {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f" },
        type: { type: "string", short: "t" },
        jobs: { type: "string", short: "j" },
        "check-links": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0] ?? "invalid arguments");
  }
  const help = values.help === true;
  const version = values.version === true;
  const [command, ...targets] = positionals;
  if (!help && !version && command !== "screen") {
    throw new UsageError(
      command === undefined
        ? "missing command; try: dpg-screener screen [TARGET...]"
        : `unknown command "${command}"; the command is "screen"`,
    );
  }
  const format = values.format ?? "text";
  if (!isFormat(format)) throw new UsageError(`unknown format "${format}"; use one of ${FORMAT_NAMES.join(", ")}`);
  let assetTypes: AssetType[] | undefined;
  if (values.type !== undefined) {
    const requested = values.type
      .split(",")
      .map((value) => value.trim())
      .filter(Boolean);
    const unknown = requested.filter((value) => !isAssetType(value));
    if (unknown.length > 0 || requested.length === 0)
      throw new UsageError(`unknown asset type "${unknown.join(",") || values.type}"; use ${ASSET_TYPES.join(", ")}`);
    assetTypes = requested.filter(isAssetType);
  }
  let jobs = cpus;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!/^[0-9]+$/.test(values.jobs) || jobs < 1 || jobs > MAX_JOBS)
      throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${values.jobs}"`);
  }
  return {
    targets: targets.length === 0 ? ["."] : targets,
    format,
    assetTypes,
    jobs,
    checkLinks: values["check-links"] === true,
    help,
    version,
  };
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parse(argv, io.cpus ?? availableParallelism());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`dpg-screener: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (parsed.version) {
    io.stdout(`${io.tool.version}\n`);
    return EXIT_OK;
  }
  const now = io.now ?? Date.now;
  const started = now();
  const tasks: ScreenTask[] = parsed.targets.map((target) => ({
    target,
    tool: io.tool,
    env: { GITHUB_TOKEN: io.env["GITHUB_TOKEN"], GITHUB_API_URL: io.env["GITHUB_API_URL"] },
    ...(parsed.assetTypes === undefined ? {} : { assetTypes: parsed.assetTypes }),
  }));
  const output = OUTPUT_FORMATS[parsed.format];
  const progress =
    io.terminal === undefined || tasks.length < 2 ? NO_PROGRESS : await startProgress(io.terminal, tasks.length);
  const outcomes: (TargetOutcome | undefined)[] = new Array<undefined>(tasks.length);
  let printed = 0;
  let exitCode = EXIT_OK;
  // Reports are printed in the order the targets were given, each as soon as all before it are done.
  const printReady = () => {
    for (let outcome = outcomes[printed]; outcome !== undefined; outcome = outcomes[printed]) {
      progress.clear();
      if ("problem" in outcome) {
        io.stderr(`dpg-screener: ${outcome.problem}\n`);
        exitCode = EXIT_USAGE;
      } else {
        if (printed > 0 && !output.lineDelimited) io.stdout("\n");
        io.stdout(output.render(outcome.report, { tty: io.isTTY }));
        exitCode = Math.max(exitCode, exitCodeFor(outcome.report));
      }
      printed += 1;
    }
  };
  const screener = await createScreener(Math.min(parsed.jobs, tasks.length));
  try {
    let cursor = 0;
    const lanes = Array.from({ length: Math.min(parsed.jobs, tasks.length) }, async () => {
      for (let index = cursor++; index < tasks.length; index = cursor++) {
        const task = tasks[index] as ScreenTask;
        outcomes[index] = await screener.screen(task);
        progress.tick(task.target);
        printReady();
      }
    });
    await Promise.all(lanes);
  } finally {
    progress.stop();
    await screener.close();
  }
  // Links are fetched only when asked, after every report is out, each URL once per run.
  if (parsed.checkLinks) {
    const cache = createLinkCache();
    for (const outcome of outcomes)
      if (outcome !== undefined && "report" in outcome)
        for (const line of describeBrokenLinks(
          outcome.report.repository.name,
          await checkDraftLinks(outcome.report, { cache }),
        ))
          io.stderr(`dpg-screener: ${line}\n`);
  }
  if (io.terminal !== undefined && tasks.length > 1)
    io.stderr(`dpg-screener: ${describeRun(outcomes as TargetOutcome[], now() - started)}\n`);
  return exitCode;
}
