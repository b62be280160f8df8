// Which of a repository's texts the SDG suggestions read, and reading them from a loaded view:
// the README, a few overview pages under docs/, publiccode.yml, the root package manifests'
// description and keywords, and the repository's own description and topics.
import { findFiles, README_NAME } from "../core/find-files.js";
import { trimTrailing, whitespaceOr } from "../core/trim-characters.js";
import type { SnapshotView } from "../core/indicator.js";
import type { SdgSuggestion } from "../core/report.js";
import { suggestSdgs, type SdgSource } from "./suggest-sdgs.js";
import { MIN_PATH_NAMES, pathNameSources } from "./path-names.js";

const PUBLICCODE = /^publiccode\.ya?ml$/i;
/** Root manifests whose description and keywords say what the package is for, as the maintainers put it. */
const MANIFEST = /^(package\.json|composer\.json|pyproject\.toml|pom\.xml|pubspec\.yaml|DESCRIPTION|Cargo\.toml)$/;
/** Only the start of a manifest is searched: these fields sit at its top. */
const MAX_MANIFEST_SCAN_CHARS = 64 * 1024;
const MAX_MANIFEST_TEXT_CHARS = 2_000;
const DOC_PAGE = /\.(md|markdown|rst|txt|adoc)$/i;
/** Pages in docs/ that are about the project rather than about contributing to it. */
const COMMUNITY_PAGE =
  /^(code[-_ ]?of[-_ ]?conduct|contributing|security|changelog|history|license|licence|copying|notice|governance|maintainers|support|codeowners)\b/i;
/** Overview pages first: they say what the project is for. */
const OVERVIEW_PAGE = /^(index|readme|overview|about|introduction|intro|getting[-_ ]started)\b/i;
export const MAX_DOC_PAGES = 4;

/** The paths the suggestions read, chosen from the listing. */
export function sdgSourceFiles(paths: readonly string[]): string[] {
  const readme = findFiles(paths, README_NAME, { dirs: [""] }).slice(0, 1);
  const publiccode = findFiles(paths, PUBLICCODE, { dirs: [""] }).slice(0, 1);
  const pages = findFiles(paths, DOC_PAGE, { dirs: ["docs", "doc"] }).filter(
    (path) => !COMMUNITY_PAGE.test(path.slice(path.lastIndexOf("/") + 1)),
  );
  const overview = pages.filter((path) => OVERVIEW_PAGE.test(path.slice(path.lastIndexOf("/") + 1)));
  const docs = [...new Set([...overview, ...pages])].slice(0, MAX_DOC_PAGES);
  const manifests = findFiles(paths, MANIFEST, { dirs: [""] });
  return [...readme, ...publiccode, ...docs, ...manifests];
}

/** The suggestions' sources, in the order they are read; unreadable files are left out. */
export function readSdgSources(view: SnapshotView): SdgSource[] {
  const sources: SdgSource[] = [];
  const { description, topics } = view.metadata;
  if (description !== undefined && description.trim() !== "") sources.push({ kind: "description", text: description });
  if (topics !== undefined && topics.length > 0)
    sources.push({ kind: "topics", text: topics.map((topic) => topic.replace(/-/g, " ")).join(". ") });
  for (const path of sdgSourceFiles(view.listing.paths)) {
    const file = view.read(path);
    if (file.kind !== "text") continue;
    if (MANIFEST.test(path)) {
      const text = manifestPurpose(path, file.text.slice(0, MAX_MANIFEST_SCAN_CHARS));
      if (text !== "") sources.push({ kind: "manifest", path, text });
      continue;
    }
    const kind = PUBLICCODE.test(path) ? "publiccode" : README_NAME.test(path) ? "readme" : "docs";
    sources.push({ kind, path, text: file.text });
  }
  return sources;
}

/**
 * A manifest's description and keywords as sentences, or "" when it has none. JSON is parsed;
 * the other formats are matched line by line (their fields are one line in practice).
 */
export function manifestPurpose(path: string, text: string): string {
  const parts: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === "string" && value.trim() !== "")
      parts.push(`${trimTrailing(value.trim(), whitespaceOr("."))}.`);
    else if (Array.isArray(value))
      add(
        value
          .filter((item): item is string => typeof item === "string")
          .map((item) => item.trim().replace(/[-_]/g, " "))
          .join(", "),
      );
  };
  if (path.endsWith(".json")) {
    try {
      const json: unknown = JSON.parse(text);
      if (json !== null && typeof json === "object") {
        add((json as Record<string, unknown>)["description"]);
        add((json as Record<string, unknown>)["keywords"]);
      }
    } catch {
      return "";
    }
  } else if (path === "pom.xml") {
    // The project's own description, not a parent's or a dependency's: the first one after </parent>.
    const start = Math.max(0, text.indexOf("</parent>"));
    add(/<description>([^<]*)<\/description>/.exec(text.slice(start))?.[1]);
  } else {
    for (const match of text.matchAll(/^(?:description|title|keywords)\s*[=:]\s*(?!\s)(.+)$/gim)) {
      const value = (match[1] ?? "").trim();
      const list = /^\[(.*)\]$/.exec(value);
      add(list === null ? value.replace(/^["']|["']$/g, "") : (list[1] ?? "").replace(/["']/g, "").split(","));
    }
  }
  return parts.join(" ").slice(0, MAX_MANIFEST_TEXT_CHARS);
}

const memo = new WeakMap<SnapshotView, SdgSuggestion[]>();

/**
 * The suggestions for a loaded view, computed once per screen (indicator 1 and the report share
 * them). The file and folder names are read only when the texts suggest nothing.
 */
export function sdgSuggestionsFor(view: SnapshotView): SdgSuggestion[] {
  let suggestions = memo.get(view);
  if (suggestions === undefined) {
    suggestions = suggestSdgs(readSdgSources(view));
    if (suggestions.length === 0)
      suggestions = suggestSdgs(pathNameSources(view.listing.paths), { minSources: MIN_PATH_NAMES });
    memo.set(view, suggestions);
  }
  return suggestions;
}
