// Reads the declaration files the App's settings come from, on the default branch, each capped
// at the declaration's byte cap while it is read; the rules (organisation default, `_extends`,
// merge, opt-in, fingerprint) are the pure resolution of src/declaration/resolve-config.ts.
import { MAX_DECLARATION_BYTES } from "../declaration/declaration-path.js";
import {
  ConfigResolution,
  type ConfigFileRead,
  type ConfigFileRef,
  type ConfigTarget,
  type LoadedConfig,
} from "../declaration/resolve-config.js";
import { messageOf, statusOf, type GitHubClient } from "../snapshot/github-client.js";
import { cappedFetch, overCapSize } from "./capped-fetch.js";

/**
 * Config files already read in a batch (the sweep's heads query), by `configFileKey`; a file not
 * in it is read from GitHub.
 */
export type PrefetchedConfigFiles = Record<string, ConfigFileRead>;

export function configFileKey(ref: Pick<ConfigFileRef, "owner" | "repo" | "path">): string {
  return `${ref.owner}/${ref.repo}/${ref.path}`.toLowerCase();
}

export async function loadConfig(
  client: GitHubClient,
  target: ConfigTarget,
  prefetched: PrefetchedConfigFiles = {},
): Promise<LoadedConfig> {
  const resolution = new ConfigResolution(target);
  for (let next = resolution.next(); next !== undefined; next = resolution.next()) {
    const key = configFileKey(next);
    resolution.add(Object.hasOwn(prefetched, key) ? prefetched[key]! : await readConfigFile(client, next));
  }
  return resolution.result();
}

/** Raw text of a file on the default branch, "missing" when it does not exist, "too-large" past the cap. */
export async function readConfigFile(
  client: GitHubClient,
  ref: ConfigFileRef,
  maxBytes: number = MAX_DECLARATION_BYTES,
): Promise<ConfigFileRead> {
  try {
    const response = await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner: ref.owner,
      repo: ref.repo,
      path: ref.path,
      mediaType: { format: "raw" },
      request: { fetch: cappedFetch(maxBytes) },
    });
    const over = overCapSize(response.headers);
    if (over !== null) return over === undefined ? { kind: "too-large" } : { kind: "too-large", bytes: over };
    if (typeof response.data !== "string") return { kind: "missing" }; // a folder or a submodule, as Probot treats it
    return { kind: "text", text: response.data };
  } catch (error) {
    if (statusOf(error) === 404) return { kind: "missing" };
    throw new Error(`Could not read ${ref.path} from ${ref.owner}/${ref.repo}: ${messageOf(error)}`, { cause: error });
  }
}
