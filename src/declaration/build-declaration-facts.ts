// Reads the maintainers' declaration file (.github/dpg.yml): YAML syntax, then the schema.
// Every problem keeps its line; the sections without problems are still used by the screen.
import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import type { Document, Pair, YAMLMap } from "yaml";
import { LineIndex } from "../core/line-index.js";
import type { DeclarationFacts, DeclarationProblem } from "../core/declaration-facts.js";
import type { SnapshotView } from "../core/indicator.js";
import { dpgFileSchema } from "./declaration-schema.js";
import {
  DECLARATION_PATH,
  declarationTooLargeMessage,
  MISNAMED_DECLARATION_PATHS,
  misnamedDeclarationMessage,
} from "./declaration-path.js";
import { describeIssue } from "./describe-issue.js";
import { badExtendsMessage, EXTENDS_KEY, isExtendsReference } from "./extends-reference.js";
import { formatCount } from "../core/format-count.js";

const require = createRequire(import.meta.url);
let yamlPackage: typeof Yaml | undefined;
/** The yaml package, loaded on the first YAML text: most screens have none to read. */
const yaml = (): typeof Yaml => (yamlPackage ??= require("yaml") as typeof Yaml);

export function declarationFiles(paths: readonly string[]): string[] {
  return paths.includes(DECLARATION_PATH) ? [DECLARATION_PATH] : [];
}

/** A parsed declaration, plus the `_extends` reference it names (for the App's settings). */
export type ParsedDeclaration = Omit<DeclarationFacts, "path"> & { extends?: string };

export function buildDeclarationFacts(view: SnapshotView): DeclarationFacts {
  const path = declarationFiles(view.listing.paths)[0];
  if (path === undefined) {
    const misnamed = MISNAMED_DECLARATION_PATHS.find((candidate) => view.listing.paths.includes(candidate));
    if (misnamed === undefined) return { status: "absent", problems: [] };
    return {
      path: misnamed,
      status: "invalid",
      problems: [{ key: "", message: misnamedDeclarationMessage(misnamed) }],
    };
  }
  const file = view.read(path);
  if (file.kind === "too-large")
    return { path, status: "invalid", problems: [{ key: "", message: declarationTooLargeMessage(file.bytes) }] };
  if (file.kind !== "text")
    return {
      path,
      status: "invalid",
      problems: [{ key: "", message: `the file is not readable as text (${file.kind})` }],
    };
  // `_extends` only matters to the App's settings; the screen's facts do not carry it.
  const { extends: _extends, ...facts } = parseDeclaration(file.text);
  return { path, ...facts };
}

/**
 * Parses and validates declaration text, once. Sections with problems are dropped from `value`;
 * a valid `_extends` is returned apart, a bad one is a problem like any other.
 */
export function parseDeclaration(text: string): ParsedDeclaration {
  try {
    return parseDeclarationText(text);
  } catch (error) {
    // The yaml package refuses alias bombs and overflows on absurd nesting by throwing;
    // a hostile or broken file is a rejected declaration, never a lost screen.
    const message =
      error instanceof RangeError
        ? "the file is nested too deeply to read"
        : error instanceof Error
          ? (error.message.split("\n")[0] ?? error.message)
          : String(error);
    return { status: "invalid", problems: [{ key: "", message: `the file could not be read as YAML: ${message}` }] };
  }
}

/**
 * Problems listed per file. A file of 10,000 unknown keys has 10,000 problems; listing them all
 * made 1.2 MB of output, so the first ones are listed and the rest counted.
 */
export const MAX_DECLARATION_PROBLEMS = 50;

function parseDeclarationText(text: string): ParsedDeclaration {
  const lines = new LineIndex(text);
  // The yaml package checks duplicate keys by comparing each key with every earlier key of its
  // map, quadratic in the number of keys (55,000 keys: 97 s); the check is done below in one pass.
  const document = yaml().parseDocument(text, { prettyErrors: false, merge: true, uniqueKeys: false });
  if (document.errors.some((error) => /Maximum call stack/.test(error.message))) {
    return {
      status: "invalid",
      problems: [{ key: "", message: "the file could not be read as YAML: the file is nested too deeply to read" }],
    };
  }
  const syntaxErrors = [
    ...document.errors.map((error) => ({
      offset: error.pos[0],
      message: error.message.split("\n")[0] ?? error.message,
    })),
    ...duplicateKeys(document).map((offset) => ({ offset, message: "Map keys must be unique" })),
  ];
  if (syntaxErrors.length > 0) {
    syntaxErrors.sort((left, right) => left.offset - right.offset);
    return {
      status: "invalid",
      problems: capProblems(
        syntaxErrors.map((error) => ({ key: "", line: lines.lineOf(error.offset), message: error.message })),
      ),
    };
  }
  const raw: unknown = document.toJS();
  if (raw === null || raw === undefined) return { status: "valid", problems: [], value: {} };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return {
      status: "invalid",
      problems: [{ key: "", line: 1, message: "the file must be a mapping of keys to values" }],
    };
  }
  const { [EXTENDS_KEY]: extendsValue, ...fields } = raw as Record<string, unknown>;
  const nodes = new NodeFinder(document);
  const extendsProblems: DeclarationProblem[] = [];
  if (extendsValue !== undefined && !isExtendsReference(extendsValue)) {
    const offset = nodes.offsetOf([EXTENDS_KEY]);
    extendsProblems.push({
      key: EXTENDS_KEY,
      ...(offset === undefined ? {} : { line: lines.lineOf(offset) }),
      message: badExtendsMessage(extendsValue),
    });
  }
  const extendsReference = isExtendsReference(extendsValue) ? { extends: extendsValue } : {};
  const parsed = dpgFileSchema().safeParse(fields);
  if (parsed.success)
    return extendsProblems.length === 0
      ? { status: "valid", problems: [], value: parsed.data, ...extendsReference }
      : { status: "invalid", problems: extendsProblems, value: parsed.data };

  const problems: DeclarationProblem[] = [...extendsProblems];
  const rejected = new Set<string>();
  for (const issue of parsed.error.issues) {
    for (const problem of describeIssue(issue, (path) => valueAt(fields, path))) {
      const offset = nodes.offsetOf(problem.path);
      problems.push({
        key: problem.path.map(String).join("."),
        ...(offset === undefined ? {} : { line: lines.lineOf(offset) }),
        message: problem.message,
      });
      rejected.add(String(problem.path[0] ?? ""));
    }
  }
  problems.sort((left, right) => (left.line ?? 0) - (right.line ?? 0));
  const kept = Object.fromEntries(Object.entries(fields).filter(([key]) => !rejected.has(key)));
  const retry = dpgFileSchema().safeParse(kept);
  return {
    status: "invalid",
    problems: capProblems(problems),
    ...(retry.success ? { value: retry.data } : {}),
    ...extendsReference,
  };
}

/** The first problems, and one more line that says how many were not listed. */
function capProblems(problems: DeclarationProblem[]): DeclarationProblem[] {
  if (problems.length <= MAX_DECLARATION_PROBLEMS) return problems;
  const more = problems.length - MAX_DECLARATION_PROBLEMS;
  return [
    ...problems.slice(0, MAX_DECLARATION_PROBLEMS),
    {
      key: "",
      message: `${formatCount(more)} more problem${more === 1 ? "" : "s"} not listed (${formatCount(problems.length)} in all); fix these first`,
    },
  ];
}

/** Offsets of keys that repeat an earlier key of the same mapping, in one pass over every mapping. */
function duplicateKeys(document: Document): number[] {
  const offsets: number[] = [];
  yaml().visit(document, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!yaml().isScalar(pair.key)) continue;
        const id = scalarKey(pair.key.value);
        if (seen.has(id)) offsets.push(pair.key.range?.[0] ?? 0);
        else seen.add(id);
      }
    },
  });
  return offsets;
}

/** A scalar key as the yaml package compares keys: by type and value (1 and "1" differ). */
function scalarKey(value: unknown): string {
  return `${typeof value}:${String(value)}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Finds nodes of the document by key path, indexing each mapping's keys the first time it is
 * searched: looking a key up among a mapping's items one problem at a time was quadratic.
 */
class NodeFinder {
  readonly #document: Document;
  readonly #keys = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(document: Document) {
    this.#document = document;
  }

  /** The offset of the deepest node on `path` that exists: a key's own position when it is unknown. */
  offsetOf(path: readonly PropertyKey[]): number | undefined {
    let node: unknown = this.#document.contents;
    let offset = rangeStart(node);
    for (const segment of path) {
      if (yaml().isMap(node)) {
        const pair = this.#pairs(node).get(String(segment));
        if (pair === undefined) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (yaml().isSeq(node)) {
        const index = typeof segment === "number" ? segment : Number(segment);
        node = Number.isInteger(index) ? node.items[index] : undefined;
        if (node === undefined) break;
        offset = rangeStart(node) ?? offset;
      } else break;
    }
    return offset;
  }

  #pairs(map: YAMLMap): Map<string, Pair> {
    let pairs = this.#keys.get(map);
    if (pairs === undefined) {
      pairs = new Map();
      for (const pair of map.items)
        if (yaml().isScalar(pair.key) && !pairs.has(String(pair.key.value)))
          pairs.set(String(pair.key.value), pair as Pair);
      this.#keys.set(map, pairs);
    }
    return pairs;
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
  return range === undefined || range === null ? undefined : range[0];
}
