// JVM manifests: Maven's pom.xml, Gradle build files and Gradle version catalogs
// (gradle/libs.versions.toml), whose `libs.*` aliases the build files refer to.
import type { Dependency, ManifestLicense } from "../core/manifest-facts.js";
import type { CatalogEntry, ManifestContent } from "./manifest-ecosystems.js";
import { dependencyEntry, eachLine, licenseValue, type ManifestText } from "./manifest-text.js";

/** The text between `<tag>` and `</tag>`, trimmed; a scan, not a lazy pattern over the whole body. */
function element(body: string, tag: string): string | undefined {
  const open = body.indexOf(`<${tag}>`);
  if (open === -1) return undefined;
  const start = open + tag.length + 2;
  const close = body.indexOf(`</${tag}>`, start);
  const value = close === -1 ? "" : body.slice(start, close).trim();
  return value === "" || value.includes("<") ? undefined : value;
}

/** Every `<tag>…</tag>` block, by moving a cursor forward: linear however the file is nested or cut. */
function blocks(text: string, tag: string): { body: string; offset: number }[] {
  const found: { body: string; offset: number }[] = [];
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  // Each search resumes where the last one stopped, so the text is scanned once however many
  // blocks are unclosed; an unclosed block is cut at the next opening one.
  let end = -1;
  for (let start = text.indexOf(open); start !== -1;) {
    if (end < start) end = text.indexOf(close, start + open.length);
    if (end === -1) break;
    const next = text.indexOf(open, start + open.length);
    if (next !== -1 && next < end) {
      start = next;
      continue;
    }
    found.push({ body: text.slice(start + open.length, end), offset: start });
    start = next;
  }
  return found;
}

export function maven(file: ManifestText): ManifestContent {
  const dependencies: Dependency[] = [];
  for (const { body, offset } of blocks(file.text, "dependency")) {
    const scope = element(body, "scope");
    if (scope === "test" || scope === "provided") continue;
    const group = element(body, "groupId");
    const artifact = element(body, "artifactId");
    const version = element(body, "version");
    if (group && artifact)
      dependencies.push(dependencyEntry(file, "maven", `${group}:${artifact}`, version, file.lines.lineOf(offset)));
  }
  const licenses: ManifestLicense[] = [];
  for (const { body, offset } of blocks(file.text, "license")) {
    const name = /^\s*<name>/.test(body.slice(0, 200)) ? element(body, "name") : undefined;
    if (name !== undefined) licenses.push(licenseValue(name, file.lines.lineOf(offset + body.indexOf("<name>") + 6)));
  }
  return { dependencies, licenses };
}

const GRADLE_CONFIGURATION = "(?:implementation|api|compile|runtimeOnly|runtime)";
const GRADLE_COORDINATE = new RegExp(
  `^[ \\t]*${GRADLE_CONFIGURATION}[ \\t]*(?:\\([ \\t]*)?["']([\\w.-]+:[\\w.-]+)(?::([\\w.+-]+))?["']`,
);
const GRADLE_CATALOG_REFERENCE = new RegExp(`^[ \\t]*${GRADLE_CONFIGURATION}[ \\t]*(?:\\([ \\t]*)?libs\\.([\\w.]+)`);

export function gradle(file: ManifestText): ManifestContent {
  const dependencies: Dependency[] = [];
  const catalogReferences: { alias: string; line: number }[] = [];
  eachLine(file.text, (line, number) => {
    const coordinate = GRADLE_COORDINATE.exec(line);
    if (coordinate?.[1] !== undefined) {
      dependencies.push(dependencyEntry(file, "maven", coordinate[1], coordinate[2], number));
      return;
    }
    const reference = GRADLE_CATALOG_REFERENCE.exec(line)?.[1];
    // `libs.versions.*`, `libs.plugins.*` and `libs.bundles.*` are not single libraries.
    if (reference !== undefined && !/^(versions|plugins|bundles)\./.test(reference))
      catalogReferences.push({ alias: reference, line: number });
  });
  return { dependencies, licenses: [], catalogReferences };
}

/** An alias as Gradle normalises it: `androidx-core`, `androidx_core` and `androidx.core` are one. */
export function catalogKey(alias: string): string {
  return alias.replace(/[-_]/g, ".").toLowerCase();
}

const VERSION_ENTRY = /^[ \t]*([\w.-]+)[ \t]*=[ \t]*"([^"]*)"/;

/** `[libraries]` of a version catalog: `alias = "g:a:v"`, `{ module = "g:a", version… }` or `{ group, name, version… }`. */
export function versionCatalog(file: ManifestText): ManifestContent {
  const versions = new Map<string, string>();
  const raw: { alias: string; value: string; line: number }[] = [];
  let section = "";
  eachLine(file.text, (line, number) => {
    const header = /^[ \t]*\[([\w.-]+)\][ \t]*(?:#.*)?$/.exec(line);
    if (header !== null) {
      section = header[1] ?? "";
      return;
    }
    if (section === "versions") {
      const entry = VERSION_ENTRY.exec(line);
      if (entry?.[1] !== undefined && entry[2] !== undefined) versions.set(entry[1], entry[2]);
    } else if (section === "libraries") {
      const alias = /^[ \t]*([\w.-]+)[ \t]*=[ \t]*(?![ \t])(.*)$/.exec(line);
      if (alias?.[1] !== undefined && alias[2] !== undefined)
        raw.push({ alias: alias[1], value: alias[2], line: number });
    }
  });
  const catalog: CatalogEntry[] = [];
  for (const { alias, value, line } of raw) {
    const field = (name: string) => new RegExp(`\\b${name}[ \\t]*=[ \\t]*"([^"]*)"`).exec(value)?.[1];
    let name: string | undefined;
    let version: string | undefined;
    if (value.startsWith('"')) {
      const [group, artifact, written] = value.slice(1, value.indexOf('"', 1)).split(":");
      if (group && artifact) name = `${group}:${artifact}`;
      version = written;
    } else {
      const module = field("module");
      const group = field("group");
      const artifact = field("name");
      name = module ?? (group && artifact ? `${group}:${artifact}` : undefined);
      const reference = /\bversion\.ref[ \t]*=[ \t]*"([^"]*)"/.exec(value)?.[1];
      version = reference === undefined ? field("version") : versions.get(reference);
    }
    if (name !== undefined) catalog.push({ alias, name, ...(version ? { version } : {}), line });
  }
  return { dependencies: [], licenses: [], catalog };
}
