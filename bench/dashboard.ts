// Benchmark: time to serve the dashboard's organisation table (first page, and a filtered and
// sorted page), the CSV export and one repository page, for organisations of 1,000 and 10,000
// repositories, from the App's store (embedded PGlite, as `npm start` uses), from the store behind
// the App's few-second cache of summaries, and from memory (the rendering alone). Run with
// `npm run bench:dashboard`; BENCH_RUNS sets the requests per figure, BENCH_WARMUP the untimed
// ones before them, BENCH_SIZES the organisation sizes.
import { performance } from "node:perf_hooks";
import { openDatabase } from "../src/store/database.js";
import { migrate } from "../src/store/migrate.js";
import { ReportStore } from "../src/store/report-store.js";
import { StoreDashboardSource } from "../src/dashboard/store-dashboard-source.js";
import { CachedDashboardSource } from "../src/dashboard/cached-dashboard-source.js";
import {
  fillStore,
  generateOrganization,
  serveDashboard,
  serveSource,
  type ServedDashboard,
} from "../test/helpers/dashboard-fixture.js";

const RUNS = Number(process.env["BENCH_RUNS"] ?? 30);
/**
 * Requests before the timed ones: a running App's dashboard is warm (JIT, and PGlite's WebAssembly
 * tiered up from its baseline compiler, which takes a few queries).
 */
const WARMUP = Number(process.env["BENCH_WARMUP"] ?? 5);
const SIZES = (process.env["BENCH_SIZES"] ?? "1000,10000").split(",").map(Number);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time(url: string): Promise<{ median: number; max: number; bytes: number }> {
  const durations: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS + WARMUP; run += 1) {
    const started = performance.now();
    const response = await fetch(url);
    const body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    if (run >= WARMUP) durations.push(performance.now() - started);
    bytes = body.byteLength;
  }
  return { median: median(durations), max: Math.max(...durations), bytes };
}

console.log(`| source | repositories | page | median ms | max ms | bytes |`);
console.log(`| --- | ---: | --- | ---: | ---: | ---: |`);
for (const size of SIZES) {
  const entries = generateOrganization("acme", size);
  const database = await openDatabase({ dataDir: "memory://" });
  await migrate(database);
  const filling = performance.now();
  await fillStore(new ReportStore(database), entries);
  console.error(`store filled with ${size} repositories in ${((performance.now() - filling) / 1000).toFixed(1)} s`);
  await measure("store (PGlite)", size, await serveSource(new StoreDashboardSource(database)));
  // As the App serves it: the organisation's summaries kept for SUMMARY_TTL_MS, so the timed
  // requests after the first are the clicks of someone browsing the table.
  await measure("store, kept", size, await serveSource(new CachedDashboardSource(new StoreDashboardSource(database))));
  await database.close();
  await measure("memory", size, await serveDashboard(entries));
}

async function measure(label: string, size: number, dashboard: ServedDashboard): Promise<void> {
  const pages: [string, string][] = [
    ["table, first page", "/dpg/orgs/acme"],
    ["table, filtered + sorted", "/dpg/orgs/acme?row-2=fail&license=MIT&sort=met&dir=desc&page=2"],
    ["CSV export, all rows", "/dpg/orgs/acme/export.csv"],
    ["repository page", "/dpg/repos/acme/repo-0001"],
  ];
  for (const [page, path] of pages) {
    const figures = await time(`${dashboard.url}${path}`);
    console.log(
      `| ${label} | ${size} | ${page} | ${figures.median.toFixed(1)} | ${figures.max.toFixed(1)} | ${figures.bytes} |`,
    );
  }
  await dashboard.close();
}
