import { readManifest } from "../../src/manifests/build-manifest-facts.js";
import { MAX_MANIFESTS, selectManifests } from "../../src/manifests/select-manifests.js";
import { resultFor, screenMemory } from "../helpers/screen-memory.js";

const names = (path: string, text: string) => readManifest(path, text)?.dependencies.map((item) => item.name);

describe("manifest ecosystems", () => {
  test("R DESCRIPTION: Depends, Imports and LinkingTo, across continuation lines, without R itself or Suggests", () => {
    const text =
      "Package: demo\nDepends: R (>= 4.1), sf\nImports:\n    dplyr (>= 1.1.0),\n    httr2, jsonlite\nLinkingTo: Rcpp\nSuggests: testthat\nLicense: MIT + file LICENSE\n";
    const parsed = readManifest("DESCRIPTION", text);
    expect(parsed?.dependencies.map((item) => [item.name, item.version, item.line])).toEqual([
      ["sf", undefined, 2],
      ["dplyr", ">= 1.1.0", 4],
      ["httr2", undefined, 5],
      ["jsonlite", undefined, 5],
      ["Rcpp", undefined, 6],
    ]);
    expect(parsed?.licenses).toEqual([{ value: "MIT + file LICENSE", line: 8 }]);
  });

  test("a file named 'description' in lower case is prose, not an R manifest", () => {
    expect(readManifest("docs/description", "Imports: x\n")).toBeUndefined();
  });

  test("Gradle: libs.* references resolve through gradle/libs.versions.toml, with the build file's line", async () => {
    const report = await screenMemory({
      "gradle/libs.versions.toml":
        '[versions]\nfirebase = "32.7.0"\n\n[libraries]\nfirebase-bom = { module = "com.google.firebase:firebase-bom", version.ref = "firebase" }\nokhttp = "com.squareup.okhttp3:okhttp:4.12.0"\njunit = { group = "junit", name = "junit", version = "4.13" }\n',
      "app/build.gradle.kts":
        "dependencies {\n  implementation(libs.firebase.bom)\n  implementation(libs.okhttp)\n  testImplementation(libs.junit)\n  implementation(libs.bundles.compose)\n}\n",
    });
    const row = report.results.find((result) => result.indicator === "4");
    expect(row?.outcome).toBe("review");
    expect(row?.evidence).toContainEqual(
      expect.objectContaining({
        path: "app/build.gradle.kts",
        line: 2,
        note: expect.stringMatching(/^com\.google\.firebase:firebase-bom 32\.7\.0: Firebase/),
      }),
    );
  });

  test("an unresolved catalog alias is still a dependency, by its alias", async () => {
    expect(names("build.gradle", "dependencies {\n  api libs.some.lib\n}\n")).toEqual([]);
    const result = await resultFor("4", { "build.gradle": "dependencies {\n  api libs.some.lib\n}\n" });
    expect(result.outcome).toBe("pass");
    expect(result.summary).toBe("No closed component among 1 mandatory dependencies in build.gradle.");
  });

  test.each([
    ["MIT, Apache-2.0", "MIT OR Apache-2.0"],
    ["Apache License, Version 2.0", "Apache-2.0"],
  ])("a manifest licence written %p is read as %p", async (value, expression) => {
    const report = await screenMemory({
      "package.json": JSON.stringify({ name: "x", license: value }),
      "index.js": "",
    });
    expect(report.license).toBe(expression);
  });

  test("a comma list in setup.cfg is read the same way", async () => {
    const report = await screenMemory({ "setup.cfg": "[metadata]\nlicense = MIT, BSD-3-Clause\n", "x.py": "" });
    expect(report.license).toBe("MIT OR BSD-3-Clause");
    expect(report.licenses[0]?.note).toBe('"MIT, BSD-3-Clause" is a comma list, read as a choice: MIT OR BSD-3-Clause');
  });
});

describe("manifests anywhere in the tree, bounded", () => {
  test("deep manifests are read; tests, fixtures, examples, vendored and tooling folders are not", () => {
    const { chosen } = selectManifests([
      "package.json",
      "services/api/server/package.json",
      "test/fixtures/repos/data/datapackage.json",
      "examples/demo/package.json",
      "node_modules/x/package.json",
      ".devcontainer/docker-compose.yml",
      "docs/package.json",
      "infra/aws/main.tf",
    ]);
    expect(chosen).toEqual(["package.json", "infra/aws/main.tf", "services/api/server/package.json"]);
  });

  test("past the bound the shallowest are read and row 4 says how many were not", async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < MAX_MANIFESTS + 7; index += 1)
      files[`apps/a${index}/package.json`] = JSON.stringify({ dependencies: { pg: "8" } });
    files["package.json"] = JSON.stringify({ dependencies: { pg: "8" } });
    const result = await resultFor("4", files);
    expect(result.outcome).toBe("review");
    expect(result.evidence).toContainEqual({
      note: `${MAX_MANIFESTS} of ${MAX_MANIFESTS + 8} manifests were read (the shallowest); 8 deeper ones were not checked.`,
    });
    // Many manifests are summarised per top-level folder.
    expect(result.evidence).toContainEqual({
      path: "apps/",
      note: `${MAX_MANIFESTS - 1} manifests, ${MAX_MANIFESTS - 1} mandatory dependencies; none on the screener's list of closed components`,
    });
  });
});
