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
