// Organisation-scale benchmark of the queued App on the fake-github emulator: generates an
// organisation, installs the App, kills and restarts it mid-run, sweeps unchanged repositories,
// and prints lost / duplicated / in-progress check runs, requests per repository, webhook reply
// times, throughput and App memory. See docs/benchmarks.md for how to run it.
//
//   FAKE_GITHUB=/tmp/fake-github npm run bench:org -- --repos 200 [--kill-after 60] [--faults 5xx]
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    repos: { type: "string", default: "200" },
    "kill-after": { type: "string", default: "0" },
    timeout: { type: "string", default: "1800" },
    replicas: { type: "string", default: "1" },
    // "5xx": one API request in ten answered 502, plus a secondary limit and a primary limit.
    faults: { type: "string", default: "none" },
  },
});
const FAULTS = values.faults;
if (FAULTS !== "none" && FAULTS !== "5xx") throw new Error('--faults is "none" or "5xx"');
const REPOS = Number(values.repos);
const KILL_AFTER_S = Number(values["kill-after"]);
const TIMEOUT_S = Number(values.timeout);
// Several replicas need DATABASE_URL (one PostgreSQL); each delivery goes to every replica.
const REPLICAS = Number(values.replicas);
if (REPLICAS > 1 && process.env.DATABASE_URL === undefined) throw new Error("--replicas needs DATABASE_URL");
const FAKE = process.env.FAKE_GITHUB;
if (FAKE === undefined) throw new Error("Set FAKE_GITHUB to a copy of the fake-github emulator with its npm ci done");
const SECRET = "bench-secret";

const work = mkdtempSync(join(tmpdir(), "dpg-bench-org-"));
const reposDir = join(work, "repos");
mkdirSync(reposDir);

// 1. An organisation: every tenth repository archived (not eligible), the rest small projects.
let eligible = 0;
for (let index = 0; index < REPOS; index++) {
  const dir = join(reposDir, `acme__tool-${index}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "README.md"), `# Tool ${index}\n\nA tool for community health workers.\n`);
  writeFileSync(join(dir, "LICENSE"), `MIT License\n\nCopyright (c) 2024 Acme ${index}\n`);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `tool-${index}`, license: "MIT" }));
  const archived = index % 10 === 9;
  if (archived) writeFileSync(join(reposDir, `acme__tool-${index}.json`), JSON.stringify({ archived: true }));
  else eligible += 1;
}

const children: ChildProcess[] = [];
function start(command: string, args: string[], env: Record<string, string>, cwd?: string): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, cwd, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return child;
}
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const end = buffer.indexOf("\n");
      if (end >= 0) resolve(buffer.slice(0, end));
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
  });
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// 2. The emulator, with faults when asked: the emulator's rules have no probability, so one rule
//    per tenth request (rule k lets 9k matching requests through, then fails one: the earlier
//    rules take every tenth), a secondary limit after 400 requests (10 s) and one primary-limit
//    refusal (reset 20 s later) after 1,500. Token requests are never faulted.
const faultArgs: string[] = [];
if (FAULTS === "5xx") {
  const api = "^/api/(graphql|v3/(?!app/installations/[0-9]+/access_tokens))";
  const rules: unknown[] = Array.from({ length: Math.ceil((REPOS * 8) / 10) }, (_, index) => ({
    match: { pathRegex: api },
    skip: 9 * (index + 1),
    times: 1,
    status: 502,
    body: { message: "Server Error" },
  }));
  rules.unshift({
    match: { pathRegex: api },
    skip: 1500,
    times: 1,
    status: 403,
    headers: {
      "x-ratelimit-remaining": "0",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 20),
    },
    body: { message: "API rate limit exceeded for installation ID 1." },
  });
  writeFileSync(
    join(work, "faults.json"),
    JSON.stringify({ rules, rateLimit: { mode: "secondary", after: 400, retryAfter: 10, times: 5, pathRegex: api } }),
  );
  faultArgs.push("--faults", join(work, "faults.json"));
}
const fake = start(
  "node",
  [join(FAKE, "server.mjs"), "--port", "0", "--repos", reposDir, "--fresh", "--preload", ...faultArgs],
  {},
);
const { port: fakePort } = JSON.parse(await firstLine(fake)) as { port: number };
const api = `http://127.0.0.1:${fakePort}`;

// 3. The App, built, with its data folder (PGlite) or DATABASE_URL.
const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" });
writeFileSync(join(work, "key.pem"), key);
const basePort = 30000 + Math.floor(Math.random() * 20000);
const appPorts = Array.from({ length: REPLICAS }, (_, index) => basePort + index);
const appEnv: Record<string, string> = {
  GHE_HOST: `127.0.0.1:${fakePort}`,
  GHE_PROTOCOL: "http",
  APP_ID: "1",
  PRIVATE_KEY_PATH: join(work, "key.pem"),
  WEBHOOK_SECRET: SECRET,
  HOST: "127.0.0.1",
  DATA_DIR: join(work, "data"),
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
  SCREEN_BUDGET_SECONDS: process.env.SCREEN_BUDGET_SECONDS ?? "120",
};
const apps: (ChildProcess | undefined)[] = [];
const rss: number[] = [];
const load: number[] = [];
async function startApp(replica: number): Promise<void> {
  const appPort = appPorts[replica] ?? basePort;
  const started = start(
    "node",
    // The App's own server, as `npm start` and the Docker image run it.
    ["lib/app/main.js"],
    { ...appEnv, PORT: String(appPort) },
    process.cwd(),
  );
  apps[replica] = started;
  const logFile = process.env.BENCH_APP_LOG;
  const sink = (chunk: Buffer) => {
    if (logFile !== undefined) writeFileSync(logFile, chunk, { flag: "a" });
  };
  started.stdout?.on("data", sink);
  started.stderr?.on("data", sink);
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${appPort}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error("the App did not start");
}
// BENCH_RSS_TRACE=FILE: one line a sample (seconds, RSS, then the three mappings with the most
// resident memory as RSS/size in MB: PGlite's WebAssembly memory is one of them), to see what grows.
const RSS_TRACE = process.env.BENCH_RSS_TRACE;
const traceStart = Date.now();
function traceMemory(pid: number, rssMb: number): void {
  const mappings: { size: number; rss: number }[] = [];
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const field = /^(Size|Rss):\s+(\d+) kB/.exec(line);
    if (field?.[1] === "Size") mappings.push({ size: Number(field[2]), rss: 0 });
    const last = mappings.at(-1);
    if (field?.[1] === "Rss" && last !== undefined) last.rss = Number(field[2]);
  }
  const top = mappings
    .sort((a, b) => b.rss - a.rss)
    .slice(0, 3)
    .map((mapping) => `${Math.round(mapping.rss / 1024)}/${Math.round(mapping.size / 1024)}`);
  const seconds = Math.round((Date.now() - traceStart) / 1000);
  writeFileSync(RSS_TRACE ?? "", `${seconds} ${Math.round(rssMb)} ${top.join(" ")}\n`, { flag: "a" });
}
function sampleMemory(): void {
  load.push(loadavg()[0] ?? 0);
  try {
    for (const app of apps) {
      const status = readFileSync(`/proc/${app?.pid ?? 0}/status`, "utf8");
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      if (match !== null) rss.push(Number(match[1]) / 1024);
      if (match !== null && RSS_TRACE !== undefined) traceMemory(app?.pid ?? 0, Number(match[1]) / 1024);
    }
  } catch {
    // the App is restarting
  }
}

async function deliver(event: string, body: Record<string, unknown>, id: string): Promise<number> {
  const payload = await (
    await fetch(`${api}/_payload`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event, ...body }),
    })
  ).text();
  const signature = `sha256=${createHmac("sha256", SECRET).update(payload).digest("hex")}`;
  const times = await Promise.all(
    appPorts.map(async (appPort) => {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${appPort}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": event,
          "x-github-delivery": id,
          "x-hub-signature-256": signature,
        },
        body: payload,
      });
      await response.text();
      if (!response.ok) throw new Error(`${event} webhook answered ${response.status}`);
      return performance.now() - started;
    }),
  );
  return Math.max(...times);
}

interface CheckRun {
  repo?: string;
  repository?: string;
  head_sha: string;
  status: string;
  id?: number;
  started_at?: string;
  completed_at?: string;
  output?: { title?: string };
}
/** The commits with more than one completed run, with those runs, to tell how they came about. */
const duplicates: Record<string, { id?: number; started?: string; completed?: string; title?: string }[]> = {};
async function tally(): Promise<{ completed: number; lost: number; duplicated: number; inProgress: number }> {
  const state = (await (await fetch(`${api}/_state`)).json()) as { check_runs?: CheckRun[]; checkRuns?: CheckRun[] };
  const repos = (await (await fetch(`${api}/_repos`)).json()) as { full_name: string; sha: string }[];
  const runs = state.check_runs ?? state.checkRuns ?? [];
  const byCommit = new Map<string, CheckRun[]>();
  for (const run of runs) byCommit.set(run.head_sha, [...(byCommit.get(run.head_sha) ?? []), run]);
  let completed = 0;
  let lost = 0;
  let duplicated = 0;
  let inProgress = 0;
  for (const repo of repos) {
    const index = Number(repo.full_name.split("-").at(-1));
    if (index % 10 === 9) continue;
    const own = byCommit.get(repo.sha) ?? [];
    const done = own.filter((run) => run.status === "completed").length;
    if (done === 0) lost += 1;
    if (done === 1) completed += 1;
    if (done > 1) {
      duplicated += 1;
      duplicates[repo.full_name] = own.map((run) => ({
        ...(run.id === undefined ? {} : { id: run.id }),
        ...(run.started_at === undefined ? {} : { started: run.started_at }),
        ...(run.completed_at === undefined ? {} : { completed: run.completed_at }),
        ...(run.output?.title === undefined ? {} : { title: run.output.title }),
      }));
    }
    inProgress += own.filter((run) => run.status !== "completed").length;
  }
  return { completed, lost, duplicated, inProgress };
}
const requestKinds: Record<string, number> = {};
let keptLogs = 0;
async function requestCount(): Promise<number> {
  const requests = (await (await fetch(`${api}/_requests?limit=1000000`)).json()) as {
    method: string;
    path: string;
  }[];
  // BENCH_REQUEST_LOG=FILE keeps the emulator's log of the install (times, paths) for reading.
  const keep = process.env.BENCH_REQUEST_LOG;
  if (keep !== undefined && keep !== "") writeFileSync(`${keep}.${(keptLogs += 1)}`, JSON.stringify(requests));
  // Token requests are auth, not work on a repository.
  const counted = requests.filter((request) => !/access_tokens/.test(request.path));
  for (const key of Object.keys(requestKinds)) delete requestKinds[key];
  for (const request of counted) {
    const kind = `${request.method} ${request.path
      .replace(/^\/api(\/v3)?/, "")
      .replace(/\/repos\/[^/]+\/[^/]+/, "/repos/:o/:r")
      .replace(/[0-9a-f]{40}/, ":sha")
      .replace(/\/contents\/.*/, "/contents/:path")
      .replace(/\/\d+$/, "/:id")}`;
    requestKinds[kind] = (requestKinds[kind] ?? 0) + 1;
  }
  return counted.length;
}

try {
  for (let replica = 0; replica < REPLICAS; replica++) await startApp(replica);
  await fetch(`${api}/_requests`, { method: "DELETE" });
  sampleMemory();
  const idleRss = rss[0] ?? 0;
  const memoryTimer = setInterval(sampleMemory, 1000);

  // 4. Install: one webhook; then wait for every eligible repository's check run.
  const installStarted = Date.now();
  const installReply = await deliver("installation", { action: "created" }, "install-1");
  let killed = false;
  let final = await tally();
  while (final.completed + final.duplicated < eligible && Date.now() - installStarted < TIMEOUT_S * 1000) {
    await sleep(2000);
    if (!killed && KILL_AFTER_S > 0 && Date.now() - installStarted > KILL_AFTER_S * 1000) {
      killed = true;
      const running = apps[0];
      if (running !== undefined) {
        const exited = new Promise((resolve) => running.once("exit", resolve));
        running.kill("SIGKILL");
        await exited;
      }
      await startApp(0);
    }
    final = await tally();
  }
  const installSeconds = (Date.now() - installStarted) / 1000;
  const installRequests = await requestCount();
  const installRequestKinds = { ...requestKinds };

  // 5. Webhook replies: pushes to 50 repositories (their heads are unchanged, so each job ends
  //    at the store without screening) while the App is otherwise idle.
  const replies: number[] = [];
  for (let index = 0; index < Math.min(50, REPOS); index++) {
    replies.push(await deliver("push", { repos: [`acme__tool-${index}`] }, `push-${index}`));
  }
  replies.sort((a, b) => a - b);

  // 6. A sweep over unchanged repositories (another installation event asks for one), once the
  //    push jobs are done (no request to the emulator for 5 s).
  for (let last = -1, now = await requestCount(); now !== last; last = now, now = await requestCount())
    await sleep(5000);
  await fetch(`${api}/_requests`, { method: "DELETE" });
  await deliver("installation", { action: "created" }, "install-2");
  await sleep(15_000);
  const sweepRequests = await requestCount();
  clearInterval(memoryTimer);

  const after = await tally();
  const p = (q: number) => replies[Math.min(replies.length - 1, Math.floor(q * replies.length))] ?? 0;
  console.log(
    JSON.stringify(
      {
        repositories: REPOS,
        replicas: REPLICAS,
        eligible,
        killedAndRestarted: killed,
        checkRuns: {
          completedOnce: after.completed,
          lost: after.lost,
          duplicated: after.duplicated,
          inProgress: after.inProgress,
        },
        installSeconds: Math.round(installSeconds),
        throughputPerMinute: Math.round((eligible / installSeconds) * 60),
        installWebhookReplyMs: Math.round(installReply),
        requestsPerRepositoryInstall: Number((installRequests / REPOS).toFixed(2)),
        requestsPerEligibleRepositoryInstall: Number((installRequests / eligible).toFixed(2)),
        installRequestKinds,
        requestsPerRepositorySweepUnchanged: Number((sweepRequests / REPOS).toFixed(3)),
        pushReplyMs: { p50: Math.round(p(0.5)), p99: Math.round(p(0.99)), max: Math.round(replies.at(-1) ?? 0) },
        appRssMb: { idle: Math.round(idleRss), max: Math.round(Math.max(...rss)), samples: rss.length },
        faults: FAULTS,
        duplicates,
        loadAverage1m: {
          min: Number(Math.min(...load).toFixed(1)),
          max: Number(Math.max(...load).toFixed(1)),
          mean: Number((load.reduce((sum, value) => sum + value, 0) / Math.max(1, load.length)).toFixed(1)),
        },
      },
      null,
      2,
    ),
  );
} finally {
  for (const child of children) child.kill("SIGTERM");
  await sleep(500);
  rmSync(work, { recursive: true, force: true });
}
