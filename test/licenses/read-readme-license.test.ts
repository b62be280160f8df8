import { readReadmeLicense } from "../../src/licenses/read-readme-license.js";

/** A README whose licence section (line 5 on) holds `body`. */
const readme = (body: string, heading = "## License") => `# Project\n\nSome text.\n\n${heading}\n\n${body}\n`;

describe("reading the licence section of a README", () => {
  test.each([
    [
      "a sentence with a Markdown link",
      "This project is licensed under the [MIT License](LICENSE).",
      "MIT",
      'README licence section: "This project is licensed under the MIT License."',
    ],
    [
      "a bare link",
      "[Apache 2.0](https://www.apache.org/licenses/LICENSE-2.0)",
      "Apache-2.0",
      'README licence section: "Apache 2.0"',
    ],
    [
      "a reference-style link",
      "Released under the [MIT License][license].\n\n[license]: LICENSE",
      "MIT",
      'README licence section: "Released under the MIT License."',
    ],
    ["a bare licence name", "MIT", "MIT", 'README licence section: "MIT"'],
    [
      "a bold licence name in a list",
      "- **Apache License 2.0**",
      "Apache-2.0",
      'README licence section: "- **Apache License 2.0**"',
    ],
    ["a GNU short name", "GPLv3", "GPL-3.0", 'README licence section: "GPLv3"'],
  ])("%s", (_name, body, spdx, note) => {
    expect(readReadmeLicense(readme(body))).toEqual([{ spdx, line: 7, confidence: 0.8, note }]);
  });

  test("line numbers count from the README, past links on earlier lines", () => {
    const found = readReadmeLicense(
      readme(
        "See [our site](https://example.org) and [docs](https://example.org/docs).\n\nCode: [BSD 3-Clause](LICENSE)",
        "## Licence",
      ),
    );
    expect(found).toEqual([expect.objectContaining({ spdx: "BSD-3-Clause", line: 9 })]);
  });

  test("a framework's leftover licence sentence is quoted whole, with a caveat, for a human to judge", () => {
    const found = readReadmeLicense(
      readme(
        "The Laravel framework is open-sourced software licensed under the [MIT license](https://opensource.org/licenses/MIT).",
        "### License",
      ),
    );
    expect(found).toEqual([
      {
        spdx: "MIT",
        line: 7,
        confidence: 0.8,
        note: 'README licence section: "The Laravel framework is open-sourced software licensed under the MIT license." (it speaks of The Laravel framework, which may not be this project)',
      },
    ]);
  });

  // Guards on the short-line reading: these gave nothing before and must still give nothing.
  test.each([
    ["2020-2023 Example Org"],
    ["See [LICENSE](LICENSE)."],
    ["TBD"],
    ["Python 3.10"],
    ["Copyright (c) 2020 Example Org"],
  ])("%s is not a licence name", (body) => {
    expect(readReadmeLicense(readme(body))).toEqual([]);
  });
});

describe("README licence statements come only from sentences that state a licence", () => {
  test("the Apache notice's short lines are not licence names ('limitations under the License.' is not MIT)", () => {
    const notice = [
      'Licensed under the Apache License, Version 2.0 (the "License");',
      "you may not use this file except in compliance with the License.",
      "You may obtain a copy of the License at",
      "",
      "    http://www.apache.org/licenses/LICENSE-2.0",
      "",
      "Unless required by applicable law or agreed to in writing, software",
      'distributed under the License is distributed on an "AS IS" BASIS,',
      "WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.",
      "See the License for the specific language governing permissions and",
      "limitations under the License.",
    ].join("\n");
    expect(readReadmeLicense(readme(notice)).map((found) => found.spdx)).toEqual(["Apache-2.0"]);
  });

  test("a sentence about the project outside any Licence section is read", () => {
    const found = readReadmeLicense("# Tool\n\nThis project is released under the MIT License.\n");
    expect(found).toEqual([
      { spdx: "MIT", line: 3, confidence: 0.8, note: 'README licence statement: "released under the MIT License"' },
    ]);
  });

  test("a sentence about a dependency outside a Licence section is not the project's licence", () => {
    expect(readReadmeLicense("# Tool\n\nIt uses Foo, which is licensed under the GPL-3.0.\n")).toEqual([]);
  });

  test("a GNU notice anywhere in the README gives its scope: or (at your option) any later version", () => {
    const text = `# Clinic\n\nIntro.\n\n${[
      "This program is free software: you can redistribute it and/or modify it under the terms of the",
      "GNU Affero General Public License as published by the Free Software Foundation, either version 3",
      "of the License, or (at your option) any later version.",
    ].join("\n")}\n`;
    expect(readReadmeLicense(text)).toEqual([
      expect.objectContaining({
        spdx: "AGPL-3.0-or-later",
        line: 6,
        note: expect.stringMatching(/^README GNU notice/),
      }),
    ]);
  });
});
