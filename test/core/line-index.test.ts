import { LineIndex, lineIndexStats, lineOf } from "../../src/core/line-index.js";

describe("line index", () => {
  test("gives the 1-based line of every offset, including newlines and the end", () => {
    const text = "one\ntwo\n\nfour";
    const index = new LineIndex(text);
    const expected = [...text].map((_, offset) => 1 + [...text.slice(0, offset)].filter((c) => c === "\n").length);
    expect([...text].map((_, offset) => index.lineOf(offset))).toEqual(expected);
    expect(index.lineOf(text.length + 10)).toBe(4);
    expect(index.lineCount).toBe(4);
  });

  test("returns a line's text without its newline or carriage return", () => {
    const index = new LineIndex("a\r\nbb\n\nlast");
    expect([1, 2, 3, 4, 5].map((line) => index.lineText(line))).toEqual(["a", "bb", "", "last", ""]);
  });

  test("lineOf builds one index per text however many lookups are made", () => {
    const text = "x\n".repeat(50_000);
    const before = lineIndexStats();
    for (let offset = 0; offset < text.length; offset += 97) lineOf(text, offset);
    const after = lineIndexStats();
    expect(after.builds - before.builds).toBe(1);
    expect(lineOf(text, text.length - 1)).toBe(50_000);
  });
});
