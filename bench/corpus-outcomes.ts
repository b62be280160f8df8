// Screens the 35 registered DPGs of ../shared/corpus and counts outcomes per indicator, to
// check that a registered DPG is not told it fails. Files not copied into the corpus are
// listed (from TREE.txt) but read as empty. Run: npm run bench:corpus [-- CORPUS_DIR]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { screenRepository } from "../src/engine/screen-repository.js";
import { MemorySnapshot, type MemoryFiles } from "../src/snapshot/memory-snapshot.js";
import { LICENSE_FIXTURES } from "./license-fixtures.js";
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

// Fixtures built from public licence texts (bench/license-fixtures.ts): the licence found and
// row 2's outcome; a non-eligible control must fail row 2 with the right reason.
console.log("\n| fixture | licence found | row 2 | expected | ok |\n| --- | --- | --- | --- | --- |");
let controls = 0;
let controlsFailing = 0;
let fixturesOk = 0;
for (const fixture of LICENSE_FIXTURES) {
  const report = await screenRepository(new MemorySnapshot(fixture.files, { name: fixture.name }), {
    tool: { name: "bench", version: "0" },
  });
  const row = report.results.find((result) => result.indicator === "2");
  const ok =
    report.license === fixture.license &&
    row?.outcome === fixture.outcome &&
    (fixture.reason === undefined || fixture.reason.test(row.summary));
  if (ok) fixturesOk += 1;
  if (fixture.control) {
    controls += 1;
    if (ok) controlsFailing += 1;
  }
  console.log(
    `| ${fixture.name} | ${report.license ?? "none"} | ${row?.outcome ?? "-"} | ${fixture.license}, ${fixture.outcome} | ${ok ? "yes" : `NO: ${(row?.summary ?? "").slice(0, 100)}`} |`,
  );
}
console.log(
  `\nFixtures as expected: ${fixturesOk}/${LICENSE_FIXTURES.length}; non-eligible controls failing row 2 with the right reason: ${controlsFailing}/${controls}.`,
);
