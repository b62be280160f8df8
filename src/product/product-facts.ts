// What a repository says about the product it holds — its name, description, website and where its
// source lives — for the DPGA draft, each with where it was read: publiccode.yml, package manifests
// and the forge state them ("found"); the README's title and first paragraph and the repository's
// own name only suggest them ("suggested"). Every read is of an already capped file, in one pass.
import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import { basename, findFiles, README_NAME } from "../core/find-files.js";
import type { SnapshotView } from "../core/indicator.js";
import { lineOf } from "../core/line-index.js";
import { nextIndexFinder } from "../core/next-index.js";
import { isWhitespace, trimLeading, trimTrailing } from "../core/trim-characters.js";
import type { ProductFact, ProductFacts } from "../core/report.js";
import { readmeWebsite } from "./readme-website.js";

const require = createRequire(import.meta.url);
let yamlPackage: typeof Yaml | undefined;
/** The yaml package, loaded on the first YAML text: most screens have none to read. */
const yaml = (): typeof Yaml => (yamlPackage ??= require("yaml") as typeof Yaml);

const PUBLICCODE = /^publiccode\.ya?ml$/i;
const MANIFEST =
  /^(package\.json|composer\.json|pyproject\.toml|cargo\.toml|setup\.cfg|pom\.xml|pubspec\.yaml|description)$/i;
/** Values that fill a field without saying anything. */
const PLACEHOLDER = /^(none|null|undefined|todo|tbd|unknown|n\/a|-|\.|description|my app|app)$/i;
const MAX_NAME_CHARS = 80;
const MAX_DESCRIPTION_CHARS = 400;
/** Only the start of a file is searched for its fields: they sit at the top of every format here. */
const MAX_SCAN_CHARS = 64 * 1024;

/** The paths the product facts read, chosen from the listing. */
export function productFiles(paths: readonly string[]): string[] {
  return [
    ...findFiles(paths, PUBLICCODE, { dirs: [""] }).slice(0, 1),
    ...findFiles(paths, MANIFEST, { dirs: [""] }),
    ...findFiles(paths, README_NAME, { dirs: [""] }).slice(0, 1),
  ];
}

interface Candidates {
  name: ProductFact[];
  /** Package names: after the README's title, which names the product rather than a package. */
  packageName: ProductFact[];
  description: ProductFact[];
  website: ProductFact[];
}

/** Name, description and website, best source first; each absent when nothing states it. */
export function buildProductFacts(view: SnapshotView): ProductFacts {
  const candidates: Candidates = { name: [], packageName: [], description: [], website: [] };
  const paths = view.listing.paths;
  for (const path of findFiles(paths, PUBLICCODE, { dirs: [""] }).slice(0, 1)) {
    const text = textOf(view, path);
    if (text !== undefined) readPubliccode(path, text, candidates);
  }
  for (const path of findFiles(paths, MANIFEST, { dirs: [""] })) {
    const text = textOf(view, path);
    if (text !== undefined) readManifest(path, text, candidates);
  }
  const { metadata } = view;
  if (metadata.description !== undefined)
    add(candidates.description, { value: metadata.description, source: "repository", provenance: "found" });
  if (metadata.homepage !== undefined && isWebsite(metadata.homepage))
    add(candidates.website, { value: metadata.homepage, source: "repository", provenance: "found" });
  // A local checkout's folder is often named anything ("owner__repo", "src"); its origin names the repository.
  const originName = metadata.fullName === undefined ? metadata.originRemote?.split("/").pop() : undefined;
  const forgeName = metadata.fullName?.split("/").pop();
  const repositoryName = metadata.name ?? forgeName;
  for (const path of findFiles(paths, README_NAME, { dirs: [""] }).slice(0, 1)) {
    const text = textOf(view, path);
    if (text === undefined) continue;
    readReadme(path, text, candidates);
    const site = readmeWebsite(text, {
      repository: [originName ?? forgeName].filter((name) => name !== undefined),
      product: [...candidates.name, ...candidates.packageName].map((fact) => fact.value),
      owner: (metadata.fullName ?? metadata.originRemote)?.split("/").slice(-2, -1) ?? [],
    });
    if (site !== undefined)
      add(candidates.website, { value: site.value, source: "readme", provenance: "suggested", path, line: site.line });
  }
  candidates.name.push(...candidates.packageName);
  if (originName !== undefined)
    add(candidates.name, { value: originName, source: "git-config", provenance: "suggested", path: ".git/config" });
  else if (repositoryName !== undefined)
    add(candidates.name, { value: repositoryName, source: "repository", provenance: "suggested" });
  const first = (list: ProductFact[]) => list.find((fact) => fact.provenance === "found") ?? list[0];
  const facts: ProductFacts = {};
  const name = first(candidates.name);
  const description = first(candidates.description);
  const website = first(candidates.website);
  if (name !== undefined) facts.name = name;
  if (description !== undefined) facts.description = description;
  if (website !== undefined) facts.website = website;
  const repository = repositoryFact(metadata);
  if (repository !== undefined) facts.repository = repository;
  return facts;
}

/**
 * The forge's address when the snapshot came from one; else a local checkout's origin remote,
 * found in .git/config but only as the checkout states it (the path is the evidence, not a link).
 */
function repositoryFact(metadata: SnapshotView["metadata"]): ProductFact | undefined {
  if (metadata.url !== undefined && /^https?:\/\//.test(metadata.url))
    return { value: metadata.url, source: "repository", provenance: "found" };
  if (metadata.originRemote !== undefined)
    return { value: metadata.originRemote, source: "git-config", provenance: "found", path: ".git/config" };
  return undefined;
}

function textOf(view: SnapshotView, path: string): string | undefined {
  const file = view.read(path);
  return file.kind === "text" ? file.text.slice(0, MAX_SCAN_CHARS) : undefined;
}

function add(list: ProductFact[], fact: ProductFact): void {
  const value = fact.value.replace(/\s+/g, " ").trim();
  if (value === "" || PLACEHOLDER.test(value)) return;
  list.push({ ...fact, value });
}

function onForge(address: string): boolean {
  return /^https?:\/\/(www\.)?(github\.com|gitlab\.com|bitbucket\.org)\//i.test(address.trim());
}

function isWebsite(value: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(value.trim());
}

function at(path: string, text: string, value: string): { path: string; line: number } {
  const index = text.indexOf(value);
  return { path, line: index === -1 ? 1 : lineOf(text, index) };
}

function readPubliccode(path: string, text: string, candidates: Candidates): void {
  let document: unknown;
  try {
    // A repository's YAML is hostile: no alias expansion bombs, no custom tags.
    document = yaml().parse(text, { maxAliasCount: 10, schema: "core", uniqueKeys: false });
  } catch {
    return;
  }
  if (document === null || typeof document !== "object") return;
  const record = document as Record<string, unknown>;
  const found = (value: unknown, list: ProductFact[], check: (text: string) => boolean = () => true) => {
    if (typeof value === "string" && check(value))
      add(list, { value, source: "publiccode", provenance: "found", ...at(path, text, value) });
  };
  found(record["name"], candidates.name, (value) => value.length <= MAX_NAME_CHARS);
  found(record["landingURL"], candidates.website, isWebsite);
  const descriptions = record["description"];
  if (descriptions !== null && typeof descriptions === "object") {
    const languages = descriptions as Record<string, unknown>;
    const language = languages["en"] ?? languages["eng"] ?? Object.values(languages)[0];
    if (language !== null && typeof language === "object") {
      const entry = language as Record<string, unknown>;
      found(entry["shortDescription"], candidates.description);
      found(entry["localisedName"], candidates.name, (value) => value.length <= MAX_NAME_CHARS);
    }
  }
}

function readManifest(path: string, text: string, candidates: Candidates): void {
  const file = basename(path).toLowerCase();
  const fields = file.endsWith(".json")
    ? jsonFields(text)
    : file === "pom.xml"
      ? pomFields(text)
      : file === "description"
        ? keyValueFields(text, /^(Title|Description|URL):\s*(?!\s)(.+)$/gm, {
            Title: "name",
            Description: "description",
            URL: "website",
          })
        : keyValueFields(text, KEY_VALUE_LINE, {
            name: "name",
            description: "description",
            homepage: "website",
            url: "website",
            "home-page": "website",
          });
  const found = (value: string | undefined, list: ProductFact[]) => {
    if (value !== undefined) add(list, { value, source: "manifest", provenance: "found", ...at(path, text, value) });
  };
  // A package name ("@org/app-core") names a package, not necessarily the product: a suggestion.
  if (fields.name !== undefined && fields.name.length <= MAX_NAME_CHARS)
    add(candidates.packageName, {
      value: fields.name,
      source: "manifest",
      provenance: "suggested",
      ...at(path, text, fields.name),
    });
  if (fields.description !== undefined && fields.description.length <= MAX_DESCRIPTION_CHARS)
    found(fields.description, candidates.description);
  // npm's default homepage is the repository's README on its forge: a repository, not a website.
  if (
    fields.website !== undefined &&
    isWebsite(fields.website) &&
    !/\.git$/.test(fields.website) &&
    !onForge(fields.website)
  )
    found(fields.website, candidates.website);
}

interface Fields {
  name?: string;
  description?: string;
  website?: string;
}

function jsonFields(text: string): Fields {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  if (json === null || typeof json !== "object") return {};
  const record = json as Record<string, unknown>;
  const string = (value: unknown) => (typeof value === "string" ? value : undefined);
  const fields: Fields = {};
  const name = string(record["name"]);
  const description = string(record["description"]);
  const website = string(record["homepage"]);
  if (name !== undefined) fields.name = name;
  if (description !== undefined) fields.description = description;
  if (website !== undefined) fields.website = website;
  return fields;
}

/** The project's own name, description and url: before the first section that has its own. */
function pomFields(text: string): Fields {
  const parentEnd = text.indexOf("</parent>");
  const start = parentEnd === -1 ? 0 : parentEnd;
  const sections = [
    "<licenses>",
    "<dependencies>",
    "<build>",
    "<modules>",
    "<properties>",
    "<developers>",
    "<organization>",
    "<scm>",
  ]
    .map((tag) => text.indexOf(tag, start))
    .filter((index) => index !== -1);
  const head = text.slice(start, sections.length === 0 ? text.length : Math.min(...sections));
  const tag = (name: string) => {
    const open = head.indexOf(`<${name}>`);
    if (open === -1) return undefined;
    const close = head.indexOf(`</${name}>`, open);
    return close === -1 ? undefined : head.slice(open + name.length + 2, close).trim();
  };
  const fields: Fields = {};
  const name = tag("name");
  const description = tag("description");
  const website = tag("url");
  if (name !== undefined && !name.includes("${")) fields.name = name;
  if (description !== undefined && !description.includes("${")) fields.description = description;
  if (website !== undefined && !website.includes("${")) fields.website = website;
  return fields;
}

/**
 * `name = "value"` or `url: value`: the space before the key stays on its line, and the value is
 * taken from its first character (or opening quote) to its closing quote or line end, so no two
 * repetitions can share characters.
 */
const KEY_VALUE_LINE =
  /^[^\S\n\r\u2028\u2029]*(name|description|homepage|url|home-page)\s*[=:]\s*(?:["']|(?=[^\s"']))([^"'\n]+)(?:["'][^\S\n\r\u2028\u2029]*)?$/gim;

function keyValueFields(text: string, pattern: RegExp, keys: Record<string, keyof Fields>): Fields {
  const fields: Fields = {};
  for (const match of text.matchAll(pattern)) {
    const key = keys[(match[1] ?? "").toLowerCase()] ?? keys[match[1] ?? ""];
    if (key !== undefined && fields[key] === undefined) fields[key] = (match[2] ?? "").trim();
  }
  return fields;
}

const LINE_BREAK = /[\r\u2028\u2029]/;
/** Badges, pictures and HTML layout: a README's first lines, but never what the product is. */
const PICTURE_OR_HTML = /!\[|<(?:img|a|p|div|picture|source|br|h[1-6])\b/i;
/** A deeper heading (### …) is not prose either, though HEADING only takes the first two levels as a title. */
const MINOR_HEADING = /^\s{0,3}#{3,6}\s/;

/** The README's first heading as a suggested name, and its first paragraph of prose as a suggested description. */
function readReadme(path: string, text: string, candidates: Candidates): void {
  const lines = text.split("\n", 200);
  let title: string | undefined;
  let paragraph: { line: number; text: string[] } | undefined;
  for (const [index, raw] of lines.entries()) {
    const line = raw.slice(0, 2_000);
    const heading = headingText(line);
    if (heading !== undefined) {
      if (paragraph !== undefined) break;
      const plain = strip(heading);
      if (title === undefined && plain.length > 0 && plain.length <= MAX_NAME_CHARS) {
        title = plain;
        add(candidates.name, { value: plain, source: "readme", provenance: "suggested", path, line: index + 1 });
      }
      continue;
    }
    if (PICTURE_OR_HTML.test(line) || MINOR_HEADING.test(line)) {
      if (paragraph !== undefined) break;
      continue;
    }
    const plain = strip(line);
    const prose = plain.length >= 20 && /\p{L}{3}/u.test(plain) && !/^\s*([|>=-]|```|~~~|\d+\.)/.test(line);
    if (paragraph === undefined) {
      if (prose) paragraph = { line: index + 1, text: [plain] };
    } else if (plain === "") break;
    else paragraph.text.push(plain);
  }
  if (paragraph !== undefined) {
    const joined = paragraph.text.join(" ");
    const cut = joined.length <= MAX_DESCRIPTION_CHARS ? joined : `${joined.slice(0, MAX_DESCRIPTION_CHARS - 1)}…`;
    add(candidates.description, { value: cut, source: "readme", provenance: "suggested", path, line: paragraph.line });
  }
}

/**
 * The text of a first- or second-level heading without its closing hashes ("## Title ##" →
 * "Title"), as /^#{1,2}\s+(.+?)\s*#*\s*$/ captures it; undefined when the line is not one. By
 * hand: the lazy expression tries its tail again from every character of the line.
 */
export function headingText(line: string): string | undefined {
  const hashes = /^##\s/.test(line) ? 2 : /^#\s/.test(line) ? 1 : 0;
  if (hashes === 0) return undefined;
  const space = line.slice(hashes);
  const body = trimLeading(space, isWhitespace);
  // Only space: the expression gives one space character to the text, which strips to nothing.
  if (body === "") return /[^\n\r\u2028\u2029]/.test(space.slice(1)) ? "" : undefined;
  const text = trimTrailing(trimTrailing(trimTrailing(body, isWhitespace), "#"), isWhitespace);
  if (text === "") return body.charAt(0);
  return LINE_BREAK.test(text) ? undefined : text;
}

function strip(text: string): string {
  return stripMarkup(text).replace(/\s+/g, " ").trim();
}

/**
 * `text` without pictures (![alt](src)), HTML tags and emphasis marks, and with links
 * ([label](href)) turned into their label, as replacing
 * /!\[[^\]]*\]\([^()]*\)|\[([^\]]*)\]\([^()]*\)|<[^<>]*>|[*_`]/g would. By hand, because that
 * expression reads on from every "[" of a run again.
 */
export function stripMarkup(text: string): string {
  const labelEnd = nextIndexFinder(text, (character) => character === "]");
  const targetEnd = nextIndexFinder(text, (character) => character === "(" || character === ")");
  const tagEnd = nextIndexFinder(text, (character) => character === "<" || character === ">");
  const linkEnd = (open: number): number => {
    const close = labelEnd(open + 1);
    if (text[close] !== "]" || text[close + 1] !== "(") return -1;
    const target = targetEnd(close + 2);
    return text[target] === ")" ? target + 1 : -1;
  };
  let kept = "";
  let copied = 0;
  for (let index = 0; index < text.length;) {
    const character = text.charAt(index);
    let end = -1;
    let label = "";
    if (character === "!" && text[index + 1] === "[") end = linkEnd(index + 1);
    if (end < 0 && character === "[") {
      end = linkEnd(index);
      if (end >= 0) label = text.slice(index + 1, labelEnd(index + 1));
    }
    if (end < 0 && character === "<") {
      const close = tagEnd(index + 1);
      if (text[close] === ">") end = close + 1;
    }
    if (end < 0 && "*_`".includes(character)) end = index + 1;
    if (end < 0) {
      index += 1;
      continue;
    }
    kept += text.slice(copied, index) + label;
    copied = end;
    index = end;
  }
  return copied === 0 ? text : kept + text.slice(copied);
}
