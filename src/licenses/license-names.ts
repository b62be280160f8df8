// Licence names as people write them ("Functional Source License, Version 1.1, ALv2 Future
// License", "Attribution-NonCommercial-NoDerivatives 4.0 International", "CC BY-SA 4.0"),
// looked up against spdx-license-list's names and identifiers. Punctuation, spacing, "the",
// "licence"/"license" and a trailing "(Public) License" do not matter.
import { trimTrailing } from "../core/trim-characters.js";
import { exactLicenseIndex } from "./spdx-license-index.js";

let memo: Map<string, string> | undefined;

/** The comparison key of a licence name. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/licen[cs]e/g, "license")
    .replace(/[^a-z0-9]+/g, "")
    .replace(/version/g, "")
    .replace(/v(?=\d)/g, "")
    .replace(/^the/, "")
    .replace(/(publiclicense|license)$/, "");
}

function names(): Map<string, string> {
  if (memo !== undefined) return memo;
  const map = new Map<string, string>();
  const add = (key: string, id: string) => {
    if (key.length >= 2 && !map.has(key)) map.set(key, id);
  };
  const templates = exactLicenseIndex().templates.filter((template) => template.variant === undefined);
  // Current identifiers first, so a deprecated one never takes a name from its successor.
  const ordered = [...templates.filter((t) => !t.deprecated), ...templates.filter((t) => t.deprecated)];
  for (const template of ordered) {
    add(nameKey(template.id), template.id);
    add(nameKey(template.name), template.id);
    // Creative Commons titles often leave out "Creative Commons": "Attribution 4.0 International".
    if (/^Creative Commons /.test(template.name))
      add(nameKey(template.name.slice("Creative Commons ".length)), template.id);
  }
  memo = map;
  return map;
}

/** The SPDX id a whole name stands for, if it is one. */
export function licenseIdForName(name: string): string | undefined {
  if (name.length > 160) return undefined;
  const whole = names().get(nameKey(name));
  if (whole !== undefined) return whole;
  // "Attribution 4.0 International (CC BY 4.0)": either half may be the name.
  const bracket = /^(.*?)\(([^()]*)\)\s*$/.exec(name);
  if (bracket === null) return undefined;
  return names().get(nameKey(bracket[1] ?? "")) ?? names().get(nameKey(bracket[2] ?? ""));
}

/**
 * The longest licence name at the start of `words` (at most `maxWords` of them), as in the
 * words following "licensed under the". Tries each shorter prefix: at most `maxWords` lookups.
 */
export function licenseNameAtStart(
  phrase: string,
  maxWords = 16,
): { spdx: string; words: number; text: string } | undefined {
  const words = phrase
    .split(/\s+/)
    .filter((word) => word !== "")
    .slice(0, maxWords);
  for (let count = words.length; count >= 1; count -= 1) {
    const text = trimTrailing(words.slice(0, count).join(" "), ".,;:)");
    const spdx = licenseIdForName(text);
    // One bare word (a project name before "license") is too weak, unless it is an id.
    if (spdx !== undefined && (count > 1 || /\d|^(MIT|ISC|Unlicense|WTFPL|Zlib|0BSD)$/i.test(text)))
      return { spdx, words: count, text };
  }
  return undefined;
}
