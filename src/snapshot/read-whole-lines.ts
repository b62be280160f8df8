// A small file of the checkout's own settings (.gitignore, .git/config) read as text: a regular
// file only (no link followed, no FIFO waited on), at most `maxBytes`, and when the cap cuts it,
// only its whole lines, so a value cut short is never read as if it were complete.
import { constants } from "node:fs";
import { lstat, open } from "node:fs/promises";

/** The file's text, or undefined when it is not a regular file or cannot be read. */
export async function readWholeLines(path: string, maxBytes: number): Promise<string | undefined> {
  try {
    if (!(await lstat(path)).isFile()) return undefined;
  } catch {
    return undefined;
  }
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(maxBytes);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
      if (bytesRead === 0 || (total += bytesRead) >= buffer.length) break;
    }
    const text = buffer.subarray(0, total).toString("utf8");
    return total === buffer.length ? text.slice(0, Math.max(0, text.lastIndexOf("\n"))) : text;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
