import { Ajv2020 } from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";
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

describe("manifests below the root feed the per-subtree summary", () => {
  const schema = JSON.parse(
    readFileSync(new URL("../../schema/report.schema.json", import.meta.url), "utf8"),
  ) as object;
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  const monorepo = {
    LICENSE: filledText("MIT"),
    "package.json": JSON.stringify({ name: "root", license: "MIT", private: true }),
    "apps/admin/package.json": JSON.stringify({ name: "admin", license: "Apache-2.0" }, null, 2),
    "apps/admin/src/index.ts": "export {};\n",
    "services/api/pom.xml":
      "<project>\n  <licenses>\n    <license><name>BUSL-1.1</name></license>\n  </licenses>\n</project>\n",
    "services/api/src/A.java": "class A {}\n",
    "test/fixtures/pkg/package.json": JSON.stringify({ license: "SSPL-1.0" }),
  };

  test("each subtree lists its manifests' licences with path and line; fixtures are skipped", async () => {
    const report = await screenMemory(monorepo);
    const subtrees = report.licenseSubtrees ?? [];
    expect(subtrees.find((subtree) => subtree.path === "apps/admin/")?.manifests).toEqual([
      { spdx: "Apache-2.0", path: "apps/admin/package.json", line: 3 },
    ]);
    expect(subtrees.find((subtree) => subtree.path === "services/api/")?.manifests).toEqual([
      { spdx: "BUSL-1.1", path: "services/api/pom.xml", line: 3 },
    ]);
    expect(JSON.stringify(subtrees)).not.toContain("test/fixtures");
    expect(report.licenseCoverage).toMatch(/licence fields of 2 manifest\(s\) below the root/);
  });

  test("a subtree whose manifest names a rejected licence is a question for a reviewer, named in the fix", async () => {
    const report = await screenMemory(monorepo);
    const row = report.results.find((result) => result.indicator === "2");
    expect(row?.outcome).toBe("review");
    expect(row?.summary).toContain("services/api/ is under BUSL-1.1 (services/api/pom.xml)");
    expect(row?.fix?.text).toMatch(/^Say in the README whether services\/api\/ is part of the product/);
    expect(row?.evidence.map((item) => item.note)).toContainEqual(
      "services/api/: BUSL-1.1 (services/api/pom.xml:3, manifest); 2 files",
    );
  });

  test("the report's licenseSubtrees and licenseCoverage validate against schema/report.schema.json", async () => {
    const report = await screenMemory(monorepo);
    expect(report.licenseSubtrees?.length).toBeGreaterThan(0);
    expect(validate(report)).toBe(true);
    const broken = { ...report, licenseSubtrees: [{ path: "x/", files: -1, licenses: [], headers: [] }] };
    expect(validate(broken)).toBe(false);
  });

  test("every field of a report with subtrees (licence files, manifests, headers) is described by the schema", async () => {
    const files: Record<string, string> = { ...monorepo, "apps/admin/LICENSE": spdxText("Apache-2.0") };
    for (let index = 0; index < 8; index += 1)
      files[`platform/src/F${index}.java`] =
        `/*\n * ${GNU_GPL3_OR_LATER_NOTICE.replace(/\n/g, "\n * ")}\n */\nclass F${index} {}\n`;
    const report = await screenMemory(files);
    const subtrees = report.licenseSubtrees ?? [];
    expect(subtrees.some((subtree) => subtree.licenses.length > 0)).toBe(true);
    expect(subtrees.some((subtree) => (subtree.manifests ?? []).length > 0)).toBe(true);
    expect(subtrees.some((subtree) => subtree.headers.length > 0)).toBe(true);
    expect(validate(report)).toBe(true);
    // The schema allows unknown keys (older readers keep working), so a field it does not describe would pass
    // validation unseen: every key the report carries must be one of its properties.
    const described = schema as {
      properties: Record<string, unknown>;
      $defs: { licenseSubtree: { properties: Record<string, { items?: { properties?: Record<string, unknown> } }> } };
    };
    const subtreeSchema = described.$defs.licenseSubtree.properties;
    const undescribed = [
      ...Object.keys(report).filter((key) => !(key in described.properties)),
      ...subtrees.flatMap((subtree) => Object.keys(subtree).filter((key) => !(key in subtreeSchema))),
      ...subtrees.flatMap((subtree) =>
        (["licenses", "manifests", "headers"] as const).flatMap((field) =>
          (subtree[field] ?? []).flatMap((entry) =>
            Object.keys(entry)
              .filter((key) => !(key in (subtreeSchema[field]?.items?.properties ?? {})))
              .map((key) => `${field}.${key}`),
          ),
        ),
      ),
    ];
    expect(undescribed).toEqual([]);
  });

  test("a repository without licences below the root has neither field (older readers see the same report)", async () => {
    const report = await screenMemory({ LICENSE: filledText("MIT"), "src/a.ts": "export {};\n" });
    expect(report).not.toHaveProperty("licenseSubtrees");
    expect(report).not.toHaveProperty("licenseCoverage");
  });
});

describe("files named like licences that are not licence texts", () => {
  test("source code about licences (license-files.ts, licenses.py, license.js.map) is not a licence file", async () => {
    const report = await screenMemory({
      LICENSE: filledText("MIT"),
      "src/licenses/license-files.ts":
        'import { x } from "./x.js";\n\nexport const NAMES = ["CC-BY-SA-4.0", "GPL-3.0-only"];\n',
      "lib/licenses.py": "CC_BY_SA = 'Creative Commons Attribution-ShareAlike 4.0'\n",
      "lib/license.js.map": "{}",
    });
    expect(report.licenseSubtrees).toBeUndefined();
    expect(report.results.find((result) => result.indicator === "2")?.outcome).toBe("pass");
  });

  test("a documentation page about licences (docs/licenses.md) is not the project's licence", async () => {
    const page = `# Licences\n\nHow the tool reads ${["GPL-3.0-only", "LGPL-3.0-only"].join(" and ")} texts.\n`;
    const report = await screenMemory({ LICENSE: filledText("MIT"), "docs/licenses.md": page, "src/a.ts": "x\n" });
    expect(report.licenses.map((found) => found.path)).toEqual(["LICENSE"]);
    const row = report.results.find((result) => result.indicator === "2");
    expect(JSON.stringify(row)).not.toContain("docs/licenses.md");
  });
});
