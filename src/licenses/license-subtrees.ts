// The whole tree, bounded: licence files below the root and a sample of source files per
// subtree (for SPDX headers and licence notices), chosen in one pass over the listing, with the
// counts a summary needs ("apps/admin/: Apache-2.0, 312 files; 2,711 Java files …").
// Test, fixture, example, vendored and generated paths are not the project's own and are skipped
// (src/core/classify-path.ts, the classifier every layer uses).
import { isOwnPath, SOURCE_FILE } from "../core/classify-path.js";
import { basename } from "../core/find-files.js";

/** A subtree: a top-level folder, or a package of a monorepo folder (apps/admin, packages/ui). */
export type Subtree = string;

export interface SubtreeSelection {
  /** Licence files below the root (never the root, .github, docs or LICENSES/), shallowest first. */
  nested: { path: string; subtree: Subtree }[];
  /** Source files whose first bytes are read for a header, a few per subtree. */
  samples: { path: string; subtree: Subtree; language: string }[];
  /** Files and source files per language in each subtree (the project's own paths only). */
  counts: Map<Subtree, { files: number; languages: Map<string, number> }>;
  /** Licence files below the root beyond the cap, not read. */
  nestedSkipped: number;
  /** Source files in the tree, and how many were sampled. */
  sourceFiles: number;
}

/** Licence files read below the root (the rest are counted, not read). */
export const MAX_NESTED_LICENSE_FILES = 40;
/** Source files sampled per subtree, and in all. */
export const SAMPLES_PER_SUBTREE = 6;
export const MAX_SAMPLES = 96;
/** Subtrees counted one by one; the rest are summed as "other". */
const MAX_SUBTREES = 200;

const MONOREPO_DIRS = /^(packages|apps|services|modules|libs|plugins|components|projects|extensions|crates|cmd)$/i;
const LICENSE_NAME = /^(licen[cs]es?|copying|unlicen[cs]e)([-._ ].*)?$/i;
const NOT_A_LICENSE =
  /third|3rd|vendor|bundled|dependenc|\.(pdf|docx?|odt|png|jpe?g|svg|gif|html?|json|ya?ml|xml|map)$/i;
const LANGUAGES: Record<string, string> = {
  java: "Java",
  kt: "Kotlin",
  scala: "Scala",
  ts: "TypeScript",
  tsx: "TypeScript",
  js: "JavaScript",
  jsx: "JavaScript",
  mjs: "JavaScript",
  cjs: "JavaScript",
  vue: "Vue",
  svelte: "Svelte",
  py: "Python",
  go: "Go",
  rs: "Rust",
  rb: "Ruby",
  php: "PHP",
  c: "C",
  h: "C",
  cc: "C++",
  cpp: "C++",
  hpp: "C++",
  cs: "C#",
  swift: "Swift",
  dart: "Dart",
  ex: "Elixir",
  exs: "Elixir",
  erl: "Erlang",
  lua: "Lua",
  r: "R",
  jl: "Julia",
  hs: "Haskell",
  ml: "OCaml",
  clj: "Clojure",
  sh: "Shell",
  pl: "Perl",
};

/** True for a path that is a test, fixture, example, vendored, generated or tooling file (core's classifier). */
export function isNotOwnPath(path: string): boolean {
  return !isOwnPath(path);
}

/** The subtree a path belongs to ("" for files at the root). */
export function subtreeOf(path: string): Subtree {
  const first = path.indexOf("/");
  if (first < 0) return "";
  const top = path.slice(0, first);
  if (MONOREPO_DIRS.test(top)) {
    const second = path.indexOf("/", first + 1);
    if (second > 0) return path.slice(0, second);
  }
  return top;
}

/** The language of a source file, from its extension, or undefined. */
export function languageOf(path: string): string | undefined {
  const dot = path.lastIndexOf(".");
  if (dot < 0 || dot < path.lastIndexOf("/")) return undefined;
  return LANGUAGES[path.slice(dot + 1).toLowerCase()];
}

/** One pass over the listing; the candidates for nested licence files are sorted by depth. */
export function selectSubtrees(paths: readonly string[]): SubtreeSelection {
  const nested: { path: string; subtree: Subtree; depth: number }[] = [];
  const samples: SubtreeSelection["samples"] = [];
  const perSubtree = new Map<Subtree, number>();
  const counts: SubtreeSelection["counts"] = new Map();
  let sourceFiles = 0;
  for (const path of paths) {
    if (isNotOwnPath(path)) continue;
    const subtree = subtreeOf(path);
    const key = counts.has(subtree) || counts.size < MAX_SUBTREES ? subtree : "other";
    let count = counts.get(key);
    if (count === undefined) {
      count = { files: 0, languages: new Map() };
      counts.set(key, count);
    }
    count.files += 1;
    const name = basename(path);
    // Source code named after licences (license-files.ts, licenses.py) is code about licences, not a licence.
    if (
      subtree !== "" &&
      LICENSE_NAME.test(name) &&
      !NOT_A_LICENSE.test(name) &&
      !SOURCE_FILE.test(name) &&
      !isTopLevelLicenseDir(path)
    ) {
      nested.push({ path, subtree, depth: depthOf(path) });
      continue;
    }
    const language = languageOf(path);
    if (language === undefined) continue;
    sourceFiles += 1;
    count.languages.set(language, (count.languages.get(language) ?? 0) + 1);
    const taken = perSubtree.get(subtree) ?? 0;
    if (taken < SAMPLES_PER_SUBTREE && samples.length < MAX_SAMPLES) {
      samples.push({ path, subtree, language });
      perSubtree.set(subtree, taken + 1);
    }
  }
  nested.sort((a, b) => a.depth - b.depth || (a.path < b.path ? -1 : 1));
  return {
    nested: nested.slice(0, MAX_NESTED_LICENSE_FILES).map(({ path, subtree }) => ({ path, subtree })),
    samples,
    counts,
    nestedSkipped: Math.max(0, nested.length - MAX_NESTED_LICENSE_FILES),
    sourceFiles,
  };
}

/** The root, .github, docs and LICENSES/ are read as the project's own licence files. */
function isTopLevelLicenseDir(path: string): boolean {
  return /^(\.github|docs|LICENSES)\/[^/]+$/.test(path);
}

function depthOf(path: string): number {
  let depth = 0;
  for (let index = path.indexOf("/"); index >= 0; index = path.indexOf("/", index + 1)) depth += 1;
  return depth;
}
