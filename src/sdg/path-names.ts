// The words of a repository's file and folder names, as SDG sources: a project whose texts say
// how to build it but not what it is for still names its code after its domain (a hospital system
// has Patient and Diagnosis modules). A weaker signal than the maintainers' own words, so the
// suggestions read it only when those say nothing (sdg-sources.ts).
import { classifyPath, SOURCE_FILE } from "../core/classify-path.js";
import type { SdgSource } from "./suggest-sdgs.js";

/** At most this many distinct names are read: a listing's breadth, not its size, says what it is about. */
export const MAX_PATH_NAMES = 20_000;
/** A goal suggested from names needs this many names that speak for it. */
export const MIN_PATH_NAMES = 3;
/** Longer names are generated or hashed, not named by people. */
const MAX_NAME_CHARS = 80;

const EXTENSION = /\.[A-Za-z0-9]{1,10}$/;
/** "PatientDrugOrder" and "HTMLParser" split at their case changes; separators become spaces. */
const CAMEL = /([\p{Ll}\p{N}])(\p{Lu})|(\p{Lu})(\p{Lu}\p{Ll})/gu;
const SEPARATOR = /[-_.+]+/g;
/**
 * Words that name a program's parts whatever its domain, and happen to be words of the UN texts:
 * a health check is a liveness probe, a landing page and a protected route are screens.
 */
const CODE_WORDS =
  /\b(?:health ?checks?|landing|routes?|protected|assets?|screens?|contracts?|connect(?:ion|or)?s?|responses?|requests?|types?|transactions?|monitor(?:ing)?|locations?|properties)\b/gi;

/** A name's words: "PatientDrugOrder.java" → "Patient Drug Order". */
export function nameWords(name: string): string {
  return name
    .replace(EXTENSION, "")
    .replace(CAMEL, (_, lower?: string, upper?: string, single?: string, next?: string) =>
      lower !== undefined ? `${lower} ${upper ?? ""}` : `${single ?? ""} ${next ?? ""}`,
    )
    .replace(SEPARATOR, " ")
    .replace(CODE_WORDS, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * One source per distinct folder or file name of the project's own source files (tests,
 * fixtures, vendored and generated code, documentation, images and data left out; hidden folders
 * too), each citing the first file that carries it. Linear in the listing.
 */
export function pathNameSources(paths: readonly string[]): SdgSource[] {
  const seen = new Set<string>();
  const sources: SdgSource[] = [];
  for (const path of paths) {
    if (!SOURCE_FILE.test(path) || classifyPath(path).length > 0) continue;
    let start = 0;
    while (start < path.length && sources.length < MAX_PATH_NAMES) {
      const slash = path.indexOf("/", start);
      const end = slash === -1 ? path.length : slash;
      const name = path.slice(start, end);
      start = end + 1;
      if (name.startsWith(".")) {
        if (slash !== -1) break;
        continue;
      }
      if (name.length > MAX_NAME_CHARS || seen.has(name)) continue;
      seen.add(name);
      const text = nameWords(name);
      // The file is cited, also for a folder's name: evidence links point at files.
      if (text !== "") sources.push({ kind: "paths", path, text });
    }
    if (sources.length >= MAX_PATH_NAMES) break;
  }
  return sources;
}
