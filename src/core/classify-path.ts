// One answer, for every layer, to "is this path the project's own?": tests, fixtures, examples,
// samples, vendored code, generated code, build output, documentation and development tooling
// are told apart by folder and file name. Asset-type detection ignores all but documentation,
// and indicators pick evidence from the project's own files, so a datapackage.json or an
// OpenAPI file under test/fixtures/ never speaks for the project. Pure; no I/O.
import { isVendored } from "./find-files.js";

export type PathKind =
  "test" | "fixture" | "example" | "sample" | "vendored" | "generated" | "build" | "docs" | "tooling";

/** The kinds whose files are not the project's product: tests, copies, output, tooling. */
export const NOT_OWN_KINDS: ReadonlySet<PathKind> = new Set([
  "test",
  "fixture",
  "example",
  "sample",
  "vendored",
  "generated",
  "build",
  "tooling",
]);

/** Source files of a programming language, by extension: one list for type detection and licence headers. */
export const SOURCE_FILE =
  /\.(js|mjs|cjs|ts|tsx|jsx|py|java|kt|go|rs|rb|php|c|h|cc|cpp|hpp|cs|swift|scala|dart|ex|exs|vue|svelte|sh|lua|r|jl|hs|ml|clj|erl|pl|m)$/i;

/** A folder of the path, as one regular expression per kind (see find-files for why not split). */
const folder = (names: string) => new RegExp(`(?:^|/)(?:${names})/`, "i");

/** Test files by name: foo.test.ts, foo_spec.rb, test_foo.py, foo_test.go, FooTest.java. */
const TEST_FILE =
  /[._-](?:test|spec)s?\.[a-z0-9]+$|^test_.*\.py$|_test\.(?:go|py|rb|exs?)$|[a-z0-9]Tests?\.(?:java|kt|cs|swift|scala)$/;

// Each folder pattern is compiled once: classifyPath runs for every file of a listing.
const FIXTURE_FOLDER = folder("fixtures?|__fixtures__|testdata|test[-_]data|__snapshots__|__mocks__|mocks?");
// Benchmarks are tests of speed: their inputs are made up (bench/, benchmarks/).
const TEST_FOLDER = folder(
  "tests?|__tests__|spec|e2e|testing|androidTest|unitTest|integration[-_]?tests?|cypress|playwright|bench|benchmarks?",
);
const EXAMPLE_FOLDER = folder("examples?|demos?");
const SAMPLE_FOLDER = folder("samples?");
const GENERATED_FOLDER = folder("generated|__generated__|gen-src");
const GENERATED_FILE =
  /(?:\.min\.(?:js|css)|\.pb\.go|_pb2\.py|\.generated\.[a-z]+|\.g\.dart|\.freezed\.dart|\.designer\.cs)$/i;
const BUILD_FOLDER = folder("dist|build|target|out|\\.next|\\.nuxt|coverage|__pycache__");
const DOCS_FOLDER = folder("docs?|documentation|wiki");
const TOOLING_FOLDER = folder("\\.github|\\.gitlab|\\.circleci|\\.devcontainer|\\.ddev|\\.vscode|\\.idea|\\.husky");

/**
 * The rules in the order kinds are reported. A folder rule is tested on the path's folders only
 * (`dir` ends with "/", or is "" at the root); a file rule on its name only. Their patterns were
 * written for the whole path, and match it exactly when they match these parts.
 */
const RULES: readonly { kind: PathKind; folder?: (dir: string) => boolean; file?: (name: string) => boolean }[] = [
  { kind: "fixture", folder: (dir) => FIXTURE_FOLDER.test(dir), file: (name) => /\.snap$/i.test(name) },
  { kind: "test", folder: (dir) => TEST_FOLDER.test(dir), file: (name) => TEST_FILE.test(name) },
  { kind: "example", folder: (dir) => EXAMPLE_FOLDER.test(dir) },
  { kind: "sample", folder: (dir) => SAMPLE_FOLDER.test(dir) },
  { kind: "generated", folder: (dir) => GENERATED_FOLDER.test(dir), file: (name) => GENERATED_FILE.test(name) },
  { kind: "build", folder: (dir) => BUILD_FOLDER.test(dir) },
  { kind: "vendored", folder: (dir) => isVendored(dir) },
  { kind: "docs", folder: (dir) => DOCS_FOLDER.test(dir) },
  { kind: "tooling", folder: (dir) => TOOLING_FOLDER.test(dir) },
];

// A listing is sorted, so a folder's files come one after another: the folder's answer is kept
// for the next path. One entry, so nothing grows with the listing; the answer is a pure function
// of the folder, so keeping it changes no result.
let lastFolder: string | undefined;
let lastFolderKinds: readonly boolean[] = [];

function folderKinds(dir: string): readonly boolean[] {
  if (dir !== lastFolder) {
    lastFolderKinds = RULES.map((rule) => rule.folder?.(dir) ?? false);
    lastFolder = dir;
  }
  return lastFolderKinds;
}

function ruleApplies(index: number, folders: readonly boolean[], name: string): boolean {
  return folders[index] === true || (RULES[index]?.file?.(name) ?? false);
}

function split(path: string): { dir: string; name: string } {
  const slash = path.lastIndexOf("/");
  return { dir: path.slice(0, slash + 1), name: path.slice(slash + 1) };
}

/** Every kind that applies to a path, in a fixed order; empty for the project's own product files. */
export function classifyPath(path: string): PathKind[] {
  const { dir, name } = split(path);
  const folders = folderKinds(dir);
  const kinds: PathKind[] = [];
  for (const [index, rule] of RULES.entries()) if (ruleApplies(index, folders, name)) kinds.push(rule.kind);
  return kinds;
}

/** The first kind that makes a path not the project's own (a test, a fixture…), or undefined. */
export function notOwnKind(path: string): PathKind | undefined {
  const { dir, name } = split(path);
  const folders = folderKinds(dir);
  for (const [index, rule] of RULES.entries())
    if (NOT_OWN_KINDS.has(rule.kind) && ruleApplies(index, folders, name)) return rule.kind;
  return undefined;
}

/** True when the path belongs to the project itself (documentation included). */
export function isOwnPath(path: string): boolean {
  return notOwnKind(path) === undefined;
}

/**
 * The project's own paths of a listing, made once per listing: asset types and several
 * indicators ask for them. Keyed by the listing array, so it lives as long as the listing.
 */
const ownLists = new WeakMap<readonly string[], readonly string[]>();

export function ownPaths(paths: readonly string[]): readonly string[] {
  let own = ownLists.get(paths);
  if (own === undefined) {
    own = paths.filter(isOwnPath);
    ownLists.set(paths, own);
  }
  return own;
}
