// Turns a command-line target into a snapshot: a local folder, or "owner/repo" on GitHub
// (remote mode, with GITHUB_TOKEN) when no such folder exists. The remote snapshot, and with it
// Octokit, is imported only for a remote target: a local screen never loads it.
import { existsSync } from "node:fs";
import type { RepositorySnapshot } from "../core/snapshot.js";
import { LocalSnapshot, TargetError } from "../snapshot/local-snapshot.js";
import { GitHubReadError } from "../snapshot/github-snapshot.js";

export interface TargetEnvironment {
  env: Record<string, string | undefined>;
}

const REMOTE_TARGET = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export async function openTarget(target: string, environment: TargetEnvironment): Promise<RepositorySnapshot> {
  if (!REMOTE_TARGET.test(target) || existsSync(target)) return LocalSnapshot.open(target);
  const apiUrl = environment.env["GITHUB_API_URL"];
  try {
    const { openRemoteSnapshot } = await import("../snapshot/open-remote-snapshot.js");
    const { snapshot } = await openRemoteSnapshot(
      target,
      environment.env["GITHUB_TOKEN"],
      apiUrl === undefined || apiUrl === "" ? {} : { baseUrl: apiUrl },
    );
    return snapshot;
  } catch (error) {
    if (error instanceof GitHubReadError) throw new TargetError(`${target}: ${error.message}`, { cause: error });
    throw error;
  }
}
