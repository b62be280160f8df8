// One repository as the App sees it on GitHub: the small interfaces the pipeline and the
// handlers depend on, and their implementation over an installation's client. Nothing outside
// src/github builds a request; each view counts its own requests for the screen's log line.
import type { RepositoryMetadata, RepositorySnapshot } from "../core/snapshot.js";
import type { RenderedCheckRun } from "../reporters/check-run.js";
import { countRequests, type GitHubClient } from "../snapshot/github-client.js";
import { fetchRepositoryHead, type RepositoryHead } from "../snapshot/fetch-repository-head.js";
import { GitHubSnapshot } from "../snapshot/github-snapshot.js";
import { createGitHubIssuesClient, type IssuesClient } from "./issues-client.js";
import type { LoadedConfig } from "../declaration/resolve-config.js";
import { loadConfig, type PrefetchedConfigFiles } from "./load-config.js";
import {
  completeCheckRun,
  createCompletedCheckRun,
  findStaleCheckRuns,
  startCheckRun,
  type CheckRunLog,
} from "./publish-check-run.js";

export interface RepositoryTarget {
  owner: string;
  repo: string;
}

/** The "DPG Standard" check run of one commit: opened in progress, then completed. */
export interface CheckRuns {
  /** Creates the run in progress; returns its id. `externalId` names the job that opened it. */
  start(headSha: string, now: Date, externalId?: string): Promise<number>;
  /** Completes the run with its result; returns the number of requests made. */
  complete(checkRunId: number, rendered: RenderedCheckRun, now: Date, log?: CheckRunLog): Promise<number>;
  /** Creates the run already completed (bulk screens); returns its id. */
  publish(headSha: string, rendered: RenderedCheckRun, startedAt: Date, now: Date, log?: CheckRunLog): Promise<number>;
  /**
   * Ids of this check's runs on the commit still in progress though started before
   * `startedBefore`, or opened with `externalId`; oldest first.
   */
  findStale(headSha: string, startedBefore: Date, externalId?: string): Promise<number[]>;
}

/** What one screen reads and writes where the repository lives. */
export interface ScreenGitHub {
  /** GitHub requests made through this view so far. */
  readonly requestCount: number;
  /** The App settings from the default branch (repository, organisation default, `_extends`). */
  loadConfig(options?: { webBase?: string; prefetched?: PrefetchedConfigFiles }): Promise<LoadedConfig>;
  /** The files of one commit, read lazily and in batches. */
  openSnapshot(commit: string, metadata: RepositoryMetadata): RepositorySnapshot;
  readonly checkRuns: CheckRuns;
}

/** What the handlers look up before they ask for a screen. */
export interface RepositoryLookups {
  /** Metadata and the default branch's tip (one GraphQL request). */
  head(): Promise<RepositoryHead>;
  /** The head commit of a pull request. */
  pullRequestHead(pullNumber: number): Promise<string>;
  /** The user's permission on the repository ("admin", "write", "read", "none"); throws when GitHub does not say. */
  permissionOf(username: string): Promise<string>;
  /** Puts a reaction on an issue or pull-request comment. */
  reactToComment(commentId: number, content: "eyes"): Promise<void>;
}

export interface RepositoryGitHub extends ScreenGitHub, RepositoryLookups {
  readonly owner: string;
  readonly repo: string;
  readonly issues: IssuesClient;
}

export function createRepositoryGitHub(
  client: GitHubClient,
  target: RepositoryTarget,
  options: { appId?: number } = {},
): RepositoryGitHub {
  const counted = countRequests(client);
  const base = { owner: target.owner, repo: target.repo };
  return {
    ...base,
    get requestCount() {
      return counted.requestCount;
    },
    loadConfig: ({ prefetched, ...rest } = {}) => loadConfig(counted, { ...base, ...rest }, prefetched),
    openSnapshot: (commit, metadata) => new GitHubSnapshot(counted, { ...base, commit, metadata }),
    checkRuns: {
      start: (headSha, now, externalId) =>
        startCheckRun(counted, { ...base, headSha, now, ...(externalId === undefined ? {} : { externalId }) }),
      complete: (checkRunId, rendered, now, log) =>
        completeCheckRun(counted, { ...base, checkRunId, rendered, now, ...(log === undefined ? {} : { log }) }),
      publish: async (headSha, rendered, startedAt, now, log) =>
        (
          await createCompletedCheckRun(counted, {
            ...base,
            headSha,
            rendered,
            startedAt,
            now,
            ...(log === undefined ? {} : { log }),
          })
        ).checkRunId,
      findStale: (headSha, startedBefore, externalId) =>
        findStaleCheckRuns(counted, {
          ...base,
          headSha,
          startedBefore,
          ...(externalId === undefined ? {} : { externalId }),
          ...(options.appId === undefined ? {} : { appId: options.appId }),
        }),
    },
    head: () => fetchRepositoryHead(counted, target.owner, target.repo),
    async pullRequestHead(pullNumber) {
      const response = await counted.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
        ...base,
        pull_number: pullNumber,
      });
      return (response.data as { head: { sha: string } }).head.sha;
    },
    async permissionOf(username) {
      const response = await counted.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
        ...base,
        username,
      });
      return (response.data as { permission: string }).permission;
    },
    async reactToComment(commentId, content) {
      await counted.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
        ...base,
        comment_id: commentId,
        content,
      });
    },
    issues: createGitHubIssuesClient(counted, base),
  };
}
