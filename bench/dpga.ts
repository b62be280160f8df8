// The DPGA draft on the 35 registered DPGs of ../shared/corpus: how many of the draft's 16
// questions are pre-filled (declared, found or suggested), how often the top SDG suggestion is
// one of the registry's SDGs (and one in the top three), beside the best constant guess; then
// the time to check one draft's links against a local server (5 s timeout, 8 at once).
// Run: npm run bench:dpga [-- CORPUS_DIR]   (BENCH_SHOW=dir prints that draft)
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { screenRepository } from "../src/engine/screen-repository.js";
import { MemorySnapshot, type MemoryFiles } from "../src/snapshot/memory-snapshot.js";
import { buildDpgaDraft } from "../src/reporters/dpga-entry.js";
import { renderDpgaMarkdown } from "../src/reporters/dpga.js";
import { citedLinks } from "../src/links/cited-links.js";
import { checkLinks, createLinkCache } from "../src/links/check-links.js";
import type { Report } from "../src/core/report.js";

const CORPUS = process.argv[2] ?? "/work/shared/corpus";
const rows = readFileSync(join(CORPUS, "index.tsv"), "utf8")
  .split("\n")
  .slice(1)
  .filter(Boolean)
  .map((line) => line.split("\t"));

const filled: number[] = [];
const byField: Record<string, Record<string, number>> = {};
let top1 = 0;
let top3 = 0;
const registrySdgs: number[][] = [];
const reports: Report[] = [];
for (const [dir = "", url = "", commit = "", , , , sdgs = ""] of rows) {
  const tree = readFileSync(join(CORPUS, dir, "TREE.txt"), "utf8")
    .split("\n")
    .filter(Boolean);
  const files: MemoryFiles = {};
  for (const path of tree)
    files[path] = existsSync(join(CORPUS, dir, path)) ? readFileSync(join(CORPUS, dir, path)) : "";
  const fullName = url.replace(/^https:\/\/github\.com\//, "");
  const report = await screenRepository(
    new MemorySnapshot(files, { name: fullName.split("/")[1] ?? dir, fullName, url, commit }),
    { tool: { name: "bench", version: "0" } },
  );
  reports.push(report);
  const draft = buildDpgaDraft(report);
  const answered = draft.answers.filter((answer) => answer.provenance !== "unanswered");
  filled.push(answered.length);
  for (const answer of draft.answers)
    (byField[answer.field] ??= {})[answer.provenance] = (byField[answer.field]?.[answer.provenance] ?? 0) + 1;
  const expected = sdgs.split(",").map(Number);
  registrySdgs.push(expected);
  const suggested = (report.sdgSuggestions ?? []).map((suggestion) => suggestion.sdg);
  if (suggested[0] !== undefined && expected.includes(suggested[0])) top1 += 1;
  if (suggested.slice(0, 3).some((sdg) => expected.includes(sdg))) top3 += 1;
  console.log(
    `${String(answered.length).padStart(2)}/16  ${dir.padEnd(52)} registry SDGs ${sdgs.padEnd(14)} suggested ${suggested.join(",")}`,
  );
  if (process.env["BENCH_SHOW"] === dir) console.log(renderDpgaMarkdown(report));
}
const n = rows.length;
const sorted = [...filled].sort((a, b) => a - b);
console.log(
  `\nfields pre-filled per draft (of 16): median ${sorted[Math.floor(n / 2)]}, mean ${(filled.reduce((a, b) => a + b, 0) / n).toFixed(1)}, min ${sorted[0]}, max ${sorted[n - 1]}; drafts with at least 10: ${filled.filter((count) => count >= 10).length}/${n}`,
);
console.table(byField);
// The constant guess: the one SDG that, always guessed, is among the registry's SDGs most often.
let best = { sdg: 0, hits: 0 };
for (let sdg = 1; sdg <= 17; sdg += 1) {
  const hits = registrySdgs.filter((expected) => expected.includes(sdg)).length;
  if (hits > best.hits) best = { sdg, hits };
}
const pct = (count: number) => `${count}/${n} = ${((100 * count) / n).toFixed(0)} %`;
console.log(`SDG top-1 suggestion among the registry's SDGs: ${pct(top1)}`);
console.log(`a registry SDG among the top three suggestions: ${pct(top3)}`);
console.log(`constant guess (always SDG ${best.sdg}): ${pct(best.hits)}`);

// Link checking: one draft's links (the corpus draft citing the most), served by a local server.
const richest = reports
  .map((report) => ({ report, links: citedLinks(buildDpgaDraft(report), report.declaration.value) }))
  .sort((a, b) => b.links.length - a.links.length)[0];
if (richest !== undefined) {
  const server = createServer((request, response) => {
    // Like a forge: some pages answer HEAD, some only GET, some redirect, a few are gone.
    const path = request.url ?? "/";
    setTimeout(() => {
      if (path.endsWith("-gone")) response.writeHead(404);
      else if (request.method === "HEAD" && path.includes("LICENSE")) response.writeHead(405);
      else response.writeHead(200);
      response.end();
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  const local = richest.links.map((link) => link.url.replace(/^https?:\/\/[^/]+/, `http://127.0.0.1:${port}`));
  const runs: number[] = [];
  for (let run = 0; run < 10; run += 1) {
    const start = performance.now();
    await checkLinks(local, { timeoutMs: 5_000, concurrency: 8, cache: createLinkCache() });
    runs.push(performance.now() - start);
  }
  server.close();
  runs.sort((a, b) => a - b);
  console.log(
    `link check of ${richest.report.repository.name}'s draft: ${local.length} links, 8 at once, 5 s timeout, local server answering in 20 ms: median ${runs[5]?.toFixed(0)} ms, max ${runs[9]?.toFixed(0)} ms (10 runs)`,
  );
}
