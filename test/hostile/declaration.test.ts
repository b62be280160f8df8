// Hostile .github/dpg.yml files, generated at test time: the parse is linear and the output bounded.
import { MAX_DECLARATION_PROBLEMS, parseDeclaration } from "../../src/declaration/build-declaration-facts.js";
import { lineIndexStats } from "../../src/core/line-index.js";

const keys = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}: value`).join("\n");

describe("hostile declarations", () => {
  test("10,000 unknown keys: the first problems are listed with their lines, the rest counted", () => {
    const before = lineIndexStats();
    const result = parseDeclaration(keys(10_000, "unknown"));
    const after = lineIndexStats();
    expect(result.status).toBe("invalid");
    expect(result.problems).toHaveLength(MAX_DECLARATION_PROBLEMS + 1);
    expect(result.problems[0]).toEqual({
      key: "unknown0",
      line: 1,
      message: 'unknown key "unknown0"; check its spelling against docs/declaration.md',
    });
    expect(result.problems[MAX_DECLARATION_PROBLEMS - 1]?.line).toBe(MAX_DECLARATION_PROBLEMS);
    expect(result.problems[MAX_DECLARATION_PROBLEMS]).toEqual({
      key: "",
      message: "9,950 more problems not listed (10,000 in all); fix these first",
    });
    // One line index for the file and one lookup per problem: no search per key.
    expect(after.builds - before.builds).toBe(1);
    expect(after.lookups - before.lookups).toBe(10_000);
  });

  test("55,000 keys with duplicates: each duplicate is found with its line in one pass", () => {
    const text = `${keys(55_000, "k")}\nk7: again\nk54999: again\n`;
    const result = parseDeclaration(text);
    expect(result.status).toBe("invalid");
    expect(result.problems).toEqual([
      { key: "", line: 55_001, message: "Map keys must be unique" },
      { key: "", line: 55_002, message: "Map keys must be unique" },
    ]);
  });

  test("keys that differ in type are not duplicates, as in YAML (1 and '1')", () => {
    expect(parseDeclaration('exemptions:\n  1: {reason: x}\n  "1": {reason: y}\n').problems).not.toContainEqual(
      expect.objectContaining({ message: "Map keys must be unique" }),
    );
    expect(parseDeclaration("owner:\n  name: a\n  name: b\n").problems).toEqual([
      { key: "", line: 3, message: "Map keys must be unique" },
    ]);
  });
});
