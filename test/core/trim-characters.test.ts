import { describe, expect, it } from "@jest/globals";
import { isWhitespace, trimLeading, trimTrailing, whitespaceOr } from "../../src/core/trim-characters.js";

describe("trimTrailing and trimLeading", () => {
  it("drop only the run of the given characters at their end", () => {
    expect(trimTrailing("MIT License.,;)", ".,;:)")).toBe("MIT License");
    expect(trimTrailing("a.b..", ".")).toBe("a.b");
    expect(trimLeading("//path/x", "/")).toBe("path/x");
    expect(trimLeading(" \t value \t", " \t")).toBe("value \t");
  });

  it("leave text without such characters as it is, and empty a text made only of them", () => {
    expect(trimTrailing("abc", "/")).toBe("abc");
    expect(trimTrailing("///", "/")).toBe("");
    expect(trimLeading("", " ")).toBe("");
  });

  it("take a test of one character, such as whitespace with some punctuation", () => {
    expect(trimTrailing("Example Ltd , ;\n", whitespaceOr(",.;"))).toBe("Example Ltd");
    expect(trimLeading("\u00a0\u2028 x", isWhitespace)).toBe("x");
  });

  it("treat as whitespace exactly what \\s matches", () => {
    const differing: number[] = [];
    for (let code = 0; code < 0x10000; code += 1) {
      const character = String.fromCharCode(code);
      if (isWhitespace(character) !== /\s/.test(character)) differing.push(code);
    }
    expect(differing).toEqual([]);
    expect(isWhitespace("")).toBe(false);
  });

  it("look at each character once, so a run of 100,000 is trimmed whole", () => {
    const run = " ".repeat(100_000);
    expect(trimTrailing(`x${run}`, " ")).toBe("x");
    expect(trimLeading(`${run}x${run}`, isWhitespace)).toBe(`x${run}`);
  });
});
