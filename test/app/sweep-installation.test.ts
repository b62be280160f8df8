import { Octokit } from "@octokit/rest";
import { sweepInstallation, type JobRuntime } from "../../src/app/screen-jobs.js";
import { createInstallationGitHub, MAX_REPOSITORY_PAGES } from "../../src/github/installation-github.js";
import { MAX_PREFETCHED_CONFIG_BYTES } from "../../src/github/fetch-repository-heads.js";
import type { ScreenJob } from "../../src/queue/screen-job.js";
import type { GitHubClient } from "../../src/snapshot/github-client.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";

const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const ORG_CONFIG = "issues:\n  mode: tracking\n";
const OWN_CONFIG = "name: Tool one\n";

let github: GitHubMock;
beforeEach(() => {
  github = createGitHubMock();
});
afterEach(() => github.verify());

interface FakeRepository {
  commit: string;
  archived?: boolean;
  /** The repository's own .github/dpg.yml: text, a byte size only (too large to carry), or none. */
  config?: string | { byteSize: number };
}

/** Answers the sweep's batched GraphQL queries from `repositories` ("owner/name" → head). */
function answerHeads(repositories: Record<string, FakeRepository | undefined>, queries: number): void {
  github.reply(
    "POST",
    "/graphql",
    200,
    (body: unknown) => {
      const query = (body as { query: string }).query;
      const data: Record<string, unknown> = {};
      const errors: unknown[] = [];
      for (const match of query.matchAll(/(r\d+): repository\(owner: "([^"]+)", name: "([^"]+)"\)/g)) {
        const [, alias = "", owner = "", name = ""] = match;
        const repository = repositories[`${owner}/${name}`];
        if (repository === undefined) {
          data[alias] = null;
          errors.push({ type: "NOT_FOUND", path: [alias], message: "Could not resolve to a Repository" });
          continue;
        }
        const config = repository.config;
        data[alias] = {
          name,
          nameWithOwner: `${owner}/${name}`,
          url: `https://github.com/${owner}/${name}`,
          isArchived: repository.archived ?? false,
          isFork: false,
          isPrivate: false,
          hasIssuesEnabled: true,
          owner: { __typename: "Organization" },
          defaultBranchRef: { name: "main", target: { oid: repository.commit } },
          config:
            config === undefined
              ? null
              : typeof config === "string"
                ? {
                    __typename: "Blob",
                    oid: `oid-${name}`,
                    text: config,
                    byteSize: Buffer.byteLength(config),
                    isBinary: false,
                    isTruncated: false,
                  }
                : {
                    __typename: "Blob",
                    oid: `oid-${name}`,
                    text: "x".repeat(10),
                    byteSize: config.byteSize,
                    isBinary: false,
                    isTruncated: false,
                  },
        };
      }
      return errors.length === 0 ? { data } : { data, errors };
    },
    { times: queries },
  );
}

function runtime(screened: Record<string, string> = {}) {
  const client = new Octokit({ auth: "token", log: QUIET }) as unknown as GitHubClient;
  const enqueued: ScreenJob[] = [];
  const heads: string[] = [];
  const logs: string[] = [];
  const value = {
    installation: async () => ({ github: createInstallationGitHub(client, 7), client }),
    jobs: {
      store: {
        findScreen: async (repository: string, commit: string) =>
          screened[`${repository}@${commit}`] === undefined
            ? undefined
            : { configKey: screened[`${repository}@${commit}`], configFingerprint: "f" },
        noteHead: async (_installation: number, repository: string, commit: string) => {
          heads.push(`${repository}@${commit}`);
        },
      },
      queue: {
        enqueue: async (job: ScreenJob) => {
          enqueued.push(job);
          return `job-${enqueued.length}`;
        },
      },
      metrics: { githubRequests: { inc: () => undefined } },
    },
    log: {
      info: (_fields: unknown, message: string) => logs.push(message),
      warn: (_fields: unknown, message: string) => logs.push(message),
      error: () => {},
    },
  } as unknown as Pick<JobRuntime, "installation" | "jobs" | "log">;
  return { value, enqueued, heads, logs };
}

test("one listing and two queries for the whole installation: the organisation's config once, every head with its own config; each job carries both reads and publishes its run once", async () => {
  github.listInstallationRepositories([
    { full_name: "acme/tool-1" },
    { full_name: "acme/tool-2" },
    { full_name: "acme/old", archived: true },
  ]);
  answerHeads(
    {
      "acme/.github": { commit: "c".repeat(40), config: ORG_CONFIG },
      "acme/tool-1": { commit: "1".repeat(40), config: OWN_CONFIG },
      "acme/tool-2": { commit: "2".repeat(40) },
    },
    2,
  );
  const sweep = runtime();
  const result = await sweepInstallation(7, sweep.value, "installation");

  expect(result).toEqual({ listed: 2, enqueued: 2, unchanged: 0 });
  expect(sweep.heads).toEqual([`acme/tool-1@${"1".repeat(40)}`, `acme/tool-2@${"2".repeat(40)}`]);
  const [first, second] = sweep.enqueued;
  expect(first).toMatchObject({
    owner: "acme",
    repo: "tool-1",
    headSha: "1".repeat(40),
    trigger: "installation",
    defaultBranch: true,
    publishOnce: true,
    configFiles: {
      "acme/tool-1/.github/dpg.yml": { kind: "text", text: OWN_CONFIG },
      "acme/.github/.github/dpg.yml": { kind: "text", text: ORG_CONFIG },
    },
  });
  expect(second?.configFiles).toEqual({
    "acme/tool-2/.github/dpg.yml": { kind: "missing" },
    "acme/.github/.github/dpg.yml": { kind: "text", text: ORG_CONFIG },
  });
  // Different configs make different keys, so a changed config is a new job.
  expect(first?.configKey).not.toEqual(second?.configKey);
  expect(sweep.logs).toContain("installation 7: 2 repositories, 2 queued, 0 unchanged");
});

test("a repository screened at its head with the same config is left alone; without a .github repository the organisation's config reads as missing", async () => {
  github.listInstallationRepositories([{ full_name: "acme/tool-1" }, { full_name: "acme/tool-2" }]);
  answerHeads({ "acme/tool-1": { commit: "1".repeat(40) }, "acme/tool-2": { commit: "2".repeat(40) } }, 2);
  // First sweep: learn the config key tool-1 would be stored under.
  const first = runtime();
  await sweepInstallation(7, first.value, "sweep");
  const key = first.enqueued[0]?.configKey ?? "";
  expect(first.enqueued[0]?.configFiles).toEqual({
    "acme/tool-1/.github/dpg.yml": { kind: "missing" },
    "acme/.github/.github/dpg.yml": { kind: "missing" },
  });

  github.listInstallationRepositories([{ full_name: "acme/tool-1" }, { full_name: "acme/tool-2" }]);
  answerHeads({ "acme/tool-1": { commit: "1".repeat(40) }, "acme/tool-2": { commit: "2".repeat(40) } }, 2);
  const second = runtime({ [`acme/tool-1@${"1".repeat(40)}`]: key });
  expect(await sweepInstallation(7, second.value, "sweep")).toEqual({ listed: 2, enqueued: 1, unchanged: 1 });
  expect(second.enqueued.map((job) => job.repo)).toEqual(["tool-2"]);
});

test("a config too large to carry in a job is left for the job to read; one past the declaration cap is carried as too large", async () => {
  github.listInstallationRepositories([{ full_name: "acme/big" }, { full_name: "acme/huge" }]);
  answerHeads(
    {
      "acme/big": { commit: "b".repeat(40), config: { byteSize: MAX_PREFETCHED_CONFIG_BYTES + 1 } },
      "acme/huge": { commit: "h".repeat(40), config: { byteSize: 10 * 1024 * 1024 } },
    },
    2,
  );
  const sweep = runtime();
  await sweepInstallation(7, sweep.value, "sweep");
  expect(sweep.enqueued[0]?.configFiles).toEqual({ "acme/.github/.github/dpg.yml": { kind: "missing" } });
  expect(sweep.enqueued[1]?.configFiles?.["acme/huge/.github/dpg.yml"]).toEqual({
    kind: "too-large",
    bytes: 10 * 1024 * 1024,
  });
});

test("a listing GitHub had more pages of than the App reads is said in the log; the repositories listed are still swept", async () => {
  answerHeads({ "acme/tool-1": { commit: "1".repeat(40) } }, 2);
  const sweep = runtime();
  const listed = MAX_REPOSITORY_PAGES * 100;
  const { installation } = sweep.value;
  sweep.value.installation = async (id) => {
    const real = await installation(id);
    return {
      ...real,
      github: {
        ...real.github,
        listRepositories: async (onCapped) => {
          onCapped?.(listed);
          return [{ full_name: "acme/tool-1" }];
        },
      },
    };
  };
  expect(await sweepInstallation(7, sweep.value, "sweep")).toMatchObject({ listed: 1, enqueued: 1 });
  expect(sweep.logs).toContain(
    `installation 7: only the first ${listed} repositories were listed (GitHub's listing was read up to ${MAX_REPOSITORY_PAGES} pages); the others are not screened by this sweep`,
  );
});
