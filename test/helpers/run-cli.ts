// Runs the CLI in-process with captured output, as a user's shell would see it.
import { main } from "../../src/cli/main.js";
import type { TerminalStream } from "../../src/cli/progress.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { isTTY?: boolean; env?: Record<string, string>; terminal?: TerminalStream; now?: () => number } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    tool: { name: "dpg-screener", version: "0.0.0-test" },
    // One CPU unless a test asks for --jobs: worker threads from the TypeScript sources start slowly.
    cpus: 1,
    ...(options.terminal === undefined ? {} : { terminal: options.terminal }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return { code, stdout, stderr };
}

/** A terminal that records what is drawn on it, for progress output. */
export function fakeTerminal(): TerminalStream & { drawn: string } {
  const terminal = {
    drawn: "",
    isTTY: true,
    columns: 100,
    write(text: string) {
      terminal.drawn += text;
      return true;
    },
  };
  return terminal;
}
