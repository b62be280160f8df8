// Loads the App's settings from .github/dpg.yml the way Probot's context.config does (the
// repository's default branch, else the organisation's `.github` repository, then `_extends`
// chains), but keeps each file's text so every problem is reported with its line.
import { createHash } from "node:crypto";
import { parse } from "yaml";
import type { DeclarationProblem } from "../core/declaration-facts.js";
import { APP_SETTINGS_DEFAULTS, readAppSettings, type AppSettings } from "../declaration/app-settings-schema.js";
import { parseDeclaration } from "../declaration/build-declaration-facts.js";
import { messageOf, statusOf, type GitHubClient } from "../snapshot/github-client.js";

export const CONFIG_PATH = ".github/dpg.yml";

/** The repository whose `.github/dpg.yml` holds an organisation's defaults. */
export const ORGANIZATION_REPOSITORY = ".github";

/** Same grammar as @probot/octokit-plugin-config: `repo`, `owner/repo`, optionally `:path.yml`. */
const EXTENDS_PATTERN = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;

/** Stops a runaway `_extends` chain; Probot only detects exact recursion. */
const MAX_CONFIG_FILES = 5;

export interface ConfigFile {
  owner: string;
  repo: string;
  path: string;
  /** Web address of the file, for check-run text. */
  url: string;
  /**
   * Where the file sits relative to the screened repository; the organisation `.github`
   * repository's own file is "organization" even when that repository is the one screened.
   */
  origin: "repository" | "organization" | "extends";
}

export interface ConfigProblem extends DeclarationProblem {
  file: ConfigFile;
}

export interface LoadedConfig {
  settings: AppSettings;
  /** Files read, most specific first (the repository's own file, if any, comes first). */
  files: ConfigFile[];
  problems: ConfigProblem[];
  /** The repository has a .github/dpg.yml of its own on its default branch. */
  hasRepositoryFile: boolean;
  /** The organisation's `.github` config (or what it extends) sets `issues.mode`. */
  organizationSetsIssuesMode: boolean;
  /** Changes whenever any loaded file's text changes; part of the screen's dedupe key. */
  fingerprint: string;
}

interface FileRef {
  owner: string;
  repo: string;
  path: string;
}

export async function loadConfig(
  client: GitHubClient,
  target: { owner: string; repo: string; webBase?: string },
): Promise<LoadedConfig> {
  const webBase = target.webBase ?? "https://github.com";
  const files: ConfigFile[] = [];
  const problems: ConfigProblem[] = [];
  const values: Record<string, unknown>[] = [];
  const hash = createHash("sha256");

  // 1. The repository's own file, else the organisation's `.github` repository. Screening the
  //    organisation's `.github` repository itself, its file is the organisation-wide default,
  //    not that repository opting itself in.
  const isOrganizationRepository = target.repo.toLowerCase() === ORGANIZATION_REPOSITORY;
  let next: FileRef | undefined = { owner: target.owner, repo: target.repo, path: CONFIG_PATH };
  let origin: ConfigFile["origin"] = isOrganizationRepository ? "organization" : "repository";
  let text = await fetchText(client, next);
  if (text === undefined && !isOrganizationRepository) {
    next = { owner: target.owner, repo: ".github", path: CONFIG_PATH };
    origin = "organization";
    text = await fetchText(client, next);
  }
  // 2. Parse each file, then follow its `_extends`.
  while (text !== undefined && next !== undefined) {
    const file: ConfigFile = { ...next, url: `${webBase}/${next.owner}/${next.repo}/blob/HEAD/${next.path}`, origin };
    files.push(file);
    hash.update(`${file.owner}/${file.repo}/${file.path}\n${text}\n`);
    const parsed = parseDeclaration(text);
    for (const problem of parsed.problems) if (problem.key !== "_extends") problems.push({ ...problem, file });
    const value = { ...(parsed.value ?? {}) };
    values.push(value);
    const extendsValue = rawExtends(text);
    if (extendsValue === undefined) break;
    const target2 = resolveExtends(extendsValue, next);
    if (target2 === undefined) {
      problems.push({
        key: "_extends",
        message: `"${String(extendsValue)}" is not a repository to extend; write repo, owner/repo or owner/repo:path.yml`,
        file,
      });
      break;
    }
    if (
      files.some((seen) => seen.owner === target2.owner && seen.repo === target2.repo && seen.path === target2.path) ||
      files.length >= MAX_CONFIG_FILES
    ) {
      problems.push({
        key: "_extends",
        message: `_extends: ${String(extendsValue)} was ignored: it loops back to a file already loaded`,
        file,
      });
      break;
    }
    next = target2;
    origin = "extends";
    text = await fetchText(client, next);
    if (text === undefined)
      problems.push({
        key: "_extends",
        message: `_extends: ${String(extendsValue)} points to a file that does not exist or is not accessible`,
        file,
      });
  }

  // 3. Merge: a file overrides what it extends; the defaults fill the rest.
  const merged = values.reduceRight<Record<string, unknown>>((base, value) => deepMerge(base, value), {});
  const settings = files.length === 0 ? APP_SETTINGS_DEFAULTS : readAppSettings(merged);
  const organizationValues = values.filter((_, index) => files[index]?.origin !== "repository");
  return {
    settings,
    files,
    problems,
    hasRepositoryFile: files[0]?.origin === "repository",
    organizationSetsIssuesMode:
      files[0]?.origin === "organization" && organizationValues.some((value) => hasIssuesMode(value)),
    fingerprint: hash.digest("hex").slice(0, 16),
  };
}

/** Raw text of a file on the default branch, or undefined when it does not exist. */
async function fetchText(client: GitHubClient, ref: FileRef): Promise<string | undefined> {
  try {
    const response = await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...ref,
      mediaType: { format: "raw" },
    });
    if (typeof response.data !== "string") return undefined; // a folder or a submodule, as Probot treats it
    return response.data;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw new Error(`Could not read ${ref.path} from ${ref.owner}/${ref.repo}: ${messageOf(error)}`, { cause: error });
  }
}

/** `_extends` is not part of the declaration schema (which drops it), so it is read from the YAML. */
function rawExtends(text: string): unknown {
  try {
    const value: unknown = parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)["_extends"]
      : undefined;
  } catch {
    return undefined; // the syntax error is already a problem of this file
  }
}

function resolveExtends(value: unknown, from: FileRef): FileRef | undefined {
  if (typeof value !== "string") return undefined;
  const match = EXTENDS_PATTERN.exec(value);
  if (match === null) return undefined;
  return { owner: match[1] ?? from.owner, repo: match[2] as string, path: match[3] ?? from.path };
}

function hasIssuesMode(value: Record<string, unknown>): boolean {
  const issues = value["issues"];
  return (
    typeof issues === "object" &&
    issues !== null &&
    "mode" in issues &&
    (issues as { mode?: unknown }).mode !== undefined
  );
}

/** Plain-object deep merge; `override` wins, arrays are replaced (not concatenated). */
function deepMerge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = result[key];
    result[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
