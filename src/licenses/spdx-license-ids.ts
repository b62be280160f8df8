// The current and deprecated SPDX identifiers, from the spdx-license-ids package. Loaded
// through require because the package ships bare JSON that ESM imports cannot take as is.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Every current (non-deprecated) SPDX licence identifier. */
export const CURRENT_SPDX_IDS: ReadonlySet<string> = new Set(require("spdx-license-ids") as string[]);

/** Deprecated SPDX identifiers such as GPL-3.0 (meaning GPL-3.0-only) and wxWindows. */
export const DEPRECATED_SPDX_IDS: ReadonlySet<string> = new Set(
  require("spdx-license-ids/deprecated.json") as string[],
);

/** True for an identifier SPDX has deprecated, including the old `+` forms (GPL-2.0+). */
export function isDeprecatedSpdxId(id: string): boolean {
  return DEPRECATED_SPDX_IDS.has(id) || id.endsWith("+");
}
