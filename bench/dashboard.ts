// Benchmark: time to serve the dashboard's organisation table (first page, and a filtered and
// sorted page) and one repository page, for organisations of 1,000 and 10,000 repositories, from
// the in-memory source. Run with `npm run bench:dashboard`; BENCH_RUNS sets the requests per figure.
import { performance } from "node:perf_hooks";
import { generateOrganization, serveDashboard } from "../test/helpers/dashboard-fixture.js";

const RUNS = Number(process.env["BENCH_RUNS"] ?? 30);
const SIZES = (process.env["BENCH_SIZES"] ?? "1000,10000").split(",").map(Number);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time(url: string): Promise<{ median: number; max: number; bytes: number }> {
  const durations: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS + 2; run += 1) {
    const started = performance.now();
    const response = await fetch(url);
    const body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    // The first two are warm-up (JIT, asset cache).
    if (run >= 2) durations.push(performance.now() - started);
    bytes = body.byteLength;
  }
  return { median: median(durations), max: Math.max(...durations), bytes };
}

console.log(`| repositories | page | median ms | max ms | bytes |`);
console.log(`| ---: | --- | ---: | ---: | ---: |`);
for (const size of SIZES) {
  const dashboard = await serveDashboard(generateOrganization("acme", size));
  const pages: [string, string][] = [
    ["table, first page", "/dpg/orgs/acme"],
    ["table, filtered + sorted", "/dpg/orgs/acme?row-2=fail&license=MIT&sort=met&dir=desc&page=2"],
    ["CSV export, all rows", "/dpg/orgs/acme/export.csv"],
    ["repository page", "/dpg/repos/acme/repo-0001"],
  ];
  for (const [label, path] of pages) {
    const figures = await time(`${dashboard.url}${path}`);
    console.log(`| ${size} | ${label} | ${figures.median.toFixed(1)} | ${figures.max.toFixed(1)} | ${figures.bytes} |`);
  }
  await dashboard.close();
}
