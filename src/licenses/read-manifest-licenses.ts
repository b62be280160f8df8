// Reads the licence a package manifest declares, per ecosystem: npm, Python, Cargo, Composer,
// RubyGems, R, Maven, .NET, publiccode.yml, Frictionless datapackage, Hugging Face model cards.
import { parse as parseYaml } from "yaml";
import { basename, lineOf } from "../core/find-files.js";

export interface ManifestLicense {
  /** The value as written, e.g. "MIT", "GPLv3", "MIT + file LICENSE". */
  value: string;
  line: number;
}

/** File names (or patterns) of manifests that can declare a licence. */
export const MANIFEST_FILE =
  /^(package\.json|pyproject\.toml|setup\.cfg|setup\.py|Cargo\.toml|composer\.json|.+\.gemspec|DESCRIPTION|pom\.xml|.+\.csproj|publiccode\.ya?ml|datapackage\.json)$/;

/** Python trove classifiers name licences in words; the last segment is the licence name. */
const TROVE = /License\s*::\s*(?:OSI Approved\s*::\s*)?([^"'\n]+?)\s*["']/g;

export function readManifestLicenses(path: string, text: string): ManifestLicense[] {
  const name = basename(path);
  const at = (value: string, index: number): ManifestLicense => ({ value: value.trim(), line: lineOf(text, index) });
  const all = (pattern: RegExp, group = 1): ManifestLicense[] =>
    [...text.matchAll(pattern)]
      .map((match) => at(match[group] ?? "", (match.index ?? 0) + match[0].indexOf(match[group] ?? "")))
      .filter((found) => found.value !== "");
  if (name === "package.json" || name === "composer.json") return jsonLicenses(text, at);
  if (name === "datapackage.json")
    return all(/"(?:name|path)"\s*:\s*"([^"]+)"(?=[^{}]*\})/g)
      .filter((found) => !/^https?:/.test(found.value))
      .slice(0, 3);
  if (name === "pyproject.toml" || name === "Cargo.toml") {
    const field = all(/^\s*license\s*=\s*(?:\{\s*text\s*=\s*)?["']([^"']+)["']/gm);
    return [...field, ...all(TROVE).map(troveValue)];
  }
  if (name === "setup.cfg") return [...all(/^\s*license\s*=\s*(.+)$/gm), ...all(TROVE).map(troveValue)];
  if (name === "setup.py") return [...all(/\blicense\s*=\s*["']([^"']+)["']/g), ...all(TROVE).map(troveValue)];
  if (name.endsWith(".gemspec"))
    return [...all(/\.license\s*=\s*["']([^"']+)["']/g), ...all(/\.licenses\s*=\s*\[\s*["']([^"']+)["']/g)];
  if (name === "DESCRIPTION") return all(/^License:\s*(.+)$/gm);
  if (name === "pom.xml") return all(/<license>\s*<name>([^<]+)<\/name>/g);
  if (name.endsWith(".csproj")) return all(/<PackageLicenseExpression>([^<]+)<\/PackageLicenseExpression>/g);
  if (/^publiccode\.ya?ml$/.test(name)) return all(/^\s+license:\s*["']?([^"'\n#]+)/gm);
  return [];
}

/** Hugging Face model-card front matter: `license: apache-2.0` between `---` lines. */
export function readModelCardLicense(text: string): ManifestLicense | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (front === null) return undefined;
  let data: unknown;
  try {
    data = parseYaml(front[1] ?? "");
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const license = (data as Record<string, unknown>)["license"];
  if (typeof license !== "string") return undefined;
  const index = text.indexOf(license);
  return { value: license, line: lineOf(text, index < 0 ? 0 : index) };
}

/** package.json / composer.json: "license" as a string, an array (a choice) or {type}. */
function jsonLicenses(text: string, at: (value: string, index: number) => ManifestLicense): ManifestLicense[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof data !== "object" || data === null) return [];
  const record = data as Record<string, unknown>;
  const index = Math.max(0, text.search(/"licen[cs]es?"\s*:/));
  const values: string[] = [];
  for (const key of ["license", "licenses"]) {
    const value = record[key];
    const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
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
  // composer.json lists alternatives; an array means the user may choose.
  return values.length === 0
    ? []
    : [
        at(
          values.length > 1
            ? values.map((value) => (/\s/.test(value) ? `(${value})` : value)).join(" OR ")
            : (values[0] ?? ""),
          index,
        ),
      ];
}

function troveValue(found: ManifestLicense): ManifestLicense {
  const parenthesised = /\(([^)]+)\)\s*$/.exec(found.value)?.[1];
  return { value: parenthesised ?? found.value, line: found.line };
}
