// The `origin` remote of a local checkout, for the DPGA draft's repositories answer: read from
// .git/config as text (never by running git, which would run the checkout's hooks and config),
// capped in bytes, and reduced to a plain web address. It is what the checkout says, not a
// verified fact: the remote may not hold this commit, so nothing is linked against it.
import { lstat } from "node:fs/promises";
import { join } from "node:path";
import { trimTrailing } from "../core/trim-characters.js";
import { readWholeLines } from "./read-whole-lines.js";

/** A git config is a few hundred bytes; past this it is not one to trust, and only this much is read. */
export const MAX_GIT_CONFIG_BYTES = 64 * 1024;
/** Lines longer than this are not a remote's url. */
const MAX_LINE_CHARS = 2_048;

const SECTION = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]\s*(?:[#;].*)?$/;
const URL_KEY = /^\s*url\s*=\s*(?!\s)(.*)$/i;
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** The first `url` of `[remote "origin"]` (or the old `[remote.origin]`), as written; undefined when there is none. */
export function parseOriginUrl(config: string): string | undefined {
  let inOrigin = false;
  let start = 0;
  while (start <= config.length) {
    let end = config.indexOf("\n", start);
    if (end === -1) end = config.length;
    const line = config.slice(start, Math.min(end, start + MAX_LINE_CHARS)).replace(/\r$/, "");
    start = end + 1;
    const section = SECTION.exec(line);
    if (section !== null) {
      const name = (section[1] ?? "").toLowerCase();
      // Section names are case-insensitive, subsection names ("origin") case-sensitive.
      inOrigin = section[2] === undefined ? name === "remote.origin" : name === "remote" && section[2] === "origin";
      continue;
    }
    if (!inOrigin) continue;
    const url = URL_KEY.exec(line);
    if (url !== null) return configValue(url[1] ?? "");
  }
  return undefined;
}

/** A git config value: quotes removed, a comment outside quotes dropped, surrounding space trimmed. */
function configValue(raw: string): string {
  let value = "";
  let quoted = false;
  for (let index = 0; index < raw.length; index += 1) {
    const char = raw[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "#" || char === ";")) break;
    else if (char === "\\" && index + 1 < raw.length) value += raw[++index];
    else value += char;
  }
  return value.trim();
}

/**
 * The web address of a remote: `git@host:owner/repo.git`, `ssh://user@host:22/owner/repo.git`,
 * `git://host/owner/repo` and `https://user:token@host/owner/repo.git` all become
 * `https://host/owner/repo` (http stays http; an https port is kept). User names and tokens are
 * dropped, never returned. Undefined for anything else (a local path, a file:// URL, odd names).
 */
export function normalizeRemoteUrl(remote: string): string | undefined {
  const value = remote.trim();
  let scheme = "https";
  let host: string;
  let path: string;
  const url = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(value);
  if (url !== null) {
    const protocol = (url[1] ?? "").toLowerCase();
    if (!["https", "http", "ssh", "git", "git+ssh", "ssh+git"].includes(protocol)) return undefined;
    // Credentials sit before the last "@" of the authority; only the host (and an http(s) port) is kept.
    const authority = (url[2] ?? "").slice((url[2] ?? "").lastIndexOf("@") + 1);
    const hostPort = /^([^:]+)(?::(\d{1,5}))?$/.exec(authority);
    if (hostPort === null) return undefined;
    const web = protocol === "https" || protocol === "http";
    if (protocol === "http") scheme = "http";
    host = (hostPort[1] ?? "") + (web && hostPort[2] !== undefined ? `:${hostPort[2]}` : "");
    if (!HOST.test(hostPort[1] ?? "")) return undefined;
    path = url[3] ?? "";
  } else {
    // scp-like syntax: [user@]host:path, with no "/" before the colon.
    const scp = /^(?:[^@/:]+@)?([^@/:]+):(?!\/\/)(.+)$/.exec(value);
    if (scp === null || !HOST.test(scp[1] ?? "")) return undefined;
    host = scp[1] ?? "";
    path = `/${scp[2] ?? ""}`;
  }
  const segments = trimTrailing(path, "/")
    .replace(/\.git$/i, "")
    .split("/")
    .filter((segment) => segment !== "");
  if (segments.length < 2 || !segments.every((segment) => SEGMENT.test(segment) && !segment.endsWith(".")))
    return undefined;
  return `${scheme}://${host.toLowerCase()}/${segments.join("/")}`;
}

/**
 * The checkout's origin as a web address, or undefined. Only a real `.git` folder and a regular
 * `config` file in it are read (no symbolic links followed, no worktree `gitdir:` pointers).
 */
export async function readOriginRemote(root: string): Promise<string | undefined> {
  try {
    if (!(await lstat(join(root, ".git"))).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const text = await readWholeLines(join(root, ".git", "config"), MAX_GIT_CONFIG_BYTES);
  const remote = text === undefined ? undefined : parseOriginUrl(text);
  return remote === undefined ? undefined : normalizeRemoteUrl(remote);
}
