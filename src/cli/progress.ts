// Progress of a many-target run, drawn on stderr only when stderr is a terminal (cli-progress),
// so piped stdout and captured stderr stay clean. Reports written to the same terminal clear the
// bar's line first; the bar redraws below them.
import { clearLine, cursorTo } from "node:readline";
import type { SingleBar } from "cli-progress";

/** The slice of a terminal stream the bar writes to (process.stderr when it is a TTY). */
export interface TerminalStream {
  write(text: string): boolean;
  isTTY: boolean;
  columns?: number;
}

export interface Progress {
  /** One more target done; `label` names it. */
  tick(label: string): void;
  /** Clears the bar's line so the caller can write to the same terminal. */
  clear(): void;
  stop(): void;
}

export const NO_PROGRESS: Progress = { tick: () => {}, clear: () => {}, stop: () => {} };

/** Loads cli-progress only when a bar is drawn. */
export async function startProgress(stream: TerminalStream, total: number): Promise<Progress> {
  const { SingleBar: Bar } = await import("cli-progress");
  const bar: SingleBar = new Bar({
    stream: stream as unknown as NodeJS.WritableStream,
    format: "screening {bar} {value}/{total} {label}",
    barsize: 20,
    clearOnComplete: true,
    hideCursor: true,
    linewrap: false,
    gracefulExit: true,
  });
  bar.start(total, 0, { label: "" });
  return {
    tick(label) {
      bar.increment(1, { label });
    },
    clear() {
      clearLine(stream as unknown as NodeJS.WritableStream, 0);
      cursorTo(stream as unknown as NodeJS.WritableStream, 0);
    },
    stop() {
      bar.stop();
    },
  };
}
