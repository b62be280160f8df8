// Process entry for the CLI: wires real stdout/stderr and the package version into main().
// Holds no logic; unexpected errors print one line (stack only with DEBUG set).
import { createRequire } from "node:module";
import { main } from "./main.js";

const require = createRequire(import.meta.url);
const pkg = require("../../package.json") as { name: string; version: string };

export async function run(argv: readonly string[]): Promise<void> {
  try {
    process.exitCode = await main(argv, {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      isTTY: process.stdout.isTTY === true && process.env["NO_COLOR"] === undefined,
      env: process.env,
      ...(process.stderr.isTTY ? { terminal: process.stderr } : {}),
      tool: { name: pkg.name, version: pkg.version },
    });
  } catch (error) {
    process.stderr.write(`dpg-screener: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env["DEBUG"] !== undefined && error instanceof Error) process.stderr.write(`${error.stack ?? ""}\n`);
    process.exitCode = 70;
  }
}
