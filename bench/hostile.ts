// Benchmark: the hostile-input cases, each built in a temporary folder and screened by the real
// CLI (bin/dpg-screener.js, built lib/) as a separate process: wall time, peak memory (maxRSS),
// exit code, output size and the one finding that shows the outcome is honest.
// Run with `npm run bench:hostile` (builds first). Set BENCH_CASES=name,name to run some cases.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, "..", "bin", "dpg-screener.js");
const rssReporter = join(tmpdir(), "dpg-bench-rss.cjs");
writeFileSync(
  rssReporter,
  "process.on('exit', () => process.stderr.write('\\nBENCH_MAX_RSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n",
);

/** Asks GET /ping every 100 ms and prints each answer's time in ms, until killed. */
const PINGER = `
const url = "http://127.0.0.1:" + process.argv[1] + "/ping";
for (;;) {
  const started = performance.now();
  await fetch(url).then((response) => response.text());
  process.stdout.write((performance.now() - started).toFixed(1) + "\\n");
  await new Promise((resolve) => setTimeout(resolve, 100));
}`;

type Files = Record<string, string>;
interface Case {
  name: string;
  build: (root: string) => void;
  /** What the report must say for the outcome to be honest (checked on the JSON output). */
  honest: (report: Report) => string | true;
  format?: string;
}
interface Report {
  results: { indicator: string; outcome: string; summary: string; evidence: { note: string }[] }[];
  declaration: { problems: unknown[] };
}

const write = (root: string, files: Files) => {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
};
const row = (report: Report, id: string) => report.results.find((result) => result.indicator === id);
const keys = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}: value`).join("\n");
const dependencies = (count: number) =>
  JSON.stringify({
    name: "big",
    license: "MIT",
    dependencies: Object.fromEntries(Array.from({ length: count }, (_, index) => [`dep-${index}`, "^1.0.0"])),
  });
const LICENSE = "MIT License\n\nCopyright (c) 2024 Example\n";
const KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7b9f\n-----END RSA PRIVATE KEY-----\n";

const CASES: Case[] = [
  {
    name: "readme-500k-blank-lines",
    build: (root) => write(root, { LICENSE, "README.md": "\n".repeat(500_000) }),
    honest: (report) => row(report, "1")?.outcome === "review" || "row 1 not review",
  },
  {
    name: "readme-80k-blank-lines-and-tables",
    build: (root) => write(root, { LICENSE, "README.md": "\n \n| a |\n".repeat(40_000) }),
    honest: (report) => row(report, "1")?.outcome === "review" || "row 1 not review",
  },
  {
    name: "readme-unclosed-fences-backticks-tags",
    build: (root) => write(root, { LICENSE, "README.md": "```\n`<a\n~~~\n".repeat(40_000) }),
    honest: (report) => row(report, "5") !== undefined || "no row 5",
  },
  {
    name: "declaration-55k-keys",
    build: (root) => write(root, { LICENSE, "README.md": "# x\n", ".github/dpg.yml": keys(55_000, "k") }),
    honest: (report) => report.declaration.problems.length <= 51 || "problems not capped",
  },
  {
    name: "declaration-10k-unknown-keys",
    build: (root) => write(root, { LICENSE, "README.md": "# x\n", ".github/dpg.yml": keys(10_000, "unknown") }),
    honest: (report) => report.declaration.problems.length === 51 || "problems not capped",
  },
  {
    name: "declaration-200kb-key",
    build: (root) => write(root, { LICENSE, "README.md": "# x\n", ".github/dpg.yml": `${"k".repeat(200_000)}: 1\n` }),
    honest: (report) => report.declaration.problems.length === 1 || "expected one problem",
  },
  {
    name: "readme-200mb-sparse",
    build: (root) => {
      write(root, { LICENSE, "README.md": "" });
      truncateSync(join(root, "README.md"), 200 * 1024 * 1024);
    },
    honest: (report) => /was not read/.test(row(report, "1")?.summary ?? "") || "row 1 does not say it was not read",
  },
  {
    name: "readme-symlink-dev-zero",
    build: (root) => {
      write(root, { LICENSE });
      symlinkSync("/dev/zero", join(root, "README.md"));
    },
    honest: (report) => row(report, "5")?.outcome === "review" || `row 5 is ${row(report, "5")?.outcome}`,
  },
  {
    name: "package-json-30k-dependencies",
    build: (root) => write(root, { LICENSE, "README.md": "# x\n", "package.json": dependencies(30_000) }),
    honest: (report) => row(report, "4") !== undefined || "no row 4",
  },
  {
    name: "five-package-json-30k-dependencies",
    build: (root) => {
      const files: Files = { LICENSE, "README.md": "# x\n" };
      for (let index = 0; index < 5; index += 1) files[`pkg${index}/package.json`] = dependencies(30_000);
      write(root, files);
    },
    honest: (report) => row(report, "4") !== undefined || "no row 4",
  },
  {
    name: "requirements-2.4mb",
    build: (root) =>
      write(root, {
        LICENSE,
        "README.md": "# x\n",
        "requirements.txt": Array.from({ length: 120_000 }, (_, index) => `package-${index}==1.0.${index}`).join("\n"),
      }),
    honest: (report) => row(report, "4")?.outcome !== "pass" || "row 4 passes on an unread manifest",
  },
  {
    name: "key-behind-25-decoy-pems",
    build: (root) => {
      const files: Files = { LICENSE, "README.md": "# x\n", "certs/zz-server.pem": KEY };
      for (let index = 0; index < 25; index += 1) files[`certs/a${index}.pem`] = "-----BEGIN CERTIFICATE-----\n";
      write(root, files);
    },
    honest: (report) => row(report, "9a")?.outcome === "fail" || "key not found",
  },
  {
    name: "100-source-files-of-500kb",
    build: (root) => {
      const files: Files = { LICENSE, "README.md": "# x\n" };
      const line = `const token = "${"a1B2".repeat(20)}"; // password secret token api_key\n`;
      const body = line.repeat(Math.floor((500 * 1024) / line.length));
      for (let index = 0; index < 100; index += 1) files[`src/f${index}.js`] = body;
      write(root, files);
    },
    honest: (report) => row(report, "9a") !== undefined || "no row 9a",
  },
  {
    name: "minified-512kb-line",
    build: (root) => write(root, { LICENSE, "README.md": "# x\n", "app.js": `var a="${"password=".repeat(56_000)}";` }),
    honest: (report) => row(report, "9a") !== undefined || "no row 9a",
  },
  {
    name: "github-token-on-sdg-readme-line",
    build: (root) =>
      write(root, {
        LICENSE,
        "README.md": `# Clinic\nWe serve SDG 3 clinics; token ghp_R8x2Kq7Lm4Np9Ts1Vw6Yz3Bc5Df0Gh2Jk8Mn for the CI\n`,
      }),
    honest: (report) => !JSON.stringify(report).includes("ghp_R8x2") || "token quoted",
  },
  {
    name: "20k-files-one-early-folder",
    build: (root) => {
      write(root, { LICENSE, "README.md": "# x\n" });
      mkdirSync(join(root, "AAA"));
      for (let index = 0; index < 20_000; index += 1) writeFileSync(join(root, "AAA", `f${index}.txt`), "x");
    },
    honest: (report) => row(report, "5")?.outcome !== "fail" || "README lost",
  },
];

const only = process.env["BENCH_CASES"]?.split(",");
const lines = [
  "| Case | Time (s) | Peak memory (MB) | Exit | Output (KB) | Honest outcome |",
  "| --- | ---: | ---: | ---: | ---: | --- |",
];
let worstTime = 0;
let worstMemory = 0;
for (const bench of CASES) {
  if (only !== undefined && !only.includes(bench.name)) continue;
  const root = mkdtempSync(join(tmpdir(), "dpg-hostile-"));
  try {
    bench.build(root);
    const started = performance.now();
    const run = spawnSync(process.execPath, ["--require", rssReporter, bin, "screen", root, "--format", "json"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - started) / 1000;
    const rss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
    let honest: string | true;
    try {
      honest = bench.honest(JSON.parse(run.stdout) as Report);
    } catch (error) {
      honest = `no JSON report (${error instanceof Error ? error.message : String(error)}; ${run.stderr.slice(0, 200)})`;
    }
    worstTime = Math.max(worstTime, seconds);
    worstMemory = Math.max(worstMemory, rss);
    lines.push(
      `| ${bench.name} | ${seconds.toFixed(2)} | ${rss.toFixed(0)} | ${run.status ?? "signal"} | ${(Buffer.byteLength(run.stdout) / 1024).toFixed(0)} | ${honest === true ? "yes" : `**no: ${honest}**`} |`,
    );
    process.stderr.write(`${lines[lines.length - 1]}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
process.stdout.write(`${lines.join("\n")}\n\nWorst: ${worstTime.toFixed(2)} s, ${worstMemory.toFixed(0)} MB.\n`);

// The App's side: each case screened by the App's own worker pool (lib/worker/screen-pool.js, one
// thread, as the queue runs it) while this process, like the App's main thread, answers GET /ping
// on a real HTTP server. A second process asks every 100 ms; the figure is the slowest answer.
if (process.env["BENCH_PING"] !== "0") {
  const { ScreenPool } = (await import(join(here, "..", "lib", "worker", "screen-pool.js"))) as {
    ScreenPool: new (options: { threads: number }) => {
      screen(snapshot: unknown, tool: { name: string; version: string }): Promise<unknown>;
      close(): Promise<void>;
    };
  };
  const { LocalSnapshot } = (await import(join(here, "..", "lib", "snapshot", "local-snapshot.js"))) as {
    LocalSnapshot: { open(root: string): Promise<unknown> };
  };
  const server = createServer((request, response) => {
    if (request.url === "/ping") response.writeHead(200).end("PONG");
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const pool = new ScreenPool({ threads: 1 });
  // One screen first, so that the thread's start-up (once per App process) is not in the figures.
  const warm = mkdtempSync(join(tmpdir(), "dpg-hostile-"));
  write(warm, { LICENSE, "README.md": "# Warm-up\n" });
  await pool.screen(await LocalSnapshot.open(warm), { name: "bench", version: "0" });
  rmSync(warm, { recursive: true, force: true });
  const pingLines = ["| Case | Screen (s) | /ping answers | slowest /ping (ms) |", "| --- | ---: | ---: | ---: |"];
  let worstPing = 0;
  for (const bench of CASES) {
    if (only !== undefined && !only.includes(bench.name)) continue;
    const root = mkdtempSync(join(tmpdir(), "dpg-hostile-"));
    try {
      bench.build(root);
      const pinger = spawn(process.execPath, ["--input-type=module", "-e", PINGER, String(port)], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      let pings = "";
      const answering = new Promise<void>((resolve) =>
        pinger.stdout.setEncoding("utf8").on("data", (chunk: string) => {
          pings += chunk;
          resolve();
        }),
      );
      // The pinger is answered once before the screen starts, so every screen is covered.
      await answering;
      pings = "";
      const started = performance.now();
      await pool.screen(await LocalSnapshot.open(root), { name: "bench", version: "0" });
      const seconds = (performance.now() - started) / 1000;
      pinger.kill("SIGTERM");
      await new Promise((resolve) => pinger.once("exit", resolve));
      const latencies = pings.split("\n").filter(Boolean).map(Number);
      const slowest = Math.max(0, ...latencies);
      worstPing = Math.max(worstPing, slowest);
      pingLines.push(`| ${bench.name} | ${seconds.toFixed(2)} | ${latencies.length} | ${slowest.toFixed(0)} |`);
      process.stderr.write(`${pingLines[pingLines.length - 1]}\n`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  await pool.close();
  server.close();
  process.stdout.write(`\n${pingLines.join("\n")}\n\nSlowest /ping: ${worstPing.toFixed(0)} ms.\n`);
}
