import { parseLicenseValue } from "../../src/licenses/parse-license-value.js";

describe("reading R DESCRIPTION licence values", () => {
  test.each([
    ["GPL (>= 2)", "GPL-2.0-or-later"],
    ["GPL (>= 2.0)", "GPL-2.0-or-later"],
    ["LGPL (>= 2.1)", "LGPL-2.1-or-later"],
    ["LGPL (>= 2)", "LGPL-2.0-or-later"],
    ["MPL (>= 2)", "MPL-2.0+"],
    ["GPL-2 | GPL-3", "GPL-2.0-only OR GPL-3.0-only"],
    ["GPL-3 | MIT", "GPL-3.0-only OR MIT"],
    ["GPL (>= 2) | MIT + file LICENSE", "GPL-2.0-or-later OR MIT"],
    ["BSD_3_clause + file LICENSE", "BSD-3-Clause"],
  ])("%s → %s", (value, expression) => {
    expect(parseLicenseValue(value)).toMatchObject({ expression, confidence: 0.85 });
  });

  // Regression guards: these already gave the right answer and must keep doing so.
  test.each([
    ["AGPL (>= 3)", "AGPL-3.0-or-later"],
    ["GPL (>= 3)", "GPL-3.0-or-later"],
    ["MIT + file LICENSE", "MIT"],
    ["GPL-3", "GPL-3.0"],
    ["GPL-2 | file LICENSE", "GPL-2.0-only"],
  ])("still reads %s as %s", (value, expression) => {
    expect(parseLicenseValue(value)?.expression).toBe(expression);
  });
});
