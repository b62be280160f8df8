// Reads the maintainers' declaration file (.github/dpg.yml): YAML syntax, then the schema.
// Every problem keeps its line; the sections without problems are still used by the screen.
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import type { DeclarationFacts, DeclarationProblem } from "../core/declaration-facts.js";
import type { SnapshotView } from "../core/indicator.js";
import { dpgFileSchema } from "./declaration-schema.js";
import { describeIssue } from "./describe-issue.js";

export const DECLARATION_PATHS = [".github/dpg.yml", ".github/dpg.yaml"] as const;

export function declarationFiles(paths: readonly string[]): string[] {
  return DECLARATION_PATHS.filter((path) => paths.includes(path));
}

export function buildDeclarationFacts(view: SnapshotView): DeclarationFacts {
  const path = declarationFiles(view.listing.paths)[0];
  if (path === undefined) return { status: "absent", problems: [] };
  const file = view.read(path);
  if (file.kind !== "text")
    return {
      path,
      status: "invalid",
      problems: [{ key: "", message: `the file is not readable as text (${file.kind})` }],
    };
  return { path, ...parseDeclaration(file.text) };
}

/** Parses and validates declaration text. Sections with problems are dropped from `value`. */
export function parseDeclaration(text: string): Omit<DeclarationFacts, "path"> {
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

function parseDeclarationText(text: string): Omit<DeclarationFacts, "path"> {
  const lineCounter = new LineCounter();
  // YAML 1.1 merge keys (`<<: *defaults`) are common in hand-written config; accept them.
  const document = parseDocument(text, { prettyErrors: false, lineCounter, merge: true });
  if (document.errors.some((error) => /Maximum call stack/.test(error.message))) {
    return {
      status: "invalid",
      problems: [{ key: "", message: "the file could not be read as YAML: the file is nested too deeply to read" }],
    };
  }
  if (document.errors.length > 0) {
    return {
      status: "invalid",
      problems: document.errors.map((error) => ({
        key: "",
        line: lineCounter.linePos(error.pos[0]).line,
        message: error.message.split("\n")[0] ?? error.message,
      })),
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
  const parsed = dpgFileSchema.safeParse(raw);
  if (parsed.success) return { status: "valid", problems: [], value: parsed.data };

  const problems: DeclarationProblem[] = [];
  const rejected = new Set<string>();
  for (const issue of parsed.error.issues) {
    for (const problem of describeIssue(issue, (path) => valueAt(raw, path))) {
      const line = lineOfPath(document, lineCounter, problem.path);
      problems.push({
        key: problem.path.map(String).join("."),
        ...(line === undefined ? {} : { line }),
        message: problem.message,
      });
      rejected.add(String(problem.path[0] ?? ""));
    }
  }
  problems.sort((left, right) => (left.line ?? 0) - (right.line ?? 0));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !rejected.has(key)));
  const retry = dpgFileSchema.safeParse(kept);
  return { status: "invalid", problems, ...(retry.success ? { value: retry.data } : {}) };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The line of the deepest node on `path` that exists: a key's own line when it is unknown. */
function lineOfPath(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const prefix = path.slice(0, length);
    if (length > 0) {
      const parent = prefix.length === 1 ? document.contents : document.getIn(prefix.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === String(prefix[prefix.length - 1]),
        );
        const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (range !== undefined) return lineCounter.linePos(range[0]).line;
      }
    }
    const node = length === 0 ? document.contents : document.getIn(prefix, true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range !== undefined && range !== null) return lineCounter.linePos(range[0]).line;
  }
  return undefined;
}
