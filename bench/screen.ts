// Benchmark: GitHub requests and time per App screen of a typical repository, GitHub mocked
// (nock through test/helpers/github-mock.ts). Run with `npm run bench:screen`.
import { performance } from "node:perf_hooks";
import { Octokit } from "@octokit/rest";
import { runScreen } from "../src/app/run-screen.js";
import { createRepositoryGitHub } from "../src/github/repository-github.js";
import { pino } from "pino";
import { createGitHubMock } from "../test/helpers/github-mock.js";
import { blobsOf, DECLARATION, HEAD_SHA, treeOf, typicalFiles } from "../test/helpers/typical-repository.js";

const RUNS = Number(process.env["BENCH_RUNS"] ?? 50);
const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const files = typicalFiles();
const lines: Record<string, unknown>[] = [];
const log = pino(
  { level: "info" },
  { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
);

const durations: number[] = [];
let requests = { total: 0, reads: 0 };
for (let run = 0; run < RUNS; run += 1) {
  const github = createGitHubMock();
  github.configFile("octo-org", "demo", DECLARATION);
  github.createCheckRun("octo-org", "demo", 1);
  github.tree("octo-org", "demo", HEAD_SHA, treeOf(files));
  github.blobs(blobsOf(files));
  github.updateCheckRun("octo-org", "demo", 1);
  const started = performance.now();
  const result = await runScreen(
    {
      owner: "octo-org",
      repo: "demo",
      headSha: HEAD_SHA,
      metadata: { fullName: "octo-org/demo", url: "https://github.com/octo-org/demo", defaultBranch: "main" },
      trigger: "bench",
    },
    {
      github: createRepositoryGitHub(new Octokit({ auth: "bench-token", log: QUIET }), {
        owner: "octo-org",
        repo: "demo",
      }),
      log,
      tool: { name: "dpg-screener", version: "bench" },
      now: () => new Date(),
    },
  );
  durations.push(performance.now() - started);
  if (result.status !== "screened") throw new Error(`screen ${result.status}`);
  const total = Number(lines.at(-1)?.["githubRequests"]);
  requests = {
    total,
    reads: total - github.bodies("POST", /check-runs$/).length - github.bodies("PATCH", /check-runs/).length,
  };
  github.verify();
}
durations.sort((a, b) => a - b);
const median = durations[Math.floor(durations.length / 2)] ?? 0;
const p95 = durations[Math.floor(durations.length * 0.95)] ?? 0;
console.log(`Typical repository: ${Object.keys(files).length} files in the tree, ${RUNS} screens.`);
console.log(
  `GitHub requests per screen: ${requests.total} (${requests.reads} reads: config 1, tree 1, GraphQL 1; 2 check-run writes)`,
);
console.log(
  `Time per screen (GitHub mocked): median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (warm-up included)`,
);
