// Repository text shaped to make a backtracking expression retry from every character: long
// runs of spaces, brackets or dots that never reach what the pattern ends with. Each input is
// 100,000 characters; the expressions these passes replaced took seconds at 3,000 and minutes at
// 6,000 (cubic), so each answer here is checked on a size where only a linear pass answers at all.
import { describe, expect, it } from "@jest/globals";
import { RECHECK_COMMAND } from "../../src/app/handle-issue-comment.js";
import { findLicenseNotices } from "../../src/licenses/find-license-notices.js";
import { readLicenseHeader } from "../../src/licenses/read-license-headers.js";
import { readReadmeLicense, unlink } from "../../src/licenses/read-readme-license.js";
import { readManifest } from "../../src/manifests/build-manifest-facts.js";
import { headingText, stripMarkup } from "../../src/product/product-facts.js";
import { copyrightHolder } from "../../src/reporters/dpga-entry.js";

const RUN = 100_000;
const spaces = " ".repeat(RUN);

describe("passes over repository text stay linear on adversarial runs", () => {
  it("a README heading word followed by a long space run that never ends its line is no licence section", () => {
    expect(readReadmeLicense(`## License${spaces}x\n\nMIT\n`)).toEqual([]);
    // The same heading ended properly still opens the section, its line numbers intact.
    expect(readReadmeLicense(`## License${spaces}\n\nMIT\n`)).toMatchObject([{ spdx: "MIT", line: 3 }]);
  });

  it("a README heading with a long space run before a stray character keeps its text", () => {
    expect(headingText(`# Example${spaces}\rx`)).toBeUndefined();
    expect(headingText(`# Example${spaces}##${spaces}`)).toBe("Example");
  });

  it("a line of 100,000 opening brackets is left as it is, and a link after it still becomes its label", () => {
    const brackets = "[".repeat(RUN);
    expect(stripMarkup(brackets)).toBe(brackets);
    expect(stripMarkup(`${brackets}](x) [docs](y)`)).toBe(`${brackets.slice(1)} docs`);
    expect(unlink(`${brackets}\n[MIT](LICENSE)`)).toBe(`${brackets}\nMIT`);
    expect(unlink("![".repeat(RUN / 2))).toBe("![".repeat(RUN / 2));
  });

  it("a Creative Commons name followed by a long space run is read, its quote without the run", () => {
    const [notice] = findLicenseNotices(`Licensed under CC BY-SA 4.0${spaces}x`);
    expect(notice).toMatchObject({ spdx: "CC-BY-SA-4.0", quote: "CC BY-SA 4.0" });
  });

  it("an SPDX header whose value runs into a long space run and a stray star names no licence", () => {
    expect(readLicenseHeader(`// SPDX-License-Identifier: MIT${" ".repeat(3_900)}*x`)).toBeUndefined();
    expect(readLicenseHeader(`/* SPDX-License-Identifier: MIT${" ".repeat(3_900)}*/`)).toEqual({
      value: "MIT",
      line: 1,
    });
  });

  it("a copyright line padded with a long space run gives its holder", () => {
    expect(copyrightHolder(`Copyright (c) 2024 Example Ltd${spaces}, All rights reserved.${spaces}`)).toBe(
      "Example Ltd",
    );
    expect(copyrightHolder(`Copyright 2024 Example Ltd${spaces}<team@example.org>${spaces}`)).toBe("Example Ltd");
  });

  it("a comment of 100,000 blank lines is no recheck command, and the command after them is", () => {
    const blank = "\n".repeat(RUN);
    expect(RECHECK_COMMAND.test(`${blank}x`)).toBe(false);
    expect(RECHECK_COMMAND.test(`${blank}  /dpg recheck  \n`)).toBe(true);
  });

  it("a go.mod line of 100,000 dots names no module", () => {
    const parsed = readManifest("go.mod", `module example.org/x\n\nrequire a${".".repeat(RUN)}\n`);
    expect(parsed?.dependencies).toEqual([]);
  });
});
