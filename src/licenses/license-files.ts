// Chooses, from a file listing, the files that can state the project's licence, and why each
// was chosen. One pass over the listing, with fixed caps so a 50,000-file tree stays cheap.
import { basename, dirname, isVendored, README_NAME as README } from "../core/find-files.js";
import { SOURCE_FILE as SOURCE } from "../core/classify-path.js";
import { manifestEcosystem } from "../manifests/manifest-ecosystems.js";
import { selectSubtrees, type SubtreeSelection } from "./license-subtrees.js";
import { parseLicenseValue } from "./parse-license-value.js";
import { CURRENT_SPDX_IDS } from "./spdx-license-ids.js";

const CURRENT_BY_LOWER = new Map([...CURRENT_SPDX_IDS].map((id) => [id.toLowerCase(), id]));

/** Which part of a repository a licence file covers, read from its name. */
export type LicensePart = "project" | "code" | "data" | "content" | "model";

export type LicenseFileRole = "license" | "reuse" | "manifest" | "readme" | "header" | "nested" | "subtree-header";

export interface LicenseFileChoice {
  path: string;
  role: LicenseFileRole;
  part: LicensePart;
  /** The SPDX identifier the file is named after (LICENSE-MIT, BSD-3-Clause.txt), if any. */
  namedAfter?: string;
}

export interface LicenseFileSelection {
  chosen: LicenseFileChoice[];
  /** Licence files of vendored or third-party code: not the project's licence, listed apart. */
  vendored: string[];
  /** Licence files below the root and source files sampled per subtree, with the tree's counts. */
  subtrees: SubtreeSelection;
}

const LICENSE_NAME = /^(licen[cs]es?|copying|copyright|unlicen[cs]e|mit-licen[cs]e)([-._ ].*)?$/i;
/** Third-party notices and contracts carry no licence of the project. */
const NOT_A_LICENSE =
  /third|3rd|vendor|bundled|dependenc|\.(pdf|docx?|odt|png|jpe?g|svg|gif|html?|json|ya?ml|xml|sh|py|js|ts|java|map)$/i;
/** A documentation page about licences (docs/licenses.md): docs name pages after their topic, a licence text is LICENSE. */
const DOCS_PAGE_ABOUT_LICENSES = /^docs\/licen[cs]es\.(md|markdown|rst|adoc|txt)$/i;
const THIRD_PARTY = /third[-_ ]?party|3rd[-_ ]?party/i;
const LICENSE_DIRS = new Set(["", ".github", "docs"]);

const MAX_LICENSE_FILES = 16;
/** Vendored licence files are listed (not read); the list is capped for huge trees. */
const MAX_VENDORED = 50;
const MAX_REUSE_FILES = 12;
const MAX_MANIFESTS = 8;
/** Source files sampled for SPDX-License-Identifier headers (REUSE sidecars included). */
const MAX_HEADER_SAMPLES = 20;
/** Only shallow source files are sampled: they are the project's own, not fixtures deep down. */
const MAX_SAMPLE_DEPTH = 2;

/** Every path `buildLicenseFacts` will read, bounded (about 200 at most). */
export function licenseFiles(paths: readonly string[]): string[] {
  return selectLicenseFiles(paths).chosen.map((choice) => choice.path);
}

/**
 * The engine, indicator 2 and indicator 3 all ask for the selection of one listing; it is made
 * once per listing (keyed by the array itself, so it lives as long as the listing does).
 */
const selections = new WeakMap<readonly string[], LicenseFileSelection>();

export function selectLicenseFiles(paths: readonly string[]): LicenseFileSelection {
  let selection = selections.get(paths);
  if (selection === undefined) {
    selection = buildSelection(paths);
    selections.set(paths, selection);
  }
  return selection;
}

function buildSelection(paths: readonly string[]): LicenseFileSelection {
  const licenses: LicenseFileChoice[] = [];
  const reuse: LicenseFileChoice[] = [];
  const manifests: LicenseFileChoice[] = [];
  const readmes: LicenseFileChoice[] = [];
  const samplesByDepth: string[][] = Array.from({ length: MAX_SAMPLE_DEPTH + 1 }, () => []);
  const vendored: string[] = [];
  for (const path of paths) {
    // Most paths of a large tree are deep and not licence files: leave them with two cheap tests.
    const pathDepth = shallowDepth(path);
    const name = basename(path);
    const licenseNamed = LICENSE_NAME.test(name);
    if (pathDepth < 0 && !licenseNamed) continue;
    const dir = dirname(path);
    if (isVendored(path) || THIRD_PARTY.test(dir)) {
      if (licenseNamed && vendored.length < MAX_VENDORED) vendored.push(path);
      continue;
    }
    if (pathDepth < 0) continue;
    if (dir === "LICENSES" && reuse.length < MAX_REUSE_FILES) {
      const namedAfter = spdxNamed(name);
      reuse.push({ path, role: "reuse", part: partOf(name), ...(namedAfter === undefined ? {} : { namedAfter }) });
      continue;
    }
    if (LICENSE_DIRS.has(dir)) {
      if (licenseNamed) {
        if (THIRD_PARTY.test(name)) {
          vendored.push(path);
        } else if (
          !NOT_A_LICENSE.test(name) &&
          !SOURCE.test(name) &&
          !DOCS_PAGE_ABOUT_LICENSES.test(path) &&
          licenses.length < MAX_LICENSE_FILES
        ) {
          const namedAfter = spdxNamed(name.replace(/^(licen[cs]e|copying)[-._ ]?/i, ""));
          licenses.push({
            path,
            role: "license",
            part: partOf(name),
            ...(namedAfter === undefined ? {} : { namedAfter }),
          });
        }
        continue;
      }
      if (dir === "" && README.test(name)) {
        readmes.push({ path, role: "readme", part: "project" });
        continue;
      }
      // Files named after a licence: "BSD-3-Clause", "CC BY-SA 4.0.md", "MIT.txt".
      const namedAfter = dir === "" && !SOURCE.test(name) && !NOT_A_LICENSE.test(name) ? spdxNamed(name) : undefined;
      if (namedAfter !== undefined && licenses.length < MAX_LICENSE_FILES) {
        licenses.push({ path, role: "license", part: partOf(name), namedAfter });
        continue;
      }
    }
    if (dir === "" && manifests.length < MAX_MANIFESTS && manifestEcosystem(path)?.declaresLicenses === true) {
      manifests.push({ path, role: "manifest", part: "project" });
      continue;
    }
    const bucket = samplesByDepth[pathDepth];
    if (bucket !== undefined && bucket.length < MAX_HEADER_SAMPLES && (SOURCE.test(name) || name.endsWith(".license")))
      bucket.push(path);
  }
  const samples = samplesByDepth
    .flat()
    .slice(0, MAX_HEADER_SAMPLES)
    .map((path): LicenseFileChoice => ({ path, role: "header", part: "project" }));
  const subtrees = selectSubtrees(paths);
  const taken = new Set(samples.map((choice) => choice.path));
  const nested = subtrees.nested.map((file): LicenseFileChoice => ({
    path: file.path,
    role: "nested",
    part: "project",
  }));
  const subtreeSamples = subtrees.samples
    .filter((sample) => !taken.has(sample.path))
    .map((sample): LicenseFileChoice => ({ path: sample.path, role: "subtree-header", part: "project" }));
  return {
    chosen: [...licenses, ...reuse, ...manifests, ...readmes.slice(0, 1), ...samples, ...nested, ...subtreeSamples],
    vendored,
    subtrees,
  };
}

/** Depth of a path up to MAX_SAMPLE_DEPTH, or -1 when it is deeper. */
function shallowDepth(path: string): number {
  let slash = -1;
  for (let count = 0; count <= MAX_SAMPLE_DEPTH; count += 1) {
    slash = path.indexOf("/", slash + 1);
    if (slash < 0) return count;
  }
  return -1;
}

/** The part a licence file covers, from words in its name (LICENSE-CODE, LICENSE.data.md). */
export function partOf(name: string): LicensePart {
  const lower = name.toLowerCase();
  if (/(^|[-._ ])(code|source|software|src)([-._ ]|$)/.test(lower)) return "code";
  if (/(^|[-._ ])(data|database|dataset|datasets)([-._ ]|$)/.test(lower)) return "data";
  if (/(^|[-._ ])(docs|doc|documentation|content|media|assets|text|images)([-._ ]|$)/.test(lower)) return "content";
  if (/(^|[-._ ])(model|models|weights)([-._ ]|$)/.test(lower)) return "model";
  return "project";
}

/** Stems that start like a licence name; only these are handed to spdx-correct. */
const LICENSE_LIKE_STEM =
  /^(cc|creative|gpl|agpl|lgpl|gnu|mpl|mozilla|apache|bsd|mit|isc|epl|eupl|odbl|odc|pddl|unlicense|zlib|artistic|bsl|cddl|ofl|wtfpl|0bsd)([-_ .]|$|\d)/i;

/** The SPDX id a file name spells (extension and "LICENSE-" prefix aside), when it is one. */
function spdxNamed(name: string): string | undefined {
  const stem = name.replace(/\.(txt|md|markdown|rst|org|adoc)$/i, "").replace(/^licen[cs]e[-._ ]?/i, "");
  if (stem.length < 2) return undefined;
  const exact = CURRENT_BY_LOWER.get(stem.toLowerCase());
  if (exact !== undefined) return exact;
  if (!LICENSE_LIKE_STEM.test(stem)) return undefined;
  const parsed = parseLicenseValue(stem.replace(/_/g, " "));
  if (parsed === undefined || parsed.ids.length !== 1 || parsed.confidence < 0.85) return undefined;
  return parsed.expression;
}
