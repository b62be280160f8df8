// JSON manifests: npm's package.json, Composer's composer.json and Frictionless datapackage.json.
// One parse gives the syntax tree with the offset of every key (jsonc-parser, linear), so each
// dependency's line is a lookup in the file's line index, never a search of the text.
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { Dependency, DependencyEcosystem, ManifestLicense } from "../core/manifest-facts.js";
import type { ManifestContent } from "./manifest-ecosystems.js";
import { dependencyEntry, licenseValue, type ManifestText } from "./manifest-text.js";

/** The object at the root of a JSON manifest, or a problem saying why there is none; an empty file declares nothing. */
function parseRoot(file: ManifestText): { root: Node } | { problem: string } | { empty: true } {
  if (file.text.trim() === "") return { empty: true };
  const errors: ParseError[] = [];
  const root = parseTree(file.text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first !== undefined)
    return {
      problem: `${file.path} is not valid JSON (${printParseErrorCode(first.error)} at line ${file.lines.lineOf(first.offset)}) and was not read`,
    };
  if (root?.type !== "object") return { problem: `${file.path} does not hold a JSON object and was not read` };
  return { root };
}

function property(node: Node, key: string): { key: Node; value: Node } | undefined {
  for (const child of node.children ?? []) {
    const [name, value] = child.children ?? [];
    if (name?.value === key && value !== undefined) return { key: name, value };
  }
  return undefined;
}

const SHAPE: Record<string, string> = {
  array: "an array",
  string: "a string",
  number: "a number",
  boolean: "true or false",
  null: "null",
};

/** The dependency sections of a package.json or composer.json, each an object of name → version. */
export function jsonDependencies(ecosystem: DependencyEcosystem, sections: readonly string[]) {
  return (file: ManifestText): ManifestContent => {
    const parsed = parseRoot(file);
    if (!("root" in parsed))
      return { dependencies: [], licenses: [], problems: "problem" in parsed ? [parsed.problem] : [] };
    const dependencies: Dependency[] = [];
    const problems: string[] = [];
    for (const section of sections) {
      const found = property(parsed.root, section);
      if (found === undefined) continue;
      if (found.value.type !== "object") {
        problems.push(
          `"${section}" in ${file.path} (line ${file.lines.lineOf(found.key.offset)}) is ${SHAPE[found.value.type] ?? found.value.type}, not an object of package names and versions, so it was not read`,
        );
        continue;
      }
      for (const child of found.value.children ?? []) {
        const [name, version] = child.children ?? [];
        if (typeof name?.value !== "string") continue;
        const written = version?.type === "string" ? String(version.value) : undefined;
        dependencies.push(dependencyEntry(file, ecosystem, name.value, written, file.lines.lineOf(name.offset)));
      }
    }
    return { dependencies, licenses: jsonLicenses(parsed.root, file), problems };
  };
}

/** package.json / composer.json: "license" as a string, an array (a choice) or {type}; "licenses" likewise. */
function jsonLicenses(root: Node, file: ManifestText): ManifestLicense[] {
  const values: string[] = [];
  let line: number | undefined;
  for (const key of ["license", "licenses", "licence", "licences"]) {
    const found = property(root, key);
    if (found === undefined) continue;
    line ??= file.lines.lineOf(found.key.offset);
    const value: unknown = getNodeValue(found.value);
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item === "string") values.push(item);
      else if (
        typeof item === "object" &&
        item !== null &&
        typeof (item as Record<string, unknown>)["type"] === "string"
      )
        values.push((item as Record<string, string>)["type"] ?? "");
    }
  }
  const present = values.map((value) => value.trim()).filter((value) => value !== "");
  if (present.length === 0 || line === undefined) return [];
  // composer.json lists alternatives; an array means the user may choose.
  if (present.length > 1)
    return [{ value: present.map((value) => (/\s/.test(value) ? `(${value})` : value)).join(" OR "), line }];
  return [licenseValue(present[0] ?? "", line)];
}

/** The licences a datapackage.json gives its data: `licenses[].name` (or a path that is not a URL). */
export function dataPackageLicenses(file: ManifestText): ManifestContent {
  const parsed = parseRoot(file);
  if (!("root" in parsed))
    return { dependencies: [], licenses: [], problems: "problem" in parsed ? [parsed.problem] : [] };
  const licenses: ManifestLicense[] = [];
  const read = (list: Node | undefined) => {
    if (list?.type !== "array") return;
    for (const item of list.children ?? []) {
      if (item.type !== "object") continue;
      for (const key of ["name", "path"]) {
        const found = property(item, key);
        const value = found?.value.type === "string" ? String(found.value.value).trim() : "";
        if (found === undefined || value === "" || /^https?:/i.test(value)) continue;
        licenses.push({ value, line: file.lines.lineOf(found.value.offset) });
        break;
      }
    }
  };
  read(property(parsed.root, "licenses")?.value);
  const resources = property(parsed.root, "resources")?.value;
  if (resources?.type === "array")
    for (const resource of resources.children ?? [])
      if (resource.type === "object") read(property(resource, "licenses")?.value);
  return { dependencies: [], licenses: licenses.slice(0, 3), problems: [] };
}
