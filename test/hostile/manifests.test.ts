// Manifests built at test time to be large, malformed or hostile: each is parsed in time
// linear in its size, shown by the line index's counters rather than by a timer (one index
// built per file, one binary-search lookup per reported line), and gives an honest outcome in row 4.
import { LineIndex, lineIndexStats } from "../../src/core/line-index.js";
import { readManifest } from "../../src/manifests/build-manifest-facts.js";
import { resultFor } from "../helpers/screen-memory.js";

/** Parses with a fresh index and returns what the line index did meanwhile. */
function parseCounting(path: string, text: string) {
  const lines = new LineIndex(text);
  const before = lineIndexStats();
  const parsed = readManifest(path, text, lines);
  const after = lineIndexStats();
  return { parsed, builds: after.builds - before.builds, lookups: after.lookups - before.lookups };
}

describe("large manifests are parsed through one line index", () => {
  test("a package.json with 30,000 dependencies: one lookup per dependency, each a binary search", () => {
    const dependencies = Object.fromEntries(Array.from({ length: 30_000 }, (_, index) => [`pkg-${index}`, "^1.0.0"]));
    const text = JSON.stringify({ name: "big", dependencies }, null, 2);
    const { parsed, builds, lookups } = parseCounting("package.json", text);
    expect(parsed?.dependencies).toHaveLength(30_000);
    expect(parsed?.dependencies[0]).toMatchObject({ name: "pkg-0", version: "^1.0.0", line: 4 });
    expect(parsed?.dependencies.at(-1)).toMatchObject({ name: "pkg-29999", line: 30_003 });
    expect([builds, lookups]).toEqual([0, 30_000]);
  });

  test("a pom.xml with 12,000 licences: one lookup per licence", () => {
    const license = "  <license>\n    <name>Apache-2.0</name>\n  </license>\n";
    const text = `<project>\n<licenses>\n${license.repeat(12_000)}</licenses>\n</project>\n`;
    const { parsed, builds, lookups } = parseCounting("pom.xml", text);
    expect(parsed?.licenses).toHaveLength(12_000);
    expect(parsed?.licenses[1]).toEqual({ value: "Apache-2.0", line: 7 });
    expect([builds, lookups]).toEqual([0, 12_000]);
  });

  test("a pom.xml of 20,000 unclosed <dependency> blocks yields nothing and is scanned forward once", () => {
    const text = `<project><dependencies>${"<dependency><groupId>g</groupId>".repeat(20_000)}</dependencies></project>`;
    const { parsed, builds, lookups } = parseCounting("pom.xml", text);
    expect(parsed?.dependencies).toEqual([]);
    expect([builds, lookups]).toEqual([0, 0]);
  });

  test("a datapackage.json with 20,000 resource paths reads only its licences, through the index", () => {
    const resources = Array.from({ length: 20_000 }, (_, index) => ({ name: `r${index}`, path: `data/r${index}.csv` }));
    const text = JSON.stringify({ name: "d", licenses: [{ name: "CC-BY-4.0" }], resources }, null, 1);
    const { parsed, builds, lookups } = parseCounting("datapackage.json", text);
    expect(parsed?.licenses).toEqual([{ value: "CC-BY-4.0", line: 5 }]);
    expect([builds, lookups]).toEqual([0, 1]);
  });

  test("a trove classifier line of 200,000 spaces is read without backtracking and gives nothing", () => {
    const text = `[project]\nclassifiers = ["License ::${" ".repeat(200_000)}\n`;
    expect(readManifest("pyproject.toml", text)?.licenses).toEqual([]);
  });
});

describe("row 4 says what could not be read", () => {
  const pkg = (dependencies: unknown) => JSON.stringify({ name: "x", dependencies });

  test("a package.json over the byte cap is review, with its size and the cap, never 'no manifest found'", async () => {
    const padding = '{"name": "x", "description": "'.length + '"}'.length;
    const text = `{"name": "x", "description": "${"a".repeat(30_000_000 - padding)}"}`;
    const result = await resultFor("4", { "package.json": text });
    expect(result.outcome).toBe("review");
    expect(result.summary).toBe(
      "package.json is 30 MB, over the 512 KiB cap, and was not read; a reviewer must check its dependencies.",
    );
    expect(result.summary).not.toContain("No dependency manifest");
    expect(result.evidence).toContainEqual(expect.objectContaining({ path: "package.json" }));
  });

  test("a requirements.txt over the cap next to a readable package.json is review, not pass", async () => {
    const result = await resultFor("4", {
      "package.json": pkg({ pg: "^8" }),
      "requirements.txt": "django==4.2\n".repeat(200_000),
    });
    expect(result.outcome).toBe("review");
    expect(result.summary).toBe(
      "requirements.txt is 2.4 MB, over the 512 KiB cap, and was not read; a reviewer must check its dependencies.",
    );
  });

  test("a binary package.json is review and says so", async () => {
    const result = await resultFor("4", { "package.json": new Uint8Array([0, 159, 146, 150, 0, 1, 2]) });
    expect(result.outcome).toBe("review");
    expect(result.summary).toBe(
      "package.json is not text (7 bytes of binary data) and was not read; a reviewer must check its dependencies.",
    );
  });

  test("dependencies given as an array are malformed: no dependency named '0', and the row says why", async () => {
    const result = await resultFor("4", { "package.json": pkg(["react", "firebase"]) });
    expect(result.outcome).toBe("review");
    const notes = result.evidence.map((item) => item.note);
    expect(notes.join("\n")).not.toMatch(/\b0\b.*mandatory|^0[: ]/m);
    expect(notes).toContain(
      '"dependencies" in package.json (line 1) is an array, not an object of package names and versions, so it was not read',
    );
    expect(readManifest("package.json", pkg(["react"]))?.dependencies).toEqual([]);
  });

  test("a package.json that is not JSON is review, naming the parse error and its line", async () => {
    const result = await resultFor("4", { "package.json": '{\n  "dependencies": {\n    "pg": "8",\n' });
    expect(result.outcome).toBe("review");
    expect(result.evidence.map((item) => item.note)).toContainEqual(
      expect.stringMatching(/^package\.json is not valid JSON \(\w+ at line \d+\) and was not read$/),
    );
  });

  test("an empty package.json declares nothing and is no parse problem", () => {
    expect(readManifest("package.json", "")).toEqual({ dependencies: [], licenses: [], problems: [] });
  });
});
