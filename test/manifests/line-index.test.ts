import { LineIndex } from "../../src/manifests/line-index.js";

describe("line index", () => {
  test("gives the 1-based line of any offset", () => {
    const text = "a\nbb\n\nccc";
    const lines = new LineIndex(text);
    expect([0, 1, 2, 4, 5, 6, 9].map((offset) => lines.lineAt(offset))).toEqual([1, 1, 2, 2, 3, 4, 4]);
    expect(lines.lineCount).toBe(4);
    expect(lines.startOf(4)).toBe(6);
  });

  test("a lookup costs a binary search, not a scan: steps stay within log2 of the line count", () => {
    const text = "x\n".repeat(100_000);
    const lines = new LineIndex(text);
    for (let offset = 0; offset < text.length; offset += 997) lines.lineAt(offset);
    expect(lines.steps).toBeLessThanOrEqual(lines.lookups * Math.ceil(Math.log2(lines.lineCount)));
    expect(lines.lineAt(text.length - 1)).toBe(100_000);
  });
});
