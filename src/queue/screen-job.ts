// What the queue carries: everything a screen needs besides a GitHub client, as plain JSON.
import type { RepositoryMetadata } from "../core/snapshot.js";
import type { PrefetchedConfigFiles } from "../github/load-config.js";

export interface ScreenJob {
  installationId: number;
  owner: string;
  repo: string;
  headSha: string;
  metadata: RepositoryMetadata;
  /** What asked for the screen: "push", "pull_request", "installation", "sweep", … */
  trigger: string;
  /** The commit is (or was, when enqueued) the head of the default branch. */
  defaultBranch: boolean;
  /**
   * The config fingerprint known when the job was enqueued ("unknown" when it was not read); part
   * of the key, so a changed config is a new job while the same one is not.
   */
  configKey: string;
  deliveryId?: string;
  /** Screen again even when this commit and config were screened already (re-run, recheck). */
  force?: boolean;
  /**
   * Config files the sweep read in its batched query ("owner/repo/path" → the read), so the
   * screen need not read them again; small files only (MAX_PREFETCHED_CONFIG_BYTES).
   */
  configFiles?: PrefetchedConfigFiles;
  /** A bulk screen (sweep): its check run is written once, completed. */
  publishOnce?: boolean;
  /** Put back to wait out a rate limit after an attempt that left its run in progress. */
  resumed?: boolean;
}

/** One job per (repository, commit, config): replicas enqueuing the same key get one job. */
export function screenJobKey(job: Pick<ScreenJob, "owner" | "repo" | "headSha" | "configKey">): string {
  return `${job.owner}/${job.repo}@${job.headSha}#${job.configKey}`.toLowerCase();
}

export function repositoryName(job: Pick<ScreenJob, "owner" | "repo">): string {
  return `${job.owner}/${job.repo}`.toLowerCase();
}
