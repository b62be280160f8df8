import { parseDeclaration } from "../../src/declaration/build-declaration-facts.js";
import { readAppSettings, APP_SETTINGS_DEFAULTS } from "../../src/declaration/app-settings-schema.js";
import { screenMemory } from "../helpers/screen-memory.js";

const problemsOf = (yaml: string) => parseDeclaration(yaml).problems;

describe("parsing .github/dpg.yml", () => {
  test("an empty file is a valid, empty declaration", () => {
    expect(parseDeclaration("")).toEqual({ status: "valid", problems: [], value: {} });
  });

  test("a complete declaration is accepted as written", () => {
    const result = parseDeclaration(
      'assetTypes: [software]\nsdgs:\n  - number: 3\n    targets: ["3.8"]\n    relevance: Clinics record care.\nexemptions:\n  9b:\n    reason: Stores no user content.\n',
    );
    expect(result.status).toBe("valid");
    expect(result.value).toMatchObject({
      assetTypes: ["software"],
      sdgs: [{ number: 3, targets: ["3.8"] }],
      exemptions: { "9b": { reason: "Stores no user content." } },
    });
  });

  test("a YAML syntax error is reported with its line", () => {
    const result = parseDeclaration("owner:\n  name: Acme\n bad: [\n");
    expect(result.status).toBe("invalid");
    expect(result.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  test("an alias bomb is a rejected file with a message, not a crash", () => {
    const levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 8; level += 1)
      levels.push(`a${level}: &a${level} [${Array.from({ length: 9 }, () => `*a${level - 1}`).join(", ")}]`);
    const result = parseDeclaration(`${levels.join("\n")}\n`);
    expect(result.status).toBe("invalid");
    expect(result.problems).toEqual([
      { key: "", message: expect.stringMatching(/^the file could not be read as YAML: .*alias/i) },
    ]);
  });

  test("absurdly deep nesting is a rejected file with a plain message", () => {
    const result = parseDeclaration(`${"[".repeat(20000)}${"]".repeat(20000)}\n`);
    expect(result).toEqual({
      status: "invalid",
      problems: [{ key: "", message: "the file could not be read as YAML: the file is nested too deeply to read" }],
    });
  });

  test("YAML merge keys are accepted", () => {
    const result = parseDeclaration(
      "owner: &owner\n  name: Acme\nproduct:\n  name: Tool\nlocations:\n  developmentCountries: [Kenya]\n  deploymentCountries: [Kenya]\n",
    );
    expect(result.status).toBe("valid");
    const merged = parseDeclaration("x-defaults: &defaults\n  name: Acme\nowner:\n  <<: *defaults\n  country: Kenya\n");
    expect(merged.problems.filter((problem) => problem.key.startsWith("owner"))).toEqual([]);
  });

  test("a file that is not a mapping is rejected", () => {
    expect(problemsOf("- software\n")).toEqual([
      { key: "", line: 1, message: "the file must be a mapping of keys to values" },
    ]);
  });

  test.each([
    ["an unknown key", "sgds: []\n", "sgds", 1, 'unknown key "sgds"; check its spelling against docs/declaration.md'],
    ["a mistyped value", "owner:\n  name: 42\n", "owner.name", 2, "expected a string, found number 42"],
    [
      "a section given as text",
      "documentation: https://docs.example.org\n",
      "documentation",
      1,
      'expected a mapping of keys to values, found string "https://docs.example.org"',
    ],
    ["a list given as a mapping", "sdgs:\n  number: 3\n", "sdgs", 1, "expected a list, found a mapping"],
    ["an empty list of asset types", "assetTypes: []\n", "assetTypes", 1, "list at least 1 item"],
    ["an empty string", "product:\n  name: ''\n", "product.name", 2, "must not be empty"],
    ["an SDG number below 1", "sdgs:\n  - number: 0\n", "sdgs.0.number", 2, "must be at least 1"],
    ["an SDG number above 17", "sdgs:\n  - number: 18\n", "sdgs.0.number", 2, "must be at most 17"],
    [
      "a malformed SDG target",
      "sdgs:\n  - number: 3\n    targets: [three]\n",
      "sdgs.0.targets.0",
      3,
      'an SDG target is written like "3.8" or "3.d"',
    ],
    [
      "a value outside an enumeration",
      "owner:\n  type: firm\n",
      "owner.type",
      2,
      "must be one of: government, multilateral, non-profit, academic, company, community, individual, other",
    ],
    [
      "an evidence link that is neither a URL nor a repository path",
      "privacy:\n  policy: /etc/privacy\n",
      "privacy.policy",
      2,
      "evidence must be an http(s) URL or a path inside the repository (no leading /)",
    ],
    [
      "an exemption without a reason",
      "exemptions:\n  9b: {}\n",
      "exemptions.9b.reason",
      2,
      "an exemption needs a reason; it is shown in the report",
    ],
    [
      "an exemption of indicator 2",
      'exemptions:\n  "2":\n    reason: no licence\n',
      "exemptions.2",
      2,
      "indicator 2 (open licence) cannot be exempted: every digital public good needs an approved open licence",
    ],
    [
      "an exemption of something that is not an indicator",
      'exemptions:\n  "10":\n    reason: x\n',
      "exemptions.10",
      2,
      '"10" is not an indicator; exemptions are keyed by 1, 3, 4, 5, 6, 7, 8, 9a, 9b or 9c',
    ],
    [
      "a required key left out",
      "platformIndependence:\n  openAlternatives:\n    - component: Firebase\n",
      "platformIndependence.openAlternatives.0.alternative",
      3,
      "`alternative` is required here",
    ],
    [
      "an unknown App setting",
      "issues:\n  mode: daily\n",
      "issues.mode",
      2,
      "must be one of: off, tracking, per-indicator",
    ],
  ])("%s", (_name, yaml, key, line, message) => {
    expect(problemsOf(yaml)).toEqual([{ key, line, message }]);
  });

  test("sections without problems are kept; rejected sections are dropped", () => {
    const result = parseDeclaration("owner:\n  name: Acme\nprivacy:\n  policy: /abs\n");
    expect(result.status).toBe("invalid");
    expect(result.value).toEqual({ owner: { name: "Acme" } });
  });
});

describe("the GitHub App's settings", () => {
  test("are accepted in the declaration file", () => {
    const result = parseDeclaration(
      "issues:\n  mode: tracking\n  label: dpg\ncheck:\n  failOn: never\nscreen:\n  forks: true\n",
    );
    expect(result.status).toBe("valid");
    expect(readAppSettings(result.value)).toEqual({
      issues: { mode: "tracking", label: "dpg" },
      check: { failOn: "never" },
      screen: { archived: false, forks: true, private: false },
    });
  });

  test("default when absent", () => {
    expect(readAppSettings(undefined)).toEqual(APP_SETTINGS_DEFAULTS);
    expect(APP_SETTINGS_DEFAULTS).toEqual({
      issues: { mode: undefined, label: "dpg-screener" },
      check: { failOn: "fail" },
      screen: { archived: false, forks: false, private: false },
    });
  });
});

describe("the documented example", () => {
  test("docs/dpg.example.yml is a valid declaration", async () => {
    const { readFileSync } = await import("node:fs");
    const result = parseDeclaration(readFileSync(new URL("../../docs/dpg.example.yml", import.meta.url), "utf8"));
    expect(result.problems).toEqual([]);
    expect(result.status).toBe("valid");
  });
});

describe("_extends, read the same way by the CLI and the App", () => {
  test("a valid reference is accepted, returned apart and kept out of the declaration", () => {
    const result = parseDeclaration(
      "_extends: acme/policies:dpg/base.yml\nsdgs:\n  - number: 4\n    relevance: Schools.\n",
    );
    expect(result).toMatchObject({ status: "valid", problems: [], extends: "acme/policies:dpg/base.yml" });
    expect(result.value).not.toHaveProperty("_extends");
  });

  test("a bad value is a problem with its line; the rest of the file still counts", () => {
    const result = parseDeclaration("sdgs:\n  - number: 4\n    relevance: Schools.\n_extends: 42\n");
    expect(result).toMatchObject({
      status: "invalid",
      problems: [
        {
          key: "_extends",
          line: 4,
          message: '"42" is not a repository to extend; write repo, owner/repo or owner/repo:path.yml',
        },
      ],
      value: { sdgs: [{ number: 4 }] },
    });
    expect(result).not.toHaveProperty("extends");
  });

  test("a bad value next to other problems: all of them, in line order", () => {
    const result = parseDeclaration("check:\n  failOn: sometimes\n_extends: 'a b'\n");
    expect(result.problems.map((problem) => [problem.line, problem.key])).toEqual([
      [2, "check.failOn"],
      [3, "_extends"],
    ]);
  });
});

describe("one file name", () => {
  test.each([".github/dpg.yaml", ".dpg.yml", ".dpg.yaml", "dpg.yml"])(
    "%s alone is reported, not read and not ignored",
    async (path) => {
      const report = await screenMemory({ [path]: "sdgs:\n  - number: 4\n    relevance: Schools.\n" });
      expect(report.declaration).toEqual({
        path,
        status: "invalid",
        problems: [
          { key: "", message: `${path} is not read: the declaration's file name is .github/dpg.yml; rename it` },
        ],
      });
    },
  );

  test("next to .github/dpg.yml, a misnamed copy is left alone", async () => {
    const report = await screenMemory({ ".github/dpg.yml": "", ".github/dpg.yaml": "nonsense: [" });
    expect(report.declaration).toMatchObject({ path: ".github/dpg.yml", status: "valid" });
  });

  test("a declaration over the cap says its size and that it was not read", async () => {
    const report = await screenMemory({ ".github/dpg.yml": `# ${"x".repeat(700 * 1024)}\n` });
    expect(report.declaration.problems).toEqual([
      { key: "", message: "the file is 700 KiB, over the 512 KiB cap and was not read" },
    ]);
  });
});
