// The DPGA draft on the 35 registered DPGs of ../shared/corpus: how many of the draft's 17
// questions are pre-filled (declared, found or suggested; also counted without `repositories`,
// which the corpus always knows, to compare with the 16 first measured), how often the top SDG
// suggestion is one of the registry's SDGs (and one in the top three), beside the best constant
// guess, on all of them and on those never looked at while tuning; then the time to check one
// draft's links against a local server answering ok, redirect, 404, 405 and slowly (5 s timeout,
// 8 at once).
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

/**
 * Entries whose suggestions were read to decide a change to the vocabulary or the sources (see
 * docs/benchmarks.md); the figures on the others are the held-out check against tuning to them.
 */
const TUNED_ON = new Set([
  "mautic__mautic",
  "apache__fineract",
  "GovTechSG__oobee-desktop",
  // Read to choose the file-name source's code words (sdg/path-names.ts): the six without purpose text.
  "nccrmoes__MSP-SAHAV",
  "Bahmni__bahmni-core",
  "Swasth-Digital-Health-Foundation__hcx-platform",
  "Sunbird-cQube__cQube_Base",
  "eco-index__ecoindex-stack",
  "okfn__opendataeditor",
]);
const filled: number[] = [];
const filledWithoutRepositories: number[] = [];
const heldOut = { n: 0, top1: 0, top3: 0 };
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
  filledWithoutRepositories.push(answered.filter((answer) => answer.field !== "repositories").length);
  for (const answer of draft.answers)
    (byField[answer.field] ??= {})[answer.provenance] = (byField[answer.field]?.[answer.provenance] ?? 0) + 1;
  const expected = sdgs.split(",").map(Number);
  registrySdgs.push(expected);
  const suggested = (report.sdgSuggestions ?? []).map((suggestion) => suggestion.sdg);
  const hit1 = suggested[0] !== undefined && expected.includes(suggested[0]);
  const hit3 = suggested.slice(0, 3).some((sdg) => expected.includes(sdg));
  if (hit1) top1 += 1;
  if (hit3) top3 += 1;
  if (!TUNED_ON.has(dir)) {
    heldOut.n += 1;
    if (hit1) heldOut.top1 += 1;
    if (hit3) heldOut.top3 += 1;
  }
  console.log(
    `${String(answered.length).padStart(2)}/${draft.answers.length}  ${dir.padEnd(52)} registry SDGs ${sdgs.padEnd(14)} suggested ${suggested.join(",")}`,
  );
  if (process.env["BENCH_SHOW"] === dir) console.log(renderDpgaMarkdown(report));
}
const n = rows.length;
const describe = (counts: number[], of: number) => {
  const sorted = [...counts].sort((a, b) => a - b);
  return `(of ${of}): median ${sorted[Math.floor(n / 2)]}, mean ${(counts.reduce((a, b) => a + b, 0) / n).toFixed(1)}, min ${sorted[0]}, max ${sorted[n - 1]}; drafts with at least 10: ${counts.filter((count) => count >= 10).length}/${n}`;
};
console.log(`\nfields pre-filled per draft ${describe(filled, 17)}`);
console.log(`the same without repositories ${describe(filledWithoutRepositories, 16)}`);
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
const share = (count: number) => `${count}/${heldOut.n} = ${((100 * count) / heldOut.n).toFixed(0)} %`;
console.log(
  `held out (the ${heldOut.n} entries not looked at while tuning): top-1 ${share(heldOut.top1)}, top three ${share(heldOut.top3)}`,
);

// Link checking: one draft's links (the corpus draft citing the most), served by a local server.
const richest = reports
  .map((report) => ({ report, links: citedLinks(buildDpgaDraft(report), report.declaration.value) }))
  .sort((a, b) => b.links.length - a.links.length)[0];
if (richest !== undefined) {
  /** How the local server answers each link: like the web, mostly fine, some moved, some gone, one stuck. */
  const kinds = ["ok", "ok", "ok", "redirect", "ok", "head-405", "ok", "gone", "ok", "ok"] as const;
  const server = createServer((request, response) => {
    const path = request.url ?? "/";
    const kind = /^\/(\w[\w-]*)\//.exec(path)?.[1] ?? "ok";
    const answer = () => {
      if (kind === "gone") response.writeHead(404);
      else if (kind === "head-405" && request.method === "HEAD") response.writeHead(405);
      else if (kind === "redirect") response.writeHead(301, { location: path.replace("/redirect/", "/ok/") });
      else response.writeHead(200);
      response.end();
    };
    // 20 ms for an ordinary answer; "slow" answers after the 5 s timeout.
    const timer = setTimeout(answer, kind === "slow" ? 6_000 : 20);
    request.on("close", () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  const local = (slow: boolean) =>
    richest.links.map((link, index) => {
      const kind = slow && index === 0 ? "slow" : kinds[index % kinds.length];
      return `http://127.0.0.1:${port}/${kind}${new URL(link.url).pathname}`;
    });
  const time = async (urls: string[], runs: number) => {
    const times: number[] = [];
    let broken = 0;
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      const statuses = await checkLinks(urls, { timeoutMs: 5_000, concurrency: 8, cache: createLinkCache() });
      times.push(performance.now() - start);
      broken = statuses.filter((status) => !status.ok).length;
    }
    times.sort((a, b) => a - b);
    return `median ${times[Math.floor(runs / 2)]?.toFixed(0)} ms, max ${times[runs - 1]?.toFixed(0)} ms (${runs} runs); ${broken} reported broken`;
  };
  const label = `link check of ${richest.report.repository.name}'s draft: ${richest.links.length} links, 8 at once, 5 s timeout, local server (20 ms answers; 1 in 10 redirected, 1 in 10 refusing HEAD with 405, 1 in 10 gone)`;
  console.log(`${label}: ${await time(local(false), 10)}`);
  console.log(`${label} and one link answering only after 6 s: ${await time(local(true), 3)}`);
  server.closeAllConnections();
  server.close();
}
