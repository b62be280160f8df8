import { selectSubtrees, subtreeOf, SAMPLES_PER_SUBTREE } from "../../src/licenses/license-subtrees.js";
import { readHeaderLicense } from "../../src/licenses/read-header-notice.js";
import { resultFor, screenMemory } from "../helpers/screen-memory.js";
import { GNU_GPL3_OR_LATER_NOTICE } from "../fixtures/licenses/public-texts.js";
import { filledText, spdxText } from "../fixtures/licenses/spdx-texts.js";

const javaHeader = (extra = "") =>
  `/*\n${GNU_GPL3_OR_LATER_NOTICE.split("\n")
    .map((line) => ` * ${line}`)
    .join("\n")}${extra}\n */\npackage gov.example;\n\nclass A {}\n`;

describe("licences below the root, per subtree", () => {
  test("subtrees are top-level folders, or packages of a monorepo folder", () => {
    expect(subtreeOf("README.md")).toBe("");
    expect(subtreeOf("server/src/A.java")).toBe("server");
    expect(subtreeOf("apps/admin/src/index.ts")).toBe("apps/admin");
  });

  test("tests, fixtures, examples and vendored code are skipped; samples are bounded per subtree", () => {
    const paths = [
      ...Array.from({ length: 50 }, (_, index) => `core/src/F${index}.java`),
      "test/fixtures/LICENSE",
      "examples/demo/LICENSE",
      "vendor/lib/LICENSE",
      "apps/admin/LICENSE",
    ];
    const selection = selectSubtrees(paths);
    expect(selection.nested).toEqual([{ path: "apps/admin/LICENSE", subtree: "apps/admin" }]);
    expect(selection.samples).toHaveLength(SAMPLES_PER_SUBTREE);
    expect(selection.sourceFiles).toBe(50);
    expect(selection.counts.get("core")?.languages.get("Java")).toBe(50);
  });

  test("a GNU notice in a comment header is read, with its extra terms", () => {
    expect(readHeaderLicense(javaHeader())).toMatchObject({
      spdx: "GPL-3.0-or-later",
      kind: "notice",
      extraTerms: false,
    });
    expect(
      readHeaderLicense(javaHeader("\n * Additional terms under section 7 of the GNU GPL apply: see NOTICE.")),
    ).toMatchObject({ extraTerms: true });
  });

  test("a nested Apache-2.0 subtree and GPL headers elsewhere are summarised per subtree, with what was read", async () => {
    const files: Record<string, string> = {
      LICENSE: spdxText("Apache-2.0"),
      "apps/admin/LICENSE": spdxText("Apache-2.0"),
    };
    for (let index = 0; index < 30; index += 1) files[`platform/src/F${index}.java`] = javaHeader();
    for (let index = 0; index < 4; index += 1) files[`apps/admin/src/m${index}.ts`] = "export const x = 1;\n";
    const report = await screenMemory(files);
    const result = report.results.find((candidate) => candidate.indicator === "2");
    const notes = result?.evidence.map((item) => item.note) ?? [];
    expect(notes).toContain("apps/admin/: Apache-2.0 (apps/admin/LICENSE); 5 files");
    expect(notes).toContain("platform/: GPL-3.0-or-later header in 6 of 6 sampled files (of 30 Java files); 30 files");
    expect(notes.some((note) => /^Read for licences: .*headers of \d+ of 34 source files/.test(note))).toBe(true);
    // The GPL headers disagree with the root's Apache-2.0: a question for a reviewer.
    expect(result?.outcome).toBe("review");
  });

  test("a subtree under a licence not accepted for the product is a question for a reviewer", async () => {
    const result = await resultFor("2", {
      LICENSE: filledText("MIT"),
      "src/main.py": "x = 1\n",
      "ee/LICENSE": "Copyright (c) 2024 Example Org. All rights reserved.\n",
      "ee/app.py": "x = 2\n",
    });
    expect(result.outcome).toBe("review");
    expect(result.summary).toMatch(/ee\/ is under LicenseRef-all-rights-reserved \(ee\/LICENSE\)/);
  });
});
