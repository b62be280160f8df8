import { describe, expect, it } from "@jest/globals";
import { nextIndexFinder } from "../../src/core/next-index.js";

describe("nextIndexFinder", () => {
  it("gives the first stop at or after a position, or the text's length", () => {
    const next = nextIndexFinder("ab]cd]e", (character) => character === "]");
    expect([0, 1, 2, 3, 5, 6, 7].map(next)).toEqual([2, 2, 2, 5, 5, 7, 7]);
  });

  it("answers rightly when asked from an earlier position again", () => {
    const next = nextIndexFinder("a]b]", (character) => character === "]");
    expect(next(2)).toBe(3);
    expect(next(0)).toBe(1);
  });

  it("reads each character once for positions that move forward", () => {
    let reads = 0;
    const text = "x".repeat(100_000);
    const next = nextIndexFinder(text, (character) => {
      reads += 1;
      return character === "]";
    });
    let wrong = 0;
    for (let from = 0; from < text.length; from += 1) if (next(from) !== text.length) wrong += 1;
    expect(wrong).toBe(0);
    expect(reads).toBe(100_000);
  });
});
