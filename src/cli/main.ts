// The `dpg-screener` command. Parses arguments, screens each target (several at once), prints
// one report per target in the order given, and turns every expected problem into a one-line
// message and exit code 2.
// What a command needs is imported when it runs: --help, --version and a usage error load only
// this module and the format record; a local screen loads the engine and its one renderer,
// never link checking or the organisation mode (a process pays for every module it loads).
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { ASSET_TYPES, isAssetType, type AssetType } from "../core/asset-type.js";
import { EXIT_OK, EXIT_USAGE, exitCodeFor } from "./exit-code.js";
import { describeFormats, FORMAT_NAMES, isFormat, OUTPUT_FORMATS, type Format } from "./formats.js";
import { NO_PROGRESS, startProgress, type Progress, type TerminalStream } from "./progress.js";
import type { Screener } from "./screen-pool.js";
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

/** Screens of an organisation's repositories wait on GitHub, not on a CPU: this many at once by default. */
export const DEFAULT_ORGANIZATION_JOBS = 4;

export const USAGE = `Usage: dpg-screener screen [TARGET...] [options]
       dpg-screener screen --org OWNER [options]

Screens repositories against the Digital Public Goods Standard.
TARGET is a local folder (default: the current folder), or owner/name of a GitHub
repository when no such folder exists. GitHub needs GITHUB_TOKEN (and GITHUB_API_URL
for GitHub Enterprise Server, e.g. https://ghe.example.com/api/v3).

Options:
  -f, --format <format>               output format:
${describeFormats("      ")}
  -t, --type <types>                  asset types, comma-separated: ${ASSET_TYPES.join(", ")}
  -j, --jobs <n>                      targets screened at once, each folder on a worker thread
                                      (default: the number of CPUs, here ${availableParallelism()};
                                      ${DEFAULT_ORGANIZATION_JOBS} for --org)
      --org <owner>                   screen every repository of a GitHub organisation
      --include-archived              with --org: also archived repositories
      --include-forks                 with --org: also forks
      --check-links                   check every URL the DPGA draft and the declaration cite
                                      (HEAD, 5 s timeout, 8 at once) and list broken ones on stderr
  -h, --help                          show this help
  -v, --version                       show the version

Reports are printed in the order of the targets. On a terminal, stderr shows progress and,
for several targets, a closing summary; when stderr is not a terminal only problems (and
waits for GitHub's rate limit) are written there.

Exit codes: 0 no indicator fails · 1 an indicator fails · 2 usage error or unreadable target
`;

class UsageError extends Error {}

/** More worker threads than this only adds memory (each holds a copy of the engine). */
const MAX_JOBS = 64;
/** GitHub logins: letters, digits and single hyphens. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

interface Parsed {
  targets: string[];
  org: { owner: string; includeArchived: boolean; includeForks: boolean } | undefined;
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
        org: { type: "string" },
        "include-archived": { type: "boolean" },
        "include-forks": { type: "boolean" },
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
  let org: Parsed["org"];
  if (values.org !== undefined) {
    if (!LOGIN.test(values.org)) throw new UsageError(`--org needs an organisation's login, not "${values.org}"`);
    if (targets.length > 0)
      throw new UsageError("--org screens an organisation's repositories; give no TARGET with it");
    org = {
      owner: values.org,
      includeArchived: values["include-archived"] === true,
      includeForks: values["include-forks"] === true,
    };
  } else if (values["include-archived"] === true || values["include-forks"] === true) {
    throw new UsageError("--include-archived and --include-forks only apply with --org OWNER");
  }
  const format = values.format ?? (org === undefined ? "text" : "table");
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
  let jobs = org === undefined ? cpus : DEFAULT_ORGANIZATION_JOBS;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!/^[0-9]+$/.test(values.jobs) || jobs < 1 || jobs > MAX_JOBS)
      throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${values.jobs}"`);
  }
  return {
    targets: targets.length === 0 ? ["."] : targets,
    org,
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
  let progress: Progress = NO_PROGRESS;
  const warn = (message: string) => {
    progress.clear();
    io.stderr(`dpg-screener: ${message}\n`);
  };

  let targets = parsed.targets;
  let screener: Screener;
  let note = "";
  if (parsed.org === undefined) {
    const { createScreener } = await import("./screen-pool.js");
    screener = await createScreener(Math.min(parsed.jobs, targets.length));
  } else {
    const { listOrganization } = await import("./organization.js");
    const listing = await listOrganization(parsed.org, { env: io.env, concurrency: parsed.jobs, onWait: warn });
    if ("problem" in listing) {
      warn(listing.problem);
      return EXIT_USAGE;
    }
    targets = listing.fullNames;
    screener = listing.screener;
    note = listing.note;
    if (listing.truncated !== undefined) warn(listing.truncated);
  }

  const tasks: ScreenTask[] = targets.map((target) => ({
    target,
    tool: io.tool,
    env: { GITHUB_TOKEN: io.env["GITHUB_TOKEN"], GITHUB_API_URL: io.env["GITHUB_API_URL"] },
    ...(parsed.assetTypes === undefined ? {} : { assetTypes: parsed.assetTypes }),
  }));
  const several = tasks.length > 1 || parsed.org !== undefined;
  const format = OUTPUT_FORMATS[parsed.format];
  const output = await format.load();
  if (output.header !== undefined) io.stdout(output.header());
  if (io.terminal !== undefined && several) progress = await startProgress(io.terminal, tasks.length);
  const outcomes: (TargetOutcome | undefined)[] = new Array<undefined>(tasks.length);
  let printed = 0;
  let exitCode = EXIT_OK;
  // Reports are printed in the order of the targets, each as soon as all before it are done.
  const printReady = () => {
    for (let outcome = outcomes[printed]; outcome !== undefined; outcome = outcomes[printed]) {
      progress.clear();
      if ("problem" in outcome) {
        io.stderr(`dpg-screener: ${outcome.problem}\n`);
        if (output.renderProblem !== undefined) io.stdout(output.renderProblem(outcome.target, outcome.problem));
        exitCode = EXIT_USAGE;
      } else {
        if (printed > 0 && !format.lineDelimited) io.stdout("\n");
        io.stdout(output.render(outcome.report, { tty: io.isTTY }));
        exitCode = Math.max(exitCode, exitCodeFor(outcome.report));
      }
      printed += 1;
    }
  };
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
    const [{ checkDraftLinks, describeBrokenLinks }, { createLinkCache }] = await Promise.all([
      import("../links/check-draft-links.js"),
      import("../links/check-links.js"),
    ]);
    const cache = createLinkCache();
    for (const outcome of outcomes)
      if (outcome !== undefined && "report" in outcome)
        for (const line of describeBrokenLinks(
          outcome.report.repository.name,
          await checkDraftLinks(outcome.report, { cache }),
        ))
          io.stderr(`dpg-screener: ${line}\n`);
  }
  if (io.terminal !== undefined && several)
    io.stderr(`dpg-screener: ${describeRun(outcomes as TargetOutcome[], now() - started)}${note}\n`);
  return exitCode;
}
