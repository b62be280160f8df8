// Where the declaration lives and how much of it is read: one name, one cap, the same for the
// CLI, the engine and the App.
import { DEFAULT_MAX_FILE_BYTES } from "../core/snapshot.js";

/** The declaration: the maintainers' answers and the App's settings, in one file. */
export const DECLARATION_PATH = ".github/dpg.yml";

/**
 * Names people give the file by mistake. Found without the real one, they are reported (never
 * read, never silently ignored), so a repository knows why its declaration did not count.
 */
export const MISNAMED_DECLARATION_PATHS = [".github/dpg.yaml", ".dpg.yml", ".dpg.yaml", "dpg.yml", "dpg.yaml"] as const;

/** Bytes read of any declaration file, on a checkout or on GitHub: the engine's per-file cap. */
export const MAX_DECLARATION_BYTES = DEFAULT_MAX_FILE_BYTES;

export function misnamedDeclarationMessage(path: string): string {
  return `${path} is not read: the declaration's file name is ${DECLARATION_PATH}; rename it`;
}

/** Said wherever a declaration file over the cap matters; `bytes` is undefined when only "more" is known. */
export function declarationTooLargeMessage(bytes: number | undefined): string {
  const size = bytes === undefined ? "larger than" : `${formatBytes(bytes)}, over`;
  return `the file is ${size} the ${formatBytes(MAX_DECLARATION_BYTES)} cap and was not read`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KiB`;
  return `${bytes} bytes`;
}
