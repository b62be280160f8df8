// Screens the 35 registered DPGs of ../shared/corpus and counts outcomes per indicator, to
// check that a registered DPG is not told it fails. Files not copied into the corpus are
// listed (from TREE.txt) but read as empty. Run: npm run bench:corpus [-- CORPUS_DIR]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { screenRepository } from "../src/engine/screen-repository.js";
import { MemorySnapshot, type MemoryFiles } from "../src/snapshot/memory-snapshot.js";
import { secretCandidates } from "../src/indicators/shared/committed-secrets.js";

const CORPUS = process.argv[2] ?? "/work/shared/corpus";
const counts: Record<string, Record<string, number>> = {};
const fails: string[] = [];
for (const dir of readdirSync(CORPUS).filter((name) => existsSync(join(CORPUS, name, "TREE.txt")))) {
  const tree = readFileSync(join(CORPUS, dir, "TREE.txt"), "utf8")
    .split("\n")
    .filter(Boolean);
  const files: MemoryFiles = {};
  for (const path of tree)
    files[path] = existsSync(join(CORPUS, dir, path)) ? readFileSync(join(CORPUS, dir, path)) : "";
  const report = await screenRepository(new MemorySnapshot(files, { name: dir }), {
    tool: { name: "bench", version: "0" },
  });
  for (const result of report.results) {
    (counts[result.indicator] ??= {})[result.outcome] = (counts[result.indicator]?.[result.outcome] ?? 0) + 1;
    if (result.outcome === "fail") fails.push(`${dir} ${result.indicator}: ${result.summary}`);
  }
  const candidates = secretCandidates(tree);
  if (candidates.length > 0)
    console.log(`${dir}: secret candidates by name (contents not in corpus): ${candidates.join(", ")}`);
}
console.table(counts);
console.log(fails.join("\n"));
