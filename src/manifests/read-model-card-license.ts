// Hugging Face model cards declare their licence in the README's front matter:
// `license: apache-2.0` between `---` lines.
import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import type { ManifestLicense } from "../core/manifest-facts.js";
import { LineIndex } from "../core/line-index.js";

const require = createRequire(import.meta.url);
let yamlPackage: typeof Yaml | undefined;
/** The yaml package, loaded on the first YAML text: most screens have none to read. */
const yaml = (): typeof Yaml => (yamlPackage ??= require("yaml") as typeof Yaml);

/** Front matter longer than this is not a model card's; it is not parsed. */
const MAX_FRONT_MATTER = 64 * 1024;

export function readModelCardLicense(text: string): ManifestLicense | undefined {
  if (!/^---\r?\n/.test(text)) return undefined;
  const end = text.indexOf("\n---", text.indexOf("\n"));
  if (end === -1 || end > MAX_FRONT_MATTER) return undefined;
  let data: unknown;
  try {
    data = yaml().parse(text.slice(text.indexOf("\n") + 1, end));
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const license = (data as Record<string, unknown>)["license"];
  if (typeof license !== "string") return undefined;
  const index = text.indexOf(license);
  return { value: license, line: new LineIndex(text).lineOf(index < 0 ? 0 : index) };
}
