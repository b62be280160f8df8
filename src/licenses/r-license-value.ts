// Reads the licence syntax of R package DESCRIPTION files: "GPL-2 | GPL-3" (a choice),
// "GPL (>= 2)" (that version or later), "MIT + file LICENSE" and "BSD_3_clause + file LICENSE".
// In that syntax "GPL-2" means version 2 only, as R's licence database defines it.
import { createRequire } from "node:module";
import type CorrectSpdx from "spdx-correct";
import { baseId } from "./base-license-id.js";

const require = createRequire(import.meta.url);
let correctSpdxPackage: typeof CorrectSpdx | undefined;
/** spdx-correct (and the list of ids it reads), loaded on the first value that is not already an expression. */
const correctSpdx: typeof CorrectSpdx = (...args) =>
  (correctSpdxPackage ??= require("spdx-correct") as typeof CorrectSpdx)(...args);

// The space before "+ file" and before "(" is trimmed by hand, not matched: a space run in front
// of them would otherwise be read again from each of its characters.
const FILE_SUFFIX = /\+\s*file\s+LICEN[CS]E\s*$/i;
const VERSION_BOUND = /^(.*?)\(\s*(?:(>=|==)\s*)?(\d+(?:\.\d+)?)\s*\)$/;
const GNU = /^(?:A|L)?GPL-\d\.\d$/;

/** True when `value` uses R's syntax rather than plain words or an SPDX expression. */
export function isRLicenseValue(value: string): boolean {
  return value.includes("|") || FILE_SUFFIX.test(value) || /\(\s*(>=|==)\s*\d/.test(value);
}

/**
 * The SPDX id of each alternative in an R licence value, or undefined when one is not a
 * licence. Alternatives are split before correction: spdx-correct given the whole value
 * picks one of them. A "file LICENSE" alternative names no licence and is left out.
 */
export function correctRLicenseValue(value: string): string[] | undefined {
  const alternatives = value
    .split("|")
    .map((part) => part.trim())
    .filter((part) => part !== "" && !/^file\s+LICEN[CS]E$/i.test(part));
  const ids = alternatives.map(correctAlternative);
  return ids.length === 0 || ids.some((id) => id === undefined) ? undefined : (ids as string[]);
}

function correctAlternative(part: string): string | undefined {
  const bare = part.replace(FILE_SUFFIX, "").replace(/_/g, " ").trim();
  const bound = VERSION_BOUND.exec(bare);
  const id = correctSpdx(bound === null ? bare : `${(bound[1] ?? "").trimEnd()} ${bound[3] ?? ""}`, { upgrade: false });
  if (id === null) return undefined;
  const base = baseId(id);
  if (bound?.[2] === ">=") return GNU.test(base) ? `${base}-or-later` : `${base}+`;
  return GNU.test(id) ? `${id}-only` : id;
}
