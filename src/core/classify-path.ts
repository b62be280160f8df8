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

/** The kinds in the order they are reported; a path's kinds are a bit mask in this order. */
const KINDS: readonly PathKind[] = [
  "fixture",
  "test",
  "example",
  "sample",
  "generated",
  "build",
  "vendored",
  "docs",
  "tooling",
];
const bit = (kind: PathKind) => 1 << KINDS.indexOf(kind);
const NOT_OWN_MASK = [...NOT_OWN_KINDS].reduce((mask, kind) => mask | bit(kind), 0);

/**
 * The folder rules, tested on the path's folders only (`dir` ends with "/", or is "" at the
 * root). Their patterns were written for the whole path and need a "/" after the folder, so they
 * match it exactly when they match its folders.
 */
const FOLDER_RULES: readonly [number, (dir: string) => boolean][] = [
  [bit("fixture"), (dir) => FIXTURE_FOLDER.test(dir)],
  [bit("test"), (dir) => TEST_FOLDER.test(dir)],
  [bit("example"), (dir) => EXAMPLE_FOLDER.test(dir)],
  [bit("sample"), (dir) => SAMPLE_FOLDER.test(dir)],
  [bit("generated"), (dir) => GENERATED_FOLDER.test(dir)],
  [bit("build"), (dir) => BUILD_FOLDER.test(dir)],
  [bit("vendored"), (dir) => isVendored(dir)],
  [bit("docs"), (dir) => DOCS_FOLDER.test(dir)],
  [bit("tooling"), (dir) => TOOLING_FOLDER.test(dir)],
];

// A listing is sorted, so a folder's files come one after another: the folder's answer is kept
// for the next path. One entry, so nothing grows with the listing; the answer is a pure function
// of the folder, so keeping it changes no result.
let lastFolder = "";
let lastFolderMask = -1;

function folderMask(path: string, slash: number): number {
  if (lastFolderMask >= 0 && lastFolder.length === slash + 1 && path.startsWith(lastFolder)) return lastFolderMask;
  const dir = path.slice(0, slash + 1);
  let mask = 0;
  for (const [kind, test] of FOLDER_RULES) if (test(dir)) mask |= kind;
  lastFolder = dir;
  lastFolderMask = mask;
  return mask;
}

/** The file rules, tested on the name (the patterns have no "/", so the name is what they match). */
function fileMask(path: string, slash: number): number {
  const name = path.slice(slash + 1);
  return (
    (/\.snap$/i.test(name) ? bit("fixture") : 0) |
    (TEST_FILE.test(name) ? bit("test") : 0) |
    (GENERATED_FILE.test(name) ? bit("generated") : 0)
  );
}

/**
 * Each path's answer, kept: a screen asks about the same paths from a dozen indicators and facts,
 * on listings of up to 100,000 files. Bounded, so a long-running App does not grow with every
 * listing it screens; the answer is a pure function of the path, so keeping it changes no result.
 */
export const MAX_KEPT_MASKS = 200_000;
const keptMasks = new Map<string, number>();

function kindMask(path: string): number {
  let mask = keptMasks.get(path);
  if (mask === undefined) {
    const slash = path.lastIndexOf("/");
    mask = folderMask(path, slash) | fileMask(path, slash);
    if (keptMasks.size >= MAX_KEPT_MASKS) keptMasks.clear();
    keptMasks.set(path, mask);
  }
  return mask;
}

/** Every kind that applies to a path, in a fixed order; empty for the project's own product files. */
export function classifyPath(path: string): PathKind[] {
  const mask = kindMask(path);
  return mask === 0 ? [] : KINDS.filter((_, index) => (mask & (1 << index)) !== 0);
}

/** The first kind that makes a path not the project's own (a test, a fixture…), or undefined. */
export function notOwnKind(path: string): PathKind | undefined {
  const mask = kindMask(path) & NOT_OWN_MASK;
  // The lowest set bit is the first kind in report order.
  return mask === 0 ? undefined : KINDS[31 - Math.clz32(mask & -mask)];
}

/** True when the path belongs to the project itself (documentation included). */
export function isOwnPath(path: string): boolean {
  return (kindMask(path) & NOT_OWN_MASK) === 0;
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
