// An installation on a fake GitHub, in memory, behind the App's InstallationGitHub interface:
// config files as text, repositories as memory snapshots, check runs and issues recorded. The
// pipeline runs on it without HTTP, which is what a host-neutral pipeline means.
import type { RepositoryHead } from "../../src/snapshot/fetch-repository-head.js";
import type { InstallationGitHub } from "../../src/github/installation-github.js";
import type { RepositoryGitHub } from "../../src/github/repository-github.js";
import type { RenderedCheckRun } from "../../src/reporters/check-run.js";
import { resolveConfig } from "../../src/declaration/resolve-config.js";
import { MemorySnapshot, type MemoryFiles } from "../../src/snapshot/memory-snapshot.js";
import { FakeIssuesClient } from "./fake-issues-client.js";

export interface FakeCheckRun {
  repository: string;
  headSha: string;
  rendered?: RenderedCheckRun;
}

export class FakeInstallationGitHub implements InstallationGitHub {
  readonly installationId = 1;
  /** Default-branch config files by "owner/repo:path". */
  readonly configFiles = new Map<string, string>();
  /** Files of each repository by "owner/repo" (every commit reads the same files). */
  readonly repositories = new Map<string, MemoryFiles>();
  readonly checkRuns: FakeCheckRun[] = [];
  readonly issues = new Map<string, FakeIssuesClient>();
  /** Config loads, one per screen that got that far. */
  configLoads = 0;

  async listRepositories() {
    return [...this.repositories.keys()].map((full_name) => ({ full_name }));
  }

  repository(owner: string, repo: string): RepositoryGitHub {
    const name = `${owner}/${repo}`;
    const issues = this.issues.get(name) ?? new FakeIssuesClient();
    this.issues.set(name, issues);
    return {
      owner,
      repo,
      requestCount: 0,
      loadConfig: async (options = {}) => {
        this.configLoads += 1;
        return resolveConfig({ owner, repo, ...options }, (file) => {
          const text = this.configFiles.get(`${file.owner}/${file.repo}:${file.path}`);
          return text === undefined ? { kind: "missing" } : { kind: "text", text };
        });
      },
      openSnapshot: (commit, metadata) =>
        new MemorySnapshot(this.repositories.get(name) ?? {}, { ...metadata, fullName: name, commit }),
      checkRuns: {
        start: async (headSha) => this.checkRuns.push({ repository: name, headSha }),
        complete: async (checkRunId, rendered) => {
          const run = this.checkRuns[checkRunId - 1];
          if (run !== undefined) run.rendered = rendered;
          return 1;
        },
        publish: async (headSha, rendered) => this.checkRuns.push({ repository: name, headSha, rendered }),
        findStale: async () => [],
      },
      head: async (): Promise<RepositoryHead> => ({
        owner,
        repo,
        commit: "f".repeat(40),
        metadata: { fullName: name },
      }),
      pullRequestHead: async () => "e".repeat(40),
      permissionOf: async () => "write",
      reactToComment: async () => undefined,
      issues,
    };
  }
}
