import { formatCount } from "../../src/core/format-count.js";

describe("formatCount", () => {
  test.each([0, 7, 999, 1_000, 12_345, 999_999, 1_000_000, 123_456_789, -4_500, Number.MAX_SAFE_INTEGER])(
    "writes %d as English does",
    (value) => {
      expect(formatCount(value)).toBe(value.toLocaleString("en"));
    },
  );

  test("a number that is not a safe integer is still written as English does", () => {
    expect(formatCount(1234.5)).toBe("1,234.5");
    expect(formatCount(2 ** 60)).toBe((2 ** 60).toLocaleString("en"));
  });
});
