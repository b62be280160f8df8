import { classifyPath, isOwnPath, MAX_KEPT_MASKS, notOwnKind, ownPaths } from "../../src/core/classify-path.js";

describe("path classifier", () => {
  test.each([
    ["test/fixtures/repos/data/datapackage.json", "fixture"],
    ["src/__snapshots__/report.test.ts.snap", "fixture"],
    ["pkg/testdata/input.json", "fixture"],
    ["test/app.test.ts", "test"],
    ["src/app.spec.js", "test"],
    ["tests/test_api.py", "test"],
    ["internal/server_test.go", "test"],
    ["src/test/java/org/x/FooTest.java", "test"],
    ["bench/hostile.ts", "test"],
    ["benchmarks/run.py", "test"],
    ["examples/basic/openapi.yaml", "example"],
    ["demo/index.html", "example"],
    ["samples/model-card.md", "sample"],
    ["node_modules/x/package.json", "vendored"],
    ["third_party/lib/a.c", "vendored"],
    ["src/api/generated/client.ts", "generated"],
    ["static/app.min.js", "generated"],
    ["dist/index.js", "build"],
    [".github/workflows/ci.yml", "tooling"],
    [".devcontainer/docker-compose.yml", "tooling"],
  ])("%s is %s, not the project's own", (path, kind) => {
    expect(notOwnKind(path)).toBe(kind);
    expect(isOwnPath(path)).toBe(false);
  });

  test.each([
    "src/index.ts",
    "package.json",
    "api/openapi.yaml",
    "app/models/latest.py",
    "contest/app.py",
    "specs/openapi.yaml",
    "src/workbench/app.ts",
  ])("%s is the project's own", (path) => {
    expect(classifyPath(path)).toEqual([]);
    expect(isOwnPath(path)).toBe(true);
  });

  test("documentation is a kind of its own and still the project's", () => {
    expect(classifyPath("docs/guide.md")).toEqual(["docs"]);
    expect(isOwnPath("docs/guide.md")).toBe(true);
  });

  test("a path can be several kinds at once", () => {
    expect(classifyPath("docs/examples/test/a.test.ts")).toEqual(["test", "example", "docs"]);
  });

  test("ownPaths is made once per listing", () => {
    const listing = ["src/a.ts", "test/a.test.ts"];
    expect(ownPaths(listing)).toEqual(["src/a.ts"]);
    expect(ownPaths(listing)).toBe(ownPaths(listing));
  });

  test("answers stay right once more paths were asked about than are kept", () => {
    expect(notOwnKind("test/kept.test.ts")).toBe("test");
    for (let index = 0; index <= MAX_KEPT_MASKS; index += 1) isOwnPath(`src/m${index}.ts`);
    expect(notOwnKind("test/kept.test.ts")).toBe("test");
    expect(classifyPath(`src/m${MAX_KEPT_MASKS}.ts`)).toEqual([]);
    expect(classifyPath("docs/examples/test/a.test.ts")).toEqual(["test", "example", "docs"]);
  });

  test("a hostile 4,000-character segment is classified by name, without backtracking", () => {
    expect(notOwnKind(`${"a.".repeat(2_000)}ts`)).toBeUndefined();
  });
});
