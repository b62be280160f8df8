import { identifyLicenseText, identifyLicenseTexts, isIdentified } from "../../src/licenses/identify-license-text.js";
import {
  abridgedCreativeCommons,
  creativeCommonsDeedByNcNd,
  extraTermsPreamble,
  filledBusl,
  fsfLgpl3,
} from "../fixtures/licenses/public-texts.js";
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

describe("identifying the licence texts projects actually ship", () => {
  test("LGPL-3.0 as the FSF ships lgpl-3.0.txt (without the GPL text SPDX appends) is LGPL-3.0, exactly", () => {
    const result = identify(fsfLgpl3());
    expect(result).toMatchObject({ spdx: "LGPL-3.0-only", confidence: 1 });
    expect(result.note).toMatch(/LGPL additional permissions alone/);
  });

  test("a BUSL-1.1 with its parameters filled in and without MariaDB's covenants is BUSL-1.1, and says the parameters", () => {
    const result = identify(filledBusl());
    expect(result.spdx).toBe("BUSL-1.1");
    expect(result.confidence).toBeGreaterThanOrEqual(0.9);
    expect(result.note).toMatch(
      /filled-in parameters \(lines 4-\d+\): Licensor: Example Org; .*Change Date: 2028-01-01/,
    );
  });

  test("an Apache-2.0 text with its appendix filled in is Apache-2.0", () => {
    expect(identify(filledText("Apache-2.0", "Example Org")).spdx).toBe("Apache-2.0");
  });

  test("a BSD-3-Clause naming its owner in clause 3 is BSD-3-Clause", () => {
    const text = filledText("BSD-3-Clause").replace("the copyright holder", "Example Org");
    expect(text).toContain("Neither the name of Example Org");
    expect(identify(text)).toMatchObject({ spdx: "BSD-3-Clause" });
  });

  test("MIT after a long preamble of extra terms is found, and the note says what the preamble is", () => {
    const result = identify(`${extraTermsPreamble(30)}${filledText("MIT")}`);
    expect(result.spdx).toBe("MIT");
    expect(result.confidence).toBeGreaterThanOrEqual(0.9);
    expect(result.note).toMatch(
      /a preamble of \d{3} words before the licence text \("additional terms the organization s name/,
    );
  });

  test("two licence texts in one file are both reported, each saying the other is there", () => {
    const result = identifyLicenseTexts(`${spdxText("SSPL-1.0")}\n\n${spdxText("Elastic-2.0")}`);
    expect(result.found.map((found) => found.spdx)).toEqual(["SSPL-1.0", "Elastic-2.0"]);
    expect(result.found[0]?.note).toMatch(/also holds Elastic-2.0/);
    expect(result.found[1]?.line).toBeGreaterThan(result.found[0]?.endLine ?? Infinity);
  });

  test("an abridged Creative Commons legal code is named from its title when its words are that licence's", () => {
    const result = identify(abridgedCreativeCommons("CC-BY-NC-ND-4.0"));
    expect(result).toMatchObject({ spdx: "CC-BY-NC-ND-4.0", form: "abridged", confidence: 0.9 });
    expect(result.note).toMatch(/abridged text: its title names CC-BY-NC-ND-4.0/);
  });

  test("a Creative Commons deed is named from its title and said to be a deed", () => {
    expect(identify(creativeCommonsDeedByNcNd())).toMatchObject({ spdx: "CC-BY-NC-ND-4.0", form: "deed" });
  });

  test("a title naming a licence over a different text is not taken for that licence", () => {
    const text = `MIT License\n\n${extraTermsPreamble(5)}`;
    const result = identifyLicenseText(text);
    expect(isIdentified(result)).toBe(false);
    expect(result).toMatchObject({ titled: "MIT" });
  });
});
