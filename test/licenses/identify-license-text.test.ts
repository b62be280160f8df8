import { identifyLicenseText, isIdentified } from "../../src/licenses/identify-license-text.js";
import { filledText, reformattedText, spdxText, untitledText } from "../fixtures/licenses/spdx-texts.js";

function identify(text: string) {
  const result = identifyLicenseText(text);
  if (!isIdentified(result)) throw new Error(`not identified: ${JSON.stringify(result)}`);
  return result;
}

describe("identifying licence texts against the SPDX list", () => {
  test.each([
    "MIT",
    "Apache-2.0",
    "BSD-3-Clause",
    "BSD-2-Clause",
    "ISC",
    "MPL-2.0",
    "CC-BY-4.0",
    "CC-BY-NC-SA-4.0",
    "ODbL-1.0",
    "EUPL-1.2",
    "SSPL-1.0",
    "BUSL-1.1",
  ])("%s verbatim is itself, exactly", (id) => {
    expect(identify(spdxText(id))).toMatchObject({ spdx: id, confidence: 1 });
  });

  test("a GNU text names the -only form and the identical-text ids", () => {
    const result = identify(spdxText("GPL-3.0-or-later"));
    expect(result.spdx).toBe("GPL-3.0-only");
    expect(result.sameText).toContain("GPL-3.0-or-later");
  });

  test.each([
    ["templated copyright filled in", filledText("MIT")],
    ["no title line", untitledText("MIT")],
    ["re-wrapped with Markdown", reformattedText("BSD-3-Clause")],
    ["licence spelled licence", spdxText("ISC").replace(/license/g, "licence")],
  ])("MIT-family text with %s is identified", (_name, text) => {
    expect(identify(text).confidence).toBeGreaterThanOrEqual(0.9);
  });

  test("a preamble before the text is found and reported", () => {
    const result = identify(
      `This project, Example, is distributed under the terms below. Parts of it were written by volunteers.\n\n${filledText("Apache-2.0")}`,
    );
    expect(result.spdx).toBe("Apache-2.0");
    expect(result.note).toMatch(/words before the licence text/);
  });

  test("a disclaimer after the text is found and reported", () => {
    const result = identify(
      `${filledText("MIT")}\n\nThe organisation's logo and name are not covered by this licence and may not be used without written permission from the organisation.\n`,
    );
    expect(result.spdx).toBe("MIT");
    expect(result.note).toMatch(/words after the licence text/);
    expect(result.extraAfter).toContain("logo");
  });

  test("BSD-3-Clause is not mistaken for the BSD-2-Clause inside it", () => {
    expect(identify(filledText("BSD-3-Clause")).spdx).toBe("BSD-3-Clause");
  });

  test("an Apache text without its appendix is still Apache-2.0", () => {
    const text = spdxText("Apache-2.0");
    expect(identify(text.slice(0, text.indexOf("END OF TERMS AND CONDITIONS") + 30)).spdx).toBe("Apache-2.0");
  });

  test("a paraphrased text is not identified, and the closest licence is named", () => {
    const words = spdxText("Apache-2.0").split(/\s+/);
    const shuffled = words.filter((_word, index) => index % 3 !== 0).join(" ");
    const result = identifyLicenseText(shuffled);
    expect(isIdentified(result)).toBe(false);
  });

  test("a short text that is no licence is not identified", () => {
    expect(isIdentified(identifyLicenseText("Copyright 2024 Example Org"))).toBe(false);
  });
});
