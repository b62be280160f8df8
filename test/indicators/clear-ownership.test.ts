import { createRequire } from "node:module";
import { resultFor } from "../helpers/screen-memory.js";

const licenseText = (id: string): string =>
  (createRequire(import.meta.url)("spdx-license-list/full") as Record<string, { licenseText: string }>)[id]
    ?.licenseText ?? "";

const DECLARED =
  "owner:\n  name: Example Foundation\n  type: non-profit\n  country: Kenya\n  evidence: [https://example.org/about]\n";

describe("indicator 3: clear ownership", () => {
  test("copyright lines, CODEOWNERS and a CLA are evidence; the owner must still be declared", async () => {
    const result = await resultFor("3", {
      LICENSE: "MIT License\n\nCopyright (c) 2024 Example Foundation\n",
      ".github/CODEOWNERS": "* @example/core",
      "CLA.md": "Sign this.",
    });
    expect(result.outcome).toBe("review");
    expect(
      result.criteria?.filter((criterion) => criterion.outcome === "pass").map((criterion) => criterion.question),
    ).toEqual([
      "Who holds the copyright?",
      "Who maintains the project (CODEOWNERS, MAINTAINERS, GOVERNANCE)?",
      "Is there a Contributor License Agreement or a DCO?",
    ]);
    expect(result.evidence[0]).toMatchObject({ path: "LICENSE", line: 3 });
  });

  test("a complete owner declaration is attested", async () => {
    const result = await resultFor("3", {
      LICENSE: "Copyright 2024 Example Foundation\n",
      ".github/dpg.yml": DECLARED,
    });
    expect(result.outcome).toBe("attested");
  });

  test("a partial declaration names what is missing", async () => {
    const result = await resultFor("3", { ".github/dpg.yml": "owner:\n  name: Example Foundation\n" });
    expect(result.outcome).toBe("review");
    expect(result.criteria?.at(-1)?.evidence?.[0]?.note).toBe(
      "Not declared: `owner.type`, `owner.country`, `owner.evidence`.",
    );
  });

  test.each([
    ["Apache-2.0", licenseText("Apache-2.0")],
    ["GPL-3.0", licenseText("GPL-3.0-only")],
    ["GPL-2.0", licenseText("GPL-2.0-only")],
    ["LGPL-2.1", licenseText("LGPL-2.1-only")],
    ["AGPL-3.0", licenseText("AGPL-3.0-only")],
    ["BSD's disclaimer", 'THIS SOFTWARE IS PROVIDED BY THE\nCOPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"\n'],
    [
      "a list item (c)",
      "(a) You must give any other recipients a copy;\n(c) You include a prominent notice stating that You changed the files\n",
    ],
    [
      "wrapped licence wording and templates",
      "Licensor hereby grants a\ncopyright license to reproduce\nCopyright License terms apply\ncopyright owner or entity authorized by\nThe above copyright notice and this permission notice\nCopyright [yyyy] [name of copyright owner]\nCopyright (C) <year>  <name of author>\n",
    ],
  ])("the wording of a licence (%s) is not a copyright holder", async (_name, text) => {
    const result = await resultFor("3", { LICENSE: text });
    expect(result.criteria?.[0]).toMatchObject({ question: "Who holds the copyright?", outcome: "review" });
  });

  test.each([
    ["Copyright (c) 2024 Example Foundation", 1],
    ["Copyright 2014 by the contributors", 1],
    ["© Société Générale", 1],
    ["(c) 2019-2023 Example Ltd", 1],
    ["// Copyright (c) Microsoft Corporation.", 1],
    ["(C) Copyright 2020 IBM Corp.", 1],
  ])("%s is cited as a copyright statement, and the Apache-2.0 text after it is not", async (line, lineNumber) => {
    const result = await resultFor("3", { LICENSE: `${line}\n\n${licenseText("Apache-2.0")}` });
    expect(result.criteria?.[0]?.outcome).toBe("pass");
    expect(result.criteria?.[0]?.evidence).toEqual([{ path: "LICENSE", line: lineNumber, note: `"${line.trim()}"` }]);
  });

  test("a verbatim GPL names the project's holder, not the Free Software Foundation's copyright of the licence", async () => {
    const result = await resultFor("3", {
      LICENSE: `Copyright 2014 by the contributors\n\n${licenseText("GPL-3.0-only")}`,
    });
    expect(result.criteria?.[0]?.evidence).toEqual([
      { path: "LICENSE", line: 1, note: '"Copyright 2014 by the contributors"' },
    ]);
  });

  test("an Apache-2.0 LICENSE with the project's notice in the appendix cites only that notice", async () => {
    const result = await resultFor("3", { LICENSE: `${licenseText("Apache-2.0")}\n\n   Copyright 2023 Google LLC\n` });
    expect(result.criteria?.[0]?.evidence?.map((item) => item.note)).toEqual(['"Copyright 2023 Google LLC"']);
  });

  test("the same line is cited once even when its file is read as both licence and README", async () => {
    const result = await resultFor("3", {
      "README.md": "# App\n\n## License\n\nMIT\n\nCopyright 2023 @a2i, Bangladesh\n",
    });
    const cited = (result.criteria?.[0]?.evidence ?? []).map((item) => `${item.path ?? ""}:${item.line ?? 0}`);
    expect(cited).toEqual([...new Set(cited)]);
    expect(cited).toContain("README.md:7");
  });
});

describe("template copyright lines", () => {
  /** The MIT text from spdx-license-list with its copyright line written as the given template line. */
  const mitWith = (line: string) => licenseText("MIT").replace(/^Copyright.*$/m, line);

  test.each([
    ["Copyright (c) [year] [fullname]"],
    ["Copyright (c) 2024 [fullname]"],
    ["Copyright (c) <year> <copyright holders>"],
    ["Copyright {{ year }} {{ owner }}"],
    ["Copyright (c) ${year} ${owner}"],
    ["Copyright 2020 NAME HERE <EMAIL ADDRESS>"],
    ["Copyright [yyyy] [name of copyright owner]"],
  ])("%s is never quoted as an owner; the fix says to fill it in", async (line) => {
    const result = await resultFor("3", { LICENSE: mitWith(line) });
    expect(result.criteria?.[0]?.outcome).toBe("review");
    expect(JSON.stringify(result)).not.toContain(line);
    expect(result.criteria?.[0]?.evidence).toContainEqual({
      path: "LICENSE",
      line: expect.any(Number) as number,
      note: "a copyright line with an unfilled template placeholder: it names no owner",
    });
    expect(result.summary).toBe(
      "The copyright line is an unfilled template; maintainers must state who owns the project.",
    );
    expect(result.fix?.text).toMatch(/^Fill in the template's copyright line \(LICENSE:\d+\)/);
  });

  test("an e-mail address in angle brackets is part of a real copyright line", async () => {
    const line = "Copyright (c) 2024 Jane Doe <jane@example.org>";
    const result = await resultFor("3", { LICENSE: mitWith(line) });
    expect(result.criteria?.[0]).toMatchObject({ outcome: "pass", evidence: [{ path: "LICENSE", note: `"${line}"` }] });
  });

  test("the GPL's own how-to-apply template after its terms is neither quoted nor reported", async () => {
    const result = await resultFor("3", { LICENSE: licenseText("GPL-3.0-only") });
    expect(result.criteria?.[0]?.evidence).toEqual([
      { note: "No copyright line found in LICENSE, NOTICE, COPYRIGHT or the README." },
    ]);
  });

  test("with a copyright line found, the fix asks only for the declaration", async () => {
    const result = await resultFor("3", { LICENSE: mitWith("Copyright (c) 2024 Example Foundation") });
    expect(result.fix?.text).toBe(
      "Declare the owner's name, organisation type and country in .github/dpg.yml under `owner`, with a link that proves ownership.",
    );
  });
});

describe("indicator 3: template placeholders are never owners", () => {
  const MIT_TERMS = licenseText("MIT").split("\n").slice(3).join("\n");
  test.each([
    ["Copyright (c) [year] [fullname]"],
    ["Copyright <YEAR> <COPYRIGHT HOLDER>"],
    ["Copyright © 2024 NAME HERE <EMAIL ADDRESS>"],
    ["Copyright (c) ${year} ${owner}"],
    ["Copyright (c) {{ year }} {{ author }}"],
    ["Copyright yyyy name of copyright owner"],
  ])("%s in LICENSE is an unfilled template, quoted nowhere, and the fix is to fill it in", async (line) => {
    const result = await resultFor("3", { LICENSE: `MIT License\n\n${line}\n\n${MIT_TERMS}`, "index.js": "" });
    expect(result.criteria?.[0]).toMatchObject({ question: "Who holds the copyright?", outcome: "review" });
    expect(result.evidence).toContainEqual({
      path: "LICENSE",
      line: 3,
      note: "a copyright line with an unfilled template placeholder: it names no owner",
    });
    expect(JSON.stringify(result)).not.toContain(line.replace(/"/g, '\\"'));
    expect(result.summary).toBe(
      "The copyright line is an unfilled template; maintainers must state who owns the project.",
    );
    expect(result.fix?.text).toMatch(
      /^Fill in the template's copyright line \(LICENSE:3\) with the year and the owner's name/,
    );
  });

  test.each([["NOTICE"], ["README.md"]])("a placeholder line in %s is not quoted as the owner either", async (path) => {
    const result = await resultFor("3", { [path]: "# Demo\n\nCopyright (c) [year] [fullname]\n" });
    expect(result.criteria?.[0]?.outcome).toBe("review");
    expect(JSON.stringify(result)).not.toContain("[fullname]");
  });

  test("the Apache-2.0 appendix's 'Copyright [yyyy] [name of copyright owner]' is the licence's, not the project's", async () => {
    const result = await resultFor("3", { LICENSE: licenseText("Apache-2.0") });
    expect(result.criteria?.[0]?.evidence).toEqual([
      { note: "No copyright line found in LICENSE, NOTICE, COPYRIGHT or the README." },
    ]);
  });

  test("a filled-in line beside a placeholder one is the owner", async () => {
    const result = await resultFor("3", {
      LICENSE: "Copyright (c) [year] [fullname]\nCopyright (c) 2024 Example Foundation\n",
    });
    expect(result.criteria?.[0]).toMatchObject({
      outcome: "pass",
      evidence: [{ path: "LICENSE", line: 2, note: '"Copyright (c) 2024 Example Foundation"' }],
    });
  });
});
