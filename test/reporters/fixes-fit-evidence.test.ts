// A fix names only what is missing: no fix, in any renderer, tells a maintainer to add a file the
// same finding's evidence lists, and no evidence bullet is an instruction.
import type { IndicatorResult, Report } from "../../src/core/report.js";
import { renderFixIssue } from "../../src/reporters/fix-issue.js";
import { renderCheckRun } from "../../src/reporters/check-run.js";
import { renderText } from "../../src/reporters/text.js";
import { screenMemory } from "../helpers/screen-memory.js";

const resultOf = (report: Report, id: string): IndicatorResult => {
  const result = report.results.find((candidate) => candidate.indicator === id);
  if (result === undefined) throw new Error(id);
  return result;
};

/** Everything a maintainer reads as the fix of `id`: the row's fix and its suggested-fix issue. */
function fixesOf(report: Report, id: string): string {
  const result = resultOf(report, id);
  return [result.fix?.text ?? "", result.fix?.markdown ?? "", renderFixIssue(report, result).body].join("\n");
}

const UNIDENTIFIED = "You may use this software for some things; write to us for the rest.\n";

describe("fixes that fit the evidence", () => {
  test.each(["LICENSE", "LICENSE.md", "COPYING", "LICENCE.txt"])(
    "an unidentified %s is named as the file to fix, never as one to add",
    async (path) => {
      const report = await screenMemory({ [path]: UNIDENTIFIED, "index.js": "export {};\n" });
      const result = resultOf(report, "2");
      expect(result.evidence.map((item) => item.path)).toContain(path);
      const fixes = fixesOf(report, "2");
      expect(fixes).not.toMatch(/Put the full text of the licence in (a LICENSE file|`LICENSE`)/);
      expect(fixes).not.toMatch(/Save its full text, unchanged, as `LICENSE`/);
      expect(result.fix?.text).toContain(`${path} holds a licence text the screener could not identify`);
    },
  );

  test("an empty LICENSE is said to be empty, and the fix is to fill it, not to add one", async () => {
    const report = await screenMemory({ LICENSE: "\n", "index.js": "export {};\n" });
    const result = resultOf(report, "2");
    expect(result.outcome).toBe("fail");
    expect(result.summary).not.toContain("no LICENSE or COPYING file");
    expect(result.summary).toBe("No licence found: LICENSE is empty.");
    expect(result.evidence).toEqual([{ path: "LICENSE", note: "the file is empty" }]);
    expect(result.fix?.text).toBe(
      "Choose an approved open licence (e.g. Apache-2.0, MIT, GPL-3.0-or-later for software), put its full text in LICENSE (it is empty), and make package manifests name the same licence.",
    );
    const body = renderFixIssue(report, result).body;
    expect(body).toContain(
      "1. Make `LICENSE` hold the full text, unchanged (as SPDX publishes it), of one approved licence",
    );
    expect(body).not.toContain("Save its full text, unchanged, as `LICENSE`");
  });

  test("a licence only a manifest declares: the fix adds a LICENSE, since none exists", async () => {
    const report = await screenMemory({ "package.json": '{"name":"x","license":"MIT"}', "index.js": "export {};\n" });
    expect(resultOf(report, "2").fix?.text).toBe("Put the full text of MIT in a LICENSE file at the repository root.");
  });

  test("a rejected licence's text is to be replaced, in the row's fix and its issue", async () => {
    const report = await screenMemory({
      LICENSE: "Business Source License 1.1\n\nSPDX-License-Identifier: BUSL-1.1\n",
      "index.js": "export {};\n",
    });
    const result = resultOf(report, "2");
    expect(result.outcome).toBe("fail");
    expect(result.fix?.text).toContain("replace the text in LICENSE");
    const body = renderFixIssue(report, result).body;
    expect(body).toContain(
      "1. Make `LICENSE` hold the full text, unchanged (as SPDX publishes it), of one approved licence",
    );
    expect(body).toContain("#### Licences to choose from");
    expect(body).not.toContain("Save its full text, unchanged, as `LICENSE`");
  });

  test("the SPDX-License-Identifier line the fix asks for is read in a licence file, so the fix is not repeated", async () => {
    const report = await screenMemory({
      LICENSE: `${UNIDENTIFIED}\nSPDX-License-Identifier: Apache-2.0\n`,
      "index.js": "export {};\n",
    });
    const result = resultOf(report, "2");
    expect(result.outcome).toBe("pass");
    expect(result.evidence).toContainEqual({
      path: "LICENSE",
      line: 3,
      note: 'Apache-2.0 (notice, confidence 90%): "SPDX-License-Identifier: Apache-2.0" in the licence file',
    });
  });

  test.each([["SECURITY.md"], [".github/SECURITY.md"], ["docs/SECURITY.md"]])(
    "with %s found, no fix of row 9a says to add SECURITY.md",
    async (path) => {
      const report = await screenMemory({ [path]: "# Security\n\nMail security@example.org.\n" });
      const result = resultOf(report, "9a");
      expect(result.evidence).toContainEqual({ path, note: "security policy" });
      const fixes = fixesOf(report, "9a");
      expect(fixes).not.toMatch(/Add `?SECURITY\.md/);
      expect(fixes).not.toContain("<security contact");
      expect(fixes).toContain("doNoHarm.dataPrivacySecurity");
      expect(fixes).toContain(`1. Keep \`${path}\` saying how to report a vulnerability`);
    },
  );

  test("without a security policy, the fix issue offers the SECURITY.md template", async () => {
    const report = await screenMemory({ "README.md": "# Demo\n" });
    const body = renderFixIssue(report, resultOf(report, "9a")).body;
    expect(body).toContain("Add `SECURITY.md` from the template below");
    expect(body).toContain("#### `SECURITY.md`");
  });

  test.each([["CODE_OF_CONDUCT.md"], [".github/CODE_OF_CONDUCT.md"], ["docs/code-of-conduct.md"]])(
    "with %s found, no fix of row 9c says to add CODE_OF_CONDUCT.md",
    async (path) => {
      const report = await screenMemory({ [path]: "# Code of conduct\n\nBe kind.\n" });
      const result = resultOf(report, "9c");
      expect(result.evidence.map((item) => item.path)).toContain(path);
      const fixes = fixesOf(report, "9c");
      expect(fixes).not.toMatch(/Add `?CODE_OF_CONDUCT\.md/);
      expect(fixes).not.toContain("#### `CODE_OF_CONDUCT.md`");
      expect(fixes.toLowerCase()).toContain(`name a contact for reporting harassment in \`${path.toLowerCase()}\``);
    },
  );

  test("a declared code of conduct that is missing, beside one that exists, is fixed by pointing the declaration at it", async () => {
    const report = await screenMemory({
      "CODE_OF_CONDUCT.md": "# Code of conduct\n\nReport to conduct@example.org.\n",
      ".github/dpg.yml": "doNoHarm:\n  harassment:\n    codeOfConduct: docs/CONDUCT.md\n",
    });
    const result = resultOf(report, "9c");
    expect(result.outcome).toBe("review");
    const fixes = fixesOf(report, "9c");
    expect(fixes).not.toMatch(/Add `?CODE_OF_CONDUCT\.md/);
    expect(result.fix?.text).toBe(
      "Point `doNoHarm.harassment.codeOfConduct` in .github/dpg.yml at CODE_OF_CONDUCT.md: docs/CONDUCT.md is not in the repository.",
    );
  });

  test("without a code of conduct, the fix issue offers the template", async () => {
    const report = await screenMemory({ "README.md": "# Demo\n" });
    expect(renderFixIssue(report, resultOf(report, "9c")).body).toContain("#### `CODE_OF_CONDUCT.md`");
  });

  test("the text and check-run renderers print the row's own fix", async () => {
    const report = await screenMemory({ "SECURITY.md": "# Security\n", "CODE_OF_CONDUCT.md": "# Conduct\n" });
    const text = renderText(report, { tty: false });
    const checkRun = JSON.stringify(renderCheckRun(report));
    for (const rendered of [text, checkRun]) {
      expect(rendered).not.toMatch(/Add `?SECURITY\.md/);
      expect(rendered).not.toMatch(/Add `?CODE_OF_CONDUCT\.md/);
    }
  });
});
