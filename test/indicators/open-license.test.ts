import { resultFor, screenMemory } from "../helpers/screen-memory.js";
import { filledText, spdxText } from "../fixtures/licenses/spdx-texts.js";
import {
  abridgedCreativeCommons,
  creativeCommonsDeedByNcNd,
  extraTermsPreamble,
  filledBusl,
  fsfLgpl3,
  GNU_GPL3_OR_LATER_NOTICE,
} from "../fixtures/licenses/public-texts.js";

const code = { "src/main.py": "print('hi')\n" };

describe("indicator 2: approved open licence", () => {
  test("an MIT LICENSE passes for software, with the file as evidence", async () => {
    const result = await resultFor("2", { ...code, LICENSE: filledText("MIT") });
    expect(result.outcome).toBe("pass");
    expect(result.summary).toBe("Licensed under MIT, approved for software.");
    expect(result.evidence[0]).toMatchObject({ path: "LICENSE", line: 1 });
  });

  test("no licence anywhere fails with the generic fix", async () => {
    const result = await resultFor("2", code);
    expect(result.outcome).toBe("fail");
    expect(result.summary).toMatch(/^No licence found/);
    expect(result.fix?.markdown).toContain("LICENSE");
  });

  test("the report carries the licence expression and the evidence contract", async () => {
    const report = await screenMemory({ ...code, LICENSE: spdxText("Apache-2.0") });
    expect(report.license).toBe("Apache-2.0");
    expect(report.licenses[0]).toMatchObject({ spdx: "Apache-2.0", path: "LICENSE", method: "text", confidence: 1 });
    expect(report.licenseConflicts).toEqual([]);
  });
});

describe("indicator 2: where licences are found and how they combine", () => {
  test.each([
    [
      "GNU or-later notice in COPYING",
      {
        COPYING:
          "This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.",
      },
      "GPL-3.0-or-later",
    ],
    [
      "LGPL 2.1 only notice",
      {
        LICENSE:
          "This library is free software; you can redistribute it and/or modify it under the terms of the GNU Lesser General Public License as published by the Free Software Foundation; version 2.1 of the License.",
      },
      "LGPL-2.1-only",
    ],
    [
      "Apache short notice",
      {
        "LICENSE.md":
          'Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance with the License.',
      },
      "Apache-2.0",
    ],
    [
      "MPL Exhibit A",
      {
        LICENSE:
          "This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy of the MPL was not distributed with this file, You can obtain one at http://mozilla.org/MPL/2.0/.",
      },
      "MPL-2.0",
    ],
    ["licence in .github", { ".github/LICENSE": filledText("MIT") }, "MIT"],
    ["file named after a licence", { "BSD-3-Clause": filledText("BSD-3-Clause") }, "BSD-3-Clause"],
    [
      "COPYING + COPYING.LESSER",
      { COPYING: spdxText("GPL-3.0-only"), "COPYING.LESSER": spdxText("LGPL-3.0-only") },
      "LGPL-3.0-only",
    ],
    [
      "LICENSE-MIT + LICENSE-APACHE dual licensing",
      { "LICENSE-MIT": filledText("MIT"), "LICENSE-APACHE": spdxText("Apache-2.0") },
      "Apache-2.0 OR MIT",
    ],
    [
      "REUSE LICENSES/ folder",
      { "LICENSES/MIT.txt": spdxText("MIT"), "LICENSES/Apache-2.0.txt": spdxText("Apache-2.0") },
      "Apache-2.0 AND MIT",
    ],
    [
      "CRAN stub + LICENSE.md",
      {
        LICENSE: "YEAR: 2024\nCOPYRIGHT HOLDER: Example Org\n",
        "LICENSE.md": filledText("MIT"),
        DESCRIPTION: "Package: demo\nLicense: MIT + file LICENSE\n",
      },
      "MIT",
    ],
  ] as const)("%s", async (_name, files, expression) => {
    const report = await screenMemory({ ...code, ...files });
    expect(report.license).toBe(expression);
    expect(report.licenseConflicts).toEqual([]);
    expect(report.results.find((result) => result.indicator === "2")?.outcome).toBe("pass");
  });

  test("code and data licences side by side give an AND, each attributed to its part", async () => {
    const report = await screenMemory(
      { ...code, "LICENSE-CODE": filledText("MIT"), "LICENSE-DATA.md": spdxText("ODbL-1.0") },
      { assetTypes: ["software", "data"] },
    );
    expect(report.license).toBe("MIT AND ODbL-1.0");
    expect(report.licenses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ spdx: "ODbL-1.0", part: "data" }),
        expect.objectContaining({ spdx: "MIT", part: "code" }),
      ]),
    );
    expect(report.results.find((result) => result.indicator === "2")?.outcome).toBe("pass");
  });

  test.each([
    ["package.json", { "package.json": JSON.stringify({ name: "x", license: "MIT" }) }, "MIT"],
    [
      "pyproject.toml classifier",
      { "pyproject.toml": '[project]\nname = "x"\nclassifiers = ["License :: OSI Approved :: MIT License"]\n' },
      "MIT",
    ],
    ["setup.cfg", { "setup.cfg": "[metadata]\nlicense = Apache 2\n" }, "Apache-2.0"],
    ["setup.py", { "setup.py": 'setup(name="x", license="GPLv3")\n' }, "GPL-3.0"],
    ["Cargo.toml", { "Cargo.toml": '[package]\nname = "x"\nlicense = "MIT OR Apache-2.0"\n' }, "MIT OR Apache-2.0"],
    [
      "composer.json",
      { "composer.json": JSON.stringify({ license: ["MIT", "GPL-2.0-or-later"] }) },
      "MIT OR GPL-2.0-or-later",
    ],
    ["gemspec", { "x.gemspec": "Gem::Specification.new do |s|\n  s.license = 'BSD-2-Clause'\nend\n" }, "BSD-2-Clause"],
    ["R DESCRIPTION", { DESCRIPTION: "Package: x\nLicense: GPL-3\n" }, "GPL-3.0"],
    [
      "pom.xml",
      {
        "pom.xml":
          "<project><licenses><license><name>Apache License, Version 2.0</name></license></licenses></project>",
      },
      "Apache-2.0",
    ],
    [
      "csproj",
      {
        "x.csproj":
          "<Project><PropertyGroup><PackageLicenseExpression>MIT</PackageLicenseExpression></PropertyGroup></Project>",
      },
      "MIT",
    ],
    ["publiccode.yml", { "publiccode.yml": "legal:\n  license: AGPL-3.0-or-later\n" }, "AGPL-3.0-or-later"],
    ["SPDX headers", { "src/a.ts": "// SPDX-License-Identifier: MPL-2.0\nexport {};\n" }, "MPL-2.0"],
    [
      "README licence section",
      { "README.md": "# X\n\n## License\n\nThis project is licensed under the MIT License.\n" },
      "MIT",
    ],
  ] as const)("a licence declared only in %s is found but needs review (no text)", async (_name, files, expression) => {
    const report = await screenMemory({ ...code, ...files });
    expect(report.license).toBe(expression);
    const result = report.results.find((candidate) => candidate.indicator === "2");
    expect(result?.outcome).toBe("review");
    expect(result?.summary).toMatch(/only declared .* the repository holds no licence text/);
  });

  test.each([
    ["a Markdown link in a sentence", "This project is licensed under the [MIT License](LICENSE).", "MIT"],
    ["a bare link", "[Apache 2.0](https://www.apache.org/licenses/LICENSE-2.0)", "Apache-2.0"],
    ["a bare licence name", "MIT", "MIT"],
  ] as const)(
    "a README licence section with %s is a claim to review, not a missing licence",
    async (_name, body, expression) => {
      const report = await screenMemory({ ...code, "README.md": `# X\n\n## License\n\n${body}\n` });
      expect(report.license).toBe(expression);
      const result = report.results.find((candidate) => candidate.indicator === "2");
      expect(result?.outcome).toBe("review");
      expect(result?.evidence[0]).toMatchObject({ path: "README.md", line: 5 });
      expect(result?.fix?.text).toBe(`Put the full text of ${expression} in a LICENSE file at the repository root.`);
    },
  );

  test("a README sentence about the framework the project started from is never a pass: a human decides", async () => {
    const result = await resultFor("2", {
      ...code,
      "README.md":
        "# App\n\n### License\nThe Laravel framework is open-sourced software licensed under the [MIT license](https://opensource.org/licenses/MIT).\n",
    });
    expect(result.outcome).toBe("review");
    expect(result.evidence[0]?.note).toContain(
      '"The Laravel framework is open-sourced software licensed under the MIT license." (it speaks of The Laravel framework, which may not be this project)',
    );
  });

  test.each([
    ["GPL (>= 2)", "GPL-2.0-or-later"],
    ["GPL-2 | GPL-3", "GPL-2.0-only OR GPL-3.0-only"],
    ["LGPL (>= 2.1)", "LGPL-2.1-or-later"],
  ] as const)("R DESCRIPTION License: %s is %s", async (value, expression) => {
    const report = await screenMemory({ ...code, DESCRIPTION: `Package: x\nVersion: 1.0\nLicense: ${value}\n` });
    expect(report.license).toBe(expression);
    expect(report.results.find((candidate) => candidate.indicator === "2")?.outcome).toBe("review");
  });

  test("a manifest that disagrees with LICENSE is a conflict naming both, and a review", async () => {
    const report = await screenMemory({
      ...code,
      LICENSE: filledText("MIT"),
      "package.json": JSON.stringify({ license: "ISC" }),
    });
    expect(report.license).toBe("MIT");
    expect(report.licenseConflicts[0]?.message).toBe(
      "package.json:1 says ISC (manifest), but the licence found is MIT.",
    );
    const result = report.results.find((candidate) => candidate.indicator === "2");
    expect(result?.outcome).toBe("review");
    expect(result?.fix?.text).toContain("package.json");
  });

  test("a manifest licence that is no licence identifier is a conflict", async () => {
    const report = await screenMemory({
      ...code,
      LICENSE: spdxText("AGPL-3.0-only"),
      "package.json": JSON.stringify({ license: "Copyright Example Org" }),
    });
    expect(report.licenseConflicts[0]?.message).toBe(
      'package.json gives the licence as "Copyright Example Org", which is not a licence identifier, while the project\'s licence is AGPL-3.0-only.',
    );
  });

  test("two licence files with different licences are a conflict, never silently resolved", async () => {
    const report = await screenMemory({
      ...code,
      COPYING: spdxText("LGPL-2.1-only"),
      COPYRIGHT: spdxText("GPL-2.0-only"),
    });
    expect(report.licenseConflicts[0]?.message).toBe(
      "Licence files disagree: COPYING is LGPL-2.1-only, COPYRIGHT is GPL-2.0-only.",
    );
  });

  test("a GNU text with an or-later notice in the README is -or-later", async () => {
    const report = await screenMemory({
      ...code,
      LICENSE: spdxText("GPL-3.0-only"),
      "README.md":
        "# X\n\n## Licence\n\nThis program is free software under the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.\n",
    });
    expect(report.license).toBe("GPL-3.0-or-later");
  });

  test("a project notice saying 'or later' before the full GNU text makes it -or-later, even beside a bare deprecated manifest id", async () => {
    const preamble =
      "Clinic Queue\n\nThis program is free software: you can redistribute it and/or modify\nit under the terms of the GNU Affero General Public License as published by\nthe Free Software Foundation, either version 3 of the License, or\n(at your option) any later version.\n\nClinic Queue is released under the AGPLv3.\n\n";
    const report = await screenMemory({
      ...code,
      LICENSE: preamble + spdxText("AGPL-3.0-only"),
      "composer.json": '{"name": "x/y", "license": "AGPL-3.0"}',
    });
    expect(report.license).toBe("AGPL-3.0-or-later");
    expect(report.licenses).toContainEqual(
      expect.objectContaining({ spdx: "AGPL-3.0-or-later", method: "notice", path: "LICENSE", line: 4 }),
    );
  });

  test("a bare GNU text stays -only beside a deprecated manifest id, without a conflict", async () => {
    const report = await screenMemory({
      ...code,
      LICENSE: spdxText("GPL-3.0-only"),
      "composer.json": '{"name": "x/y", "license": "GPL-3.0"}',
    });
    expect(report.license).toBe("GPL-3.0-only");
    expect(report.licenseConflicts).toEqual([]);
  });

  test("vendored licences are reported apart, not as the project's", async () => {
    const report = await screenMemory({
      ...code,
      LICENSE: filledText("MIT"),
      "vendor/lib/LICENSE": spdxText("GPL-2.0-only"),
      "third_party/x/COPYING": spdxText("GPL-3.0-only"),
    });
    expect(report.license).toBe("MIT");
    const result = report.results.find((candidate) => candidate.indicator === "2");
    expect(result?.evidence.at(-1)?.note).toBe(
      "2 licence file(s) of vendored or third-party code were not counted as the project's licence (e.g. third_party/x/COPYING).",
    );
  });

  test("an empty LICENSE_HEADER and a PDF contract are not licences", async () => {
    const result = await resultFor("2", {
      ...code,
      LICENSE_HEADER: "",
      "LICENSE.pdf": new Uint8Array([37, 80, 68, 70, 0, 1]),
    });
    expect(result.outcome).toBe("fail");
  });

  test("an unidentified licence-like file needs review and names the closest licence", async () => {
    const words = spdxText("Apache-2.0").split(/\s+/);
    const result = await resultFor("2", {
      ...code,
      LICENSE: words.filter((_word, index) => index % 4 !== 0).join(" "),
    });
    expect(result.outcome).toBe("review");
    expect(result.summary).toBe("Licence-like files found but no licence identified with confidence: LICENSE.");
    expect(result.evidence[0]?.note).toMatch(/^licence-like file not identified with confidence/);
  });
});

describe("indicator 2: DPG policy per asset type", () => {
  test.each([
    ["SSPL", "SSPL-1.0", "software", "fail", /Server Side Public License is not OSI-approved/],
    ["BUSL", "BUSL-1.1", "software", "fail", /source-available/],
    ["Elastic", "Elastic-2.0", "software", "fail", /Elastic License/],
    ["PolyForm", "PolyForm-Noncommercial-1.0.0", "software", "fail", /PolyForm/],
    ["Hippocratic", "Hippocratic-2.1", "software", "fail", /ethical-source/],
    ["CC ND for content", "CC-BY-ND-4.0", "content", "fail", /NoDerivatives/],
    ["CC ND for data", "CC-BY-NC-ND-4.0", "data", "fail", /NoDerivatives/],
    ["not OSI-approved software licence, declared", "BSD-4-Clause", "software", "fail", /not OSI-approved/],
    ["CC-BY for declared software", "CC-BY-4.0", "software", "fail", /not OSI-approved/],
  ] as const)("%s → %s", async (_name, id, type, outcome, reason) => {
    const result = await resultFor("2", { ...code, LICENSE: spdxText(id) }, { assetTypes: [type] });
    expect(result.outcome).toBe(outcome);
    expect(result.summary).toMatch(reason);
  });

  test.each([
    ["CC-BY-NC-4.0", /^CC-BY-NC-4\.0: NonCommercial is not Open Definition-conformant \(it forbids commercial use\)/],
    [
      "CC-BY-NC-SA-4.0",
      /^CC-BY-NC-SA-4\.0: NonCommercial is not Open Definition-conformant \(it forbids commercial use\)/,
    ],
    ["CC-BY-ND-4.0", /^CC-BY-ND-4\.0: NoDerivatives licences block translations and adaptations/],
    ["CC-BY-NC-ND-4.0", /^CC-BY-NC-ND-4\.0: NoDerivatives licences block translations and adaptations/],
  ])("a data set detected as data under %s fails, naming the restriction", async (id, reason) => {
    const report = await screenMemory({
      LICENSE: spdxText(id),
      "datapackage.json": '{"name":"survey","resources":[{"path":"data/survey.csv"}]}',
      "data/survey.csv": "region,count\nnorth,2\n",
      "data/regions.csv": "region\nnorth\n",
    });
    expect(report.assetTypeSource.source).toBe("detected");
    expect(report.assetTypes).toEqual(["data"]);
    const result = report.results.find((candidate) => candidate.indicator === "2");
    expect(result?.outcome).toBe("fail");
    expect(result?.criteria?.[0]).toMatchObject({
      outcome: "fail",
      evidence: [{ note: expect.stringMatching(reason) }],
    });
    expect(result?.fix?.text).toMatch(
      /^Relicense under a licence the DPGA accepts for data \(e\.g\. CC-BY-4\.0, ODbL-1\.0 or CC0-1\.0\) and replace the text in LICENSE/,
    );
  });

  test.each(["WTFPL", "JSON"])("software detected as software under %s (not OSI-approved) fails", async (id) => {
    const result = await resultFor("2", { ...code, "src/util.py": "x = 1\n", LICENSE: spdxText(id) });
    expect(result.outcome).toBe("fail");
    expect(result.summary).toContain(
      `${id}: not OSI-approved (spdx-license-list), which the DPG Standard requires for software`,
    );
  });

  test("NC content passes with a non-commercial warning", async () => {
    const result = await resultFor("2", { LICENSE: spdxText("CC-BY-NC-SA-4.0") }, { assetTypes: ["content"] });
    expect(result.outcome).toBe("pass");
    expect(result.summary).toMatch(/Warning: CC-BY-NC-SA-4.0: accepted for content, but NonCommercial limits reuse/);
  });

  test("NC data fails: NonCommercial is not Open Definition-conformant", async () => {
    const result = await resultFor("2", { LICENSE: spdxText("CC-BY-NC-4.0") }, { assetTypes: ["data"] });
    expect(result.outcome).toBe("fail");
    expect(result.summary).toMatch(/NonCommercial is not Open Definition-conformant/);
    // The reason cites where the rule comes from: the Standard's indicator 2 and the DPGA data list.
    expect(result.summary).toContain("DPG Standard indicator 2 (github.com/DPGAlliance/dpg-standard, standard.md)");
    expect(result.summary).toContain("publicgoods-candidates help-center/licenses.md");
  });

  test("a non-OSI licence on detected software fails, whatever other type it might fit (FSL in LICENSE.md)", async () => {
    const result = await resultFor("2", { ...code, "LICENSE.md": spdxText("FSL-1.1-ALv2") });
    expect(result.outcome).toBe("fail");
    expect(result.summary).toMatch(/FSL-1.1-ALv2: not OSI-approved/);
    expect(result.fix?.text).not.toMatch(/^Put the full text/);
  });

  test("a licence rejected for an uncertain detected type but fine for another is a review that says why", async () => {
    const result = await resultFor("2", {
      "datapackage.json": "{}",
      "src/a.py": "x = 1\n",
      LICENSE: filledText("MIT"),
    });
    expect(result.outcome).toBe("review");
    expect(result.criteria?.[0]?.evidence?.[0]?.note).toMatch(
      /asset type is uncertain \(it also holds 1 source files\)/,
    );
  });

  test("a one-sentence CC pointer licenses content", async () => {
    const result = await resultFor(
      "2",
      { "LICENSE.md": "This work is released under a Creative Commons Attribution 4.0 International licence." },
      { assetTypes: ["content"] },
    );
    expect(result.outcome).toBe("pass");
  });

  test("a CC licence on a repository of source files fails for software", async () => {
    const result = await resultFor("2", { ...code, LICENSE: spdxText("CC-BY-SA-4.0") });
    expect(result.outcome).toBe("fail");
    expect(result.summary).toMatch(/CC-BY-SA-4.0: not OSI-approved/);
  });

  test("a CC licence on a repository without source files is a question: the type is uncertain", async () => {
    const result = await resultFor("2", { "README.md": "# Notes\n", LICENSE: spdxText("CC-BY-SA-4.0") });
    expect(result.outcome).toBe("review");
    expect(result.summary).toMatch(/no source files were found/);
  });

  test("Commons Clause appended to Apache-2.0 fails", async () => {
    const result = await resultFor("2", {
      ...code,
      LICENSE: `${spdxText("Apache-2.0")}\n\n"Commons Clause" License Condition v1.0\n\nThe Software is provided to you by the Licensor under the License, as defined below, subject to the following condition. Without limiting other conditions in the License, the grant of rights under the License will not include the right to Sell the Software.\n`,
    });
    expect(result.outcome).toBe("fail");
    expect(result.summary).toMatch(/Commons Clause forbids selling/);
  });

  test("npm UNLICENSED means all rights reserved and fails", async () => {
    const result = await resultFor("2", { ...code, "package.json": JSON.stringify({ license: "UNLICENSED" }) });
    expect(result.outcome).toBe("fail");
    expect(result.summary).toMatch(/grants no licence/);
  });

  test("an OpenRAIL model card fails for an AI model", async () => {
    const result = await resultFor("2", {
      "README.md": "---\nlicense: openrail\n---\n# Model\n",
      "model.safetensors": new Uint8Array([0, 1]),
    });
    expect(result.outcome).toBe("fail");
    expect(result.summary).toMatch(/LicenseRef-openrail: Responsible AI/);
  });
});

describe("indicator 2: the licence files projects actually ship", () => {
  test("the FSF's lgpl-3.0.txt as COPYING.LESSER next to the GPL text passes as LGPL-3.0", async () => {
    const report = await screenMemory({ ...code, COPYING: spdxText("GPL-3.0-only"), "COPYING.LESSER": fsfLgpl3() });
    expect(report.license).toBe("LGPL-3.0-only");
    expect(report.results.find((result) => result.indicator === "2")?.outcome).toBe("pass");
  });

  test("a filled-in BUSL-1.1 without SPDX headers fails, citing its parameters", async () => {
    const result = await resultFor("2", { ...code, LICENSE: filledBusl() });
    expect(result.outcome).toBe("fail");
    expect(result.summary).toMatch(/BUSL-1.1: the Business Source License is source-available/);
    expect(result.evidence[0]?.note).toMatch(/Change License: Apache License, Version 2.0/);
  });

  test.each([
    [
      "Functional Source License",
      "This project is licensed under the Functional Source License, Version 1.1, ALv2 Future License.",
      "FSL-1.1-ALv2",
      /not OSI-approved/,
    ],
    ["Business Source License", "Licensed under the Business Source License 1.1.", "BUSL-1.1", /source-available/],
    [
      "Server Side Public License",
      "This software is made available under the Server Side Public License, version 1.",
      "SSPL-1.0",
      /Server Side Public License/,
    ],
  ])("a LICENSE.md whose only content is a sentence naming the %s fails", async (_name, sentence, id, reason) => {
    const result = await resultFor("2", { ...code, "LICENSE.md": `${sentence}\n` });
    expect(result.outcome).toBe("fail");
    expect(result.summary).toContain(id);
    expect(result.summary).toMatch(reason);
  });

  test("a root LICENSE-header.txt holding only the GNU or-later notice licenses the project GPL-3.0-or-later", async () => {
    const report = await screenMemory({ ...code, "LICENSE-header.txt": GNU_GPL3_OR_LATER_NOTICE });
    expect(report.license).toBe("GPL-3.0-or-later");
    expect(report.licenses[0]).toMatchObject({ path: "LICENSE-header.txt", method: "notice" });
    expect(report.licenses[0]?.note).toMatch(/header template/);
    expect(report.results.find((result) => result.indicator === "2")?.outcome).toBe("pass");
  });

  test.each(["software", "content", "data", "aimodel"] as const)(
    "a LICENSE holding only a copyright line and 'All rights reserved' fails for %s",
    async (type) => {
      const result = await resultFor(
        "2",
        { ...code, LICENSE: "Copyright (c) 2024 Example Org. All rights reserved.\n" },
        { assetTypes: [type] },
      );
      expect(result.outcome).toBe("fail");
      expect(result.summary).toMatch(/LicenseRef-all-rights-reserved: "all rights reserved" grants no licence/);
    },
  );

  test("SSPL followed by the Elastic License in one file: both are reported and both fail", async () => {
    const report = await screenMemory({ ...code, LICENSE: `${spdxText("SSPL-1.0")}\n\n${spdxText("Elastic-2.0")}` });
    expect(report.licenses.map((found) => found.spdx)).toEqual(["SSPL-1.0", "Elastic-2.0"]);
    const result = report.results.find((candidate) => candidate.indicator === "2");
    expect(result?.outcome).toBe("fail");
    expect(result?.summary).toMatch(/Server Side Public License.*Elastic License/);
  });

  test("an abridged CC BY-NC-ND 4.0 legal code fails for content (NoDerivatives)", async () => {
    const result = await resultFor(
      "2",
      { LICENSE: abridgedCreativeCommons("CC-BY-NC-ND-4.0") },
      { assetTypes: ["content"] },
    );
    expect(result.outcome).toBe("fail");
    expect(result.summary).toMatch(/NoDerivatives/);
  });

  test("a CC BY-NC-ND deed in LICENSE.md fails for software", async () => {
    const result = await resultFor("2", { ...code, "LICENSE.md": creativeCommonsDeedByNcNd() });
    expect(result.outcome).toBe("fail");
    expect(result.evidence[0]?.note).toMatch(/Creative Commons deed/);
  });

  test("MIT after a long preamble of extra terms passes, and the evidence says what else the file holds", async () => {
    const result = await resultFor("2", { ...code, LICENSE: `${extraTermsPreamble(30)}${filledText("MIT")}` });
    expect(result.outcome).toBe("pass");
    expect(result.evidence[0]?.note).toMatch(/a preamble of \d+ words before the licence text/);
  });
});

describe("indicator 2: REUSE folders holding a licence for another part", () => {
  test("a rejected licence known only from LICENSES/, beside an accepted one, is a review that says why", async () => {
    const result = await resultFor("2", {
      ...code,
      "LICENSES/MIT.txt": filledText("MIT"),
      "LICENSES/etalab-2.0.txt": spdxText("etalab-2.0"),
    });
    expect(result.outcome).toBe("review");
    expect(result.criteria?.[0]?.evidence?.[0]?.note).toMatch(
      /etalab-2.0 is only one of the REUSE licences in LICENSES\/, beside an accepted one/,
    );
  });

  test("the same rejected licence in the root LICENSE fails", async () => {
    const result = await resultFor("2", { ...code, LICENSE: spdxText("etalab-2.0") });
    expect(result.outcome).toBe("fail");
  });
});

describe("indicator 2: -only or -or-later", () => {
  test("AGPL-3.0-only is not reported when the README's notice says 'or (at your option) any later version'", async () => {
    const report = await screenMemory({
      ...code,
      LICENSE: spdxText("AGPL-3.0-only"),
      "README.md": `# Clinic\n\nThis program is free software: you can redistribute it and/or modify it under the terms of the GNU Affero General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.\n`,
    });
    expect(report.license).toBe("AGPL-3.0-or-later");
    expect(report.licenseConflicts).toEqual([]);
  });

  test("a README sentence naming Apache-2.0 beside an Apache LICENSE is no MIT conflict", async () => {
    const report = await screenMemory({
      ...code,
      LICENSE: spdxText("Apache-2.0"),
      "README.md": `# Tool\n\n## License\n\nLicensed under the Apache License, Version 2.0 (the "License");\nyou may not use this file except in compliance with the License.\nSee the License for the specific language governing permissions and\nlimitations under the License.\n`,
    });
    expect(report.license).toBe("Apache-2.0");
    expect(report.licenseConflicts).toEqual([]);
  });
});

describe("licence fixes that fit the evidence", () => {
  const ADD_LICENSE = /LICENSE file at the repository root/;

  test("an unidentified licence file is named in the fix, which never says to add a LICENSE", async () => {
    const garbled = spdxText("MIT")
      .split(" ")
      .filter((_word, index) => index % 3 !== 0)
      .join(" ");
    const result = await resultFor("2", { ...code, LICENSE: `Licence\n\n${garbled}` });
    expect(result.outcome).toBe("review");
    expect(result.fix?.text).not.toMatch(ADD_LICENSE);
    expect(result.fix?.text).toMatch(/^LICENSE holds a licence text the screener could not identify/);
    expect(result.fix?.markdown).toContain("`LICENSE` holds");
  });

  test("a review for an uncertain asset type asks to declare assetTypes in the fix, not in the evidence", async () => {
    const result = await resultFor("2", {
      "datapackage.json": "{}",
      "src/a.py": "x = 1\n",
      LICENSE: filledText("MIT"),
    });
    expect(result.outcome).toBe("review");
    expect(JSON.stringify(result.criteria)).not.toMatch(/declare assetTypes/i);
    expect(result.fix?.text).toBe(
      "Declare assetTypes in .github/dpg.yml, so the licence is judged for what the project is.",
    );
  });

  test("a subtree under a rejected licence names the subtree in the fix, not a missing LICENSE", async () => {
    const result = await resultFor("2", {
      ...code,
      LICENSE: filledText("MIT"),
      "enterprise/LICENSE": spdxText("BUSL-1.1"),
      "enterprise/app.py": "x = 1\n",
    });
    expect(result.outcome).toBe("review");
    expect(result.fix?.text).not.toMatch(ADD_LICENSE);
    expect(result.fix?.text).toMatch(/^Say in the README whether enterprise\/ is part of the product/);
  });

  test("a rejected licence with its text in the repository: the fix says to replace it, not to add one", async () => {
    const result = await resultFor("2", { ...code, LICENSE: spdxText("SSPL-1.0") });
    expect(result.outcome).toBe("fail");
    expect(result.fix?.text).not.toMatch(ADD_LICENSE);
    expect(result.fix?.text).toMatch(
      /^Relicense under a licence the DPGA accepts for software .* replace the text in LICENSE/,
    );
  });

  test("a licence only declared in a manifest, with no licence file, is told to add the text", async () => {
    const result = await resultFor("2", { ...code, "package.json": JSON.stringify({ license: "MIT" }) });
    expect(result.outcome).toBe("review");
    expect(result.fix?.text).toBe("Put the full text of MIT in a LICENSE file at the repository root.");
  });
});
