// `_extends: repo`, `owner/repo` or `owner/repo:path.yml` in a declaration: which file the App
// settings are inherited from. Read by the declaration parser (so the CLI and the App accept and
// reject the same values) and followed by the config resolution.

/** Same grammar as @probot/octokit-plugin-config: `repo`, `owner/repo`, optionally `:path.yml`. */
const EXTENDS_PATTERN = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;

/** The key, which is not part of the declaration schema. */
export const EXTENDS_KEY = "_extends";

export interface ConfigFileRef {
  owner: string;
  repo: string;
  path: string;
}

/** The file `value` points to, read relative to the file it is written in; undefined when it is not a reference. */
export function resolveExtends(value: unknown, from: ConfigFileRef): ConfigFileRef | undefined {
  if (typeof value !== "string") return undefined;
  const match = EXTENDS_PATTERN.exec(value);
  if (match === null) return undefined;
  return { owner: match[1] ?? from.owner, repo: match[2] as string, path: match[3] ?? from.path };
}

/** True for a value `resolveExtends` can follow. */
export function isExtendsReference(value: unknown): value is string {
  return typeof value === "string" && EXTENDS_PATTERN.test(value);
}

/** Longest part of a rejected value quoted back. */
const MAX_QUOTED = 100;

export function badExtendsMessage(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const shown = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
  return `"${shown}" is not a repository to extend; write repo, owner/repo or owner/repo:path.yml`;
}
