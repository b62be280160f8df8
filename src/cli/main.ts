// The `dpg-screener` command. Parses arguments, screens each target, prints one report per
// target, and turns every expected problem into a one-line message and exit code 2.
import { parseArgs } from "node:util";
import { ASSET_TYPES, isAssetType, type AssetType } from "../core/asset-type.js";
import { screenRepository } from "../engine/screen-repository.js";
import { EXIT_OK, EXIT_USAGE, exitCodeFor } from "./exit-code.js";
import { describeFormats, FORMAT_NAMES, isFormat, OUTPUT_FORMATS, type Format } from "./formats.js";
import { openTarget } from "./open-target.js";
import { TargetError } from "../snapshot/local-snapshot.js";
import { GitHubReadError } from "../snapshot/github-snapshot.js";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour and symbols in text output). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  tool: { name: string; version: string };
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
  -h, --help                          show this help
  -v, --version                       show the version

Exit codes: 0 no indicator fails · 1 an indicator fails · 2 usage error or unreadable target
`;

class UsageError extends Error {}

interface Parsed {
  targets: string[];
  format: Format;
  assetTypes: AssetType[] | undefined;
  help: boolean;
  version: boolean;
}

function parse(argv: readonly string[]): Parsed {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f" },
        type: { type: "string", short: "t" },
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
  return { targets: targets.length === 0 ? ["."] : targets, format, assetTypes, help, version };
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parse(argv);
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
  const output = OUTPUT_FORMATS[parsed.format];
  let exitCode = EXIT_OK;
  let first = true;
  for (const target of parsed.targets) {
    try {
      const snapshot = await openTarget(target, { env: io.env });
      const report = await screenRepository(snapshot, {
        tool: io.tool,
        ...(parsed.assetTypes === undefined ? {} : { assetTypes: parsed.assetTypes }),
      });
      if (!first && !output.lineDelimited) io.stdout("\n");
      first = false;
      io.stdout(output.render(report, { tty: io.isTTY }));
      exitCode = Math.max(exitCode, exitCodeFor(report));
    } catch (error) {
      // A target that cannot be read, now or half-way (GitHub failing mid-screen), is exit 2.
      if (!(error instanceof TargetError) && !(error instanceof GitHubReadError)) throw error;
      io.stderr(`dpg-screener: ${error instanceof GitHubReadError ? `${target}: ` : ""}${error.message}\n`);
      exitCode = EXIT_USAGE;
    }
  }
  return exitCode;
}
