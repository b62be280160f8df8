// The App's settings from the declaration files of the default branch, as a pure function: the
// repository's own file, else the organisation's `.github` repository; then the `_extends`
// chain, the merge, the opt-in rule and the fingerprint. Reading the files is I/O and lives in
// src/github/load-config.ts; here a file is text (or why there is none), so every rule is tested
// without HTTP. Each file is parsed exactly once.
import { createHash } from "node:crypto";
import type { DeclarationProblem } from "../core/declaration-facts.js";
import { APP_SETTINGS_DEFAULTS, readAppSettings, type AppSettings } from "./app-settings-schema.js";
import { parseDeclaration } from "./build-declaration-facts.js";
import { DECLARATION_PATH, declarationTooLargeMessage } from "./declaration-path.js";
import { EXTENDS_KEY, resolveExtends, type ConfigFileRef } from "./extends-reference.js";

export type { ConfigFileRef } from "./extends-reference.js";

/** The repository whose `.github/dpg.yml` holds an organisation's defaults. */
export const ORGANIZATION_REPOSITORY = ".github";

/** Files read at most for one repository's settings; stops a runaway `_extends` chain. */
export const MAX_CONFIG_FILES = 5;

export type ConfigOrigin = "repository" | "organization" | "extends";

/** A file to read, and where it sits relative to the screened repository. */
export interface ConfigFileRequest extends ConfigFileRef {
  /**
   * The organisation `.github` repository's own file is "organization" even when that
   * repository is the one screened.
   */
  origin: ConfigOrigin;
}

export interface ConfigFile extends ConfigFileRequest {
  /** Web address of the file, for check-run text. */
  url: string;
}

/** What reading one file gave: its text, or why there is none. */
export type ConfigFileRead =
  { kind: "text"; text: string } | { kind: "missing" } | { kind: "too-large"; bytes?: number };

export interface ConfigProblem extends DeclarationProblem {
  file: ConfigFile;
  /**
   * "text": a problem in the file's text, which a screen of that commit reports too.
   * "chain": a problem of reading or following the file (too large, a missing base, a loop),
   * which only the settings resolution knows.
   */
  source: "text" | "chain";
}

export interface LoadedConfig {
  settings: AppSettings;
  /** Files found, most specific first (the repository's own file, if any, comes first). */
  files: ConfigFile[];
  problems: ConfigProblem[];
  /** The repository has a readable .github/dpg.yml of its own on its default branch. */
  hasRepositoryFile: boolean;
  /** The organisation's `.github` config (or what it extends) sets `issues.mode`. */
  organizationSetsIssuesMode: boolean;
  /** Changes whenever any loaded file's text changes; part of the screen's dedupe key. */
  fingerprint: string;
}

export interface ConfigTarget {
  owner: string;
  repo: string;
  /** Web base for file links (GitHub Enterprise Server); https://github.com by default. */
  webBase?: string;
}

/**
 * The resolution as a sequence of steps, so the reader may be asynchronous: ask `next()` which
 * file to read, hand its result to `add()`, until `next()` says undefined; then `result()`.
 */
export class ConfigResolution {
  readonly #target: ConfigTarget;
  readonly #files: ConfigFile[] = [];
  readonly #problems: ConfigProblem[] = [];
  readonly #values: Record<string, unknown>[] = [];
  readonly #readable: boolean[] = [];
  readonly #hash = createHash("sha256");
  #pending: ConfigFileRequest | undefined;
  /** The `_extends` value that led to the pending file, for the message when it is missing. */
  #extendsValue: string | undefined;

  constructor(target: ConfigTarget) {
    this.#target = target;
    // Screening the organisation's `.github` repository itself, its file is the organisation-wide
    // default, not that repository opting itself in.
    const isOrganizationRepository = target.repo.toLowerCase() === ORGANIZATION_REPOSITORY;
    this.#pending = {
      owner: target.owner,
      repo: target.repo,
      path: DECLARATION_PATH,
      origin: isOrganizationRepository ? "organization" : "repository",
    };
  }

  /** The next file to read, or undefined when the resolution is complete. */
  next(): ConfigFileRequest | undefined {
    return this.#pending;
  }

  add(read: ConfigFileRead): void {
    const request = this.#pending;
    if (request === undefined) throw new Error("internal: the config resolution is already complete");
    this.#pending = undefined;
    if (read.kind === "missing") {
      if (request.origin === "repository")
        this.#pending = {
          owner: this.#target.owner,
          repo: ORGANIZATION_REPOSITORY,
          path: DECLARATION_PATH,
          origin: "organization",
        };
      else if (request.origin === "extends")
        this.#chainProblem(`_extends: ${this.#extendsValue} points to a file that does not exist or is not accessible`);
      return;
    }
    const webBase = this.#target.webBase ?? "https://github.com";
    const file: ConfigFile = {
      ...request,
      url: `${webBase}/${request.owner}/${request.repo}/blob/HEAD/${request.path}`,
    };
    this.#files.push(file);
    if (read.kind === "too-large") {
      this.#hash.update(`${file.owner}/${file.repo}/${file.path}\n${read.bytes ?? "too-large"}\n`);
      this.#values.push({});
      this.#readable.push(false);
      this.#problems.push({
        key: "",
        message: `${declarationTooLargeMessage(read.bytes)}, so the App used its default settings`,
        file,
        source: "chain",
      });
      return;
    }
    this.#hash.update(`${file.owner}/${file.repo}/${file.path}\n${read.text}\n`);
    const parsed = parseDeclaration(read.text);
    for (const problem of parsed.problems) this.#problems.push({ ...problem, file, source: "text" });
    this.#values.push({ ...(parsed.value ?? {}) });
    this.#readable.push(true);
    if (parsed.extends === undefined) return;
    const base = resolveExtends(parsed.extends, file);
    if (base === undefined) return; // the parser already reported the value
    const seen = this.#files.some((loaded) => sameFile(loaded, base));
    if (seen) {
      this.#chainProblem(`_extends: ${parsed.extends} was ignored: it loops back to a file already loaded`);
      return;
    }
    if (this.#files.length >= MAX_CONFIG_FILES) {
      this.#chainProblem(
        `_extends: ${parsed.extends} was ignored: settings are read from at most ${MAX_CONFIG_FILES} files`,
      );
      return;
    }
    this.#extendsValue = parsed.extends;
    this.#pending = { ...base, origin: "extends" };
  }

  result(): LoadedConfig {
    if (this.#pending !== undefined) throw new Error("internal: the config resolution is not complete");
    // A file overrides what it extends; the defaults fill the rest.
    const merged = this.#values.reduceRight<Record<string, unknown>>((base, value) => deepMerge(base, value), {});
    const first = this.#files[0];
    const organizationValues = this.#values.filter((_, index) => this.#files[index]?.origin !== "repository");
    return {
      settings: this.#files.length === 0 ? APP_SETTINGS_DEFAULTS : readAppSettings(merged),
      files: this.#files,
      problems: this.#problems,
      // An unreadable file opts nothing in: the App cannot see what it asks for.
      hasRepositoryFile: first?.origin === "repository" && this.#readable[0] === true,
      organizationSetsIssuesMode: first?.origin === "organization" && organizationValues.some(hasIssuesMode),
      fingerprint: this.#hash.digest("hex").slice(0, 16),
    };
  }

  /** A problem of the chain, attached to the file whose `_extends` could not be followed. */
  #chainProblem(message: string): void {
    const file = this.#files.at(-1);
    if (file !== undefined) this.#problems.push({ key: EXTENDS_KEY, message, file, source: "chain" });
  }
}

/** The whole resolution over a synchronous reader (tests, in-memory hosts). */
export function resolveConfig(target: ConfigTarget, read: (file: ConfigFileRequest) => ConfigFileRead): LoadedConfig {
  const resolution = new ConfigResolution(target);
  for (let next = resolution.next(); next !== undefined; next = resolution.next()) resolution.add(read(next));
  return resolution.result();
}

function sameFile(left: ConfigFileRef, right: ConfigFileRef): boolean {
  return (
    left.owner.toLowerCase() === right.owner.toLowerCase() &&
    left.repo.toLowerCase() === right.repo.toLowerCase() &&
    left.path === right.path
  );
}

function hasIssuesMode(value: Record<string, unknown>): boolean {
  const issues = value["issues"];
  return isPlainObject(issues) && issues["mode"] !== undefined;
}

/** Plain-object deep merge; `override` wins, arrays are replaced (not concatenated). */
function deepMerge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (key === "__proto__") continue; // never let a file's key reach an object's prototype
    const current = result[key];
    result[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
