// Reads the maintainers' declaration file (.github/dpg.yml). Issue #4 adds the schema;
// this first pass only parses it and reports syntax errors with their lines.
import { parseDocument } from "yaml";
import type { DeclarationFacts } from "../core/declaration-facts.js";
import type { SnapshotView } from "../core/indicator.js";

export const DECLARATION_PATHS = [".github/dpg.yml", ".github/dpg.yaml"] as const;

export function declarationFiles(paths: readonly string[]): string[] {
  return DECLARATION_PATHS.filter((path) => paths.includes(path));
}

export function buildDeclarationFacts(view: SnapshotView): DeclarationFacts {
  const path = declarationFiles(view.listing.paths)[0];
  if (path === undefined) return { status: "absent", problems: [] };
  const file = view.read(path);
  if (file.kind !== "text") return { path, status: "invalid", problems: [{ key: "", message: `the file is not readable as text (${file.kind})` }] };
  const document = parseDocument(file.text, { prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      path,
      status: "invalid",
      problems: document.errors.map((error) => ({ key: "", line: error.linePos?.[0]?.line, message: error.message.split("\n")[0] ?? error.message })),
    };
  }
  const value: unknown = document.toJS();
  if (value === null || value === undefined) return { path, status: "valid", problems: [], value: {} };
  if (typeof value !== "object" || Array.isArray(value)) {
    return { path, status: "invalid", problems: [{ key: "", line: 1, message: "the file must be a mapping of keys to values" }] };
  }
  return { path, status: "valid", problems: [], value: value as Record<string, unknown> };
}
