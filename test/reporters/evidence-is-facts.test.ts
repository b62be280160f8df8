// Evidence is what was found (a file, a line, a URL, a count); what someone must do is the fix.
// Screens of repositories that trigger every kind of uncertain finding, with every note checked.
import type { Evidence } from "../../src/core/indicator.js";
import type { Report } from "../../src/core/report.js";
import { screenMemory } from "../helpers/screen-memory.js";

/** An instruction: an imperative verb opening the note or a clause of it, or a task for a person. */
const INSTRUCTION =
  /(?:^|[;:—]\s|\.\s)(?:declare|add|put|publish|confirm|check|fill in|make|remove|rotate|replace|link|choose|use|name|list)\b|\ba reviewer must\b|\bby hand\b/i;

/** Every evidence note of a report, rows and criteria, with what the repository says (quoted) taken out. */
function notes(report: Report): { indicator: string; note: string }[] {
  return report.results.flatMap((result) =>
    [...result.evidence, ...(result.criteria ?? []).flatMap((criterion) => criterion.evidence ?? [])].map(
      (item: Evidence) => ({ indicator: result.indicator, note: item.note.replace(/"[^"]*"/g, '""') }),
    ),
  );
}

const generated = "Zq8f3k2l0aK9X7Q2ZP#x";
const REPOSITORIES: Record<string, Record<string, string | Uint8Array>> = {
  "an undeclared repository": { "README.md": "# Demo\n\nA tool for schools.\n", "index.js": "export {};\n" },
  "uncertain secrets and a keystore": {
    "docker-compose.yml": `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "${generated}"\n`,
    ".env": "REDIS_PASSWORD=minioadmin\n",
    "android/app/release.jks": new Uint8Array([0, 1, 2]),
    "index.js": "export {};\n",
  },
  "a proprietary data format": { "data/survey.xlsx": new Uint8Array([0, 1]), "datapackage.json": "{}" },
  "files too large to read": {
    "README.md": `# Demo\n\n${"word ".repeat(200_000)}`,
    "package.json": `{"name":"x","description":"${"a".repeat(700_000)}"}`,
  },
  "a licence only a manifest names, and an empty licence file": {
    "package.json": '{"name":"x","license":"MIT"}',
    LICENSE: "",
    "index.js": "export {};\n",
  },
  "a closed subtree": {
    LICENSE: "SPDX-License-Identifier: MIT\n",
    "ee/LICENSE": "Copyright 2024 Example Inc. All rights reserved.\n",
    "ee/index.js": "export {};\n",
    "index.js": "export {};\n",
  },
  "REUSE licences of which one is rejected": {
    "LICENSES/MIT.txt": "MIT",
    "LICENSES/BUSL-1.1.txt": "BUSL",
    "index.js": "// SPDX-License-Identifier: MIT\nexport {};\n",
  },
  "declarations with missing parts": {
    ".github/dpg.yml":
      "sdgs:\n  - number: 4\nowner:\n  name: Example\ndoNoHarm:\n  harassment:\n    codeOfConduct: docs/CONDUCT.md\n",
    "index.js": "export {};\n",
  },
};

describe("evidence notes are facts, never instructions", () => {
  test.each(Object.keys(REPOSITORIES))("%s", async (name) => {
    const report = await screenMemory(REPOSITORIES[name] ?? {});
    const instructions = notes(report).filter((item) => INSTRUCTION.test(item.note));
    expect(instructions).toEqual([]);
  });

  test("what must be confirmed is in the fix: uncertain secrets are named there", async () => {
    const report = await screenMemory(REPOSITORIES["uncertain secrets and a keystore"] ?? {});
    const result = report.results.find((candidate) => candidate.indicator === "9a");
    expect(result?.outcome).toBe("review");
    expect(result?.fix?.text).toMatch(
      /^Confirm that the values in (docker-compose\.yml, \.env|\.env, docker-compose\.yml), android\/app\/release\.jks are development defaults/,
    );
  });

  test("a proprietary data format: publishing an open copy is the fix", async () => {
    const report = await screenMemory(REPOSITORIES["a proprietary data format"] ?? {});
    const result = report.results.find((candidate) => candidate.indicator === "6");
    expect(result?.fix?.text).toMatch(
      /^Publish an open-format copy \(e\.g\. CSV, JSON, GeoJSON\) of data\/survey\.xlsx\. Declare/,
    );
  });

  test("a manifest too large to read: checking it by hand is the fix, not naming open alternatives", async () => {
    const report = await screenMemory(REPOSITORIES["files too large to read"] ?? {});
    const result = report.results.find((candidate) => candidate.indicator === "4");
    expect(result?.fix?.text).toBe(
      "Check the dependencies of package.json by hand (the screener could not read it), then declare in .github/dpg.yml under `platformIndependence` whether any mandatory component is closed (`closedComponents: false`, or each closed component with its open alternative).",
    );
  });
});
