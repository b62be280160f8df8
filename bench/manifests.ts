// Times the manifest parse of large generated manifests (nothing committed), one process, median
// of 5 runs each: a package.json with 30,000 dependencies, a pom.xml with 12,000 licences and
// a datapackage.json with 20,000 resources. Run: npx tsx bench/manifests.ts
import { readManifest } from "../src/manifests/build-manifest-facts.js";

const cases: [string, string][] = [
  [
    "package.json",
    JSON.stringify(
      { dependencies: Object.fromEntries(Array.from({ length: 30_000 }, (_, index) => [`pkg-${index}`, "^1.0.0"])) },
      null,
      2,
    ),
  ],
  [
    "pom.xml",
    `<project><licenses>${"<license>\n<name>Apache-2.0</name>\n</license>\n".repeat(12_000)}</licenses></project>`,
  ],
  [
    "datapackage.json",
    JSON.stringify({
      licenses: [{ name: "CC-BY-4.0" }],
      resources: Array.from({ length: 20_000 }, (_, index) => ({ name: `r${index}`, path: `data/r${index}.csv` })),
    }),
  ],
];
for (const [path, text] of cases) {
  const times: number[] = [];
  let found = 0;
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    const parsed = readManifest(path, text);
    times.push(performance.now() - start);
    found = (parsed?.dependencies.length ?? 0) + (parsed?.licenses.length ?? 0);
  }
  times.sort((left, right) => left - right);
  console.log(
    `${path}: ${(text.length / 1e6).toFixed(2)} MB, ${found} entries, median ${times[2]?.toFixed(1)} ms, max ${times[4]?.toFixed(1)} ms`,
  );
}
