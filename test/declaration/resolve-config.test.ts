// The App's settings resolution as a pure function: files are given as text, no HTTP.
import {
  MAX_CONFIG_FILES,
  resolveConfig,
  type ConfigFileRead,
  type ConfigFileRequest,
} from "../../src/declaration/resolve-config.js";

/** Files by "owner/repo:path"; anything absent is missing. */
function resolve(files: Partial<Record<string, string | ConfigFileRead>>, target = { owner: "o", repo: "r" }) {
  const asked: string[] = [];
  const config = resolveConfig(target, (file: ConfigFileRequest) => {
    const key = `${file.owner}/${file.repo}:${file.path}`;
    asked.push(key);
    const found = files[key];
    if (found === undefined) return { kind: "missing" };
    return typeof found === "string" ? { kind: "text", text: found } : found;
  });
  return { config, asked };
}

const OWN = "o/r:.github/dpg.yml";
const ORG = "o/.github:.github/dpg.yml";
const origins = (config: ReturnType<typeof resolve>["config"]) =>
  config.files.map((file) => `${file.origin}:${file.owner}/${file.repo}`);
const problems = (config: ReturnType<typeof resolve>["config"]) =>
  config.problems.map(({ key, message, source, file }) => ({ key, message, source, in: `${file.owner}/${file.repo}` }));

describe("where the settings come from", () => {
  test.each([
    {
      name: "the repository's own file opts in; the organisation is not read",
      files: { [OWN]: "check:\n  failOn: never\n", [ORG]: "issues:\n  mode: off\n" },
      asked: [OWN],
      origins: ["repository:o/r"],
      hasRepositoryFile: true,
      organizationSetsIssuesMode: false,
      failOn: "never",
    },
    {
      name: "no file anywhere: the defaults, no opt-in",
      files: {},
      asked: [OWN, ORG],
      origins: [],
      hasRepositoryFile: false,
      organizationSetsIssuesMode: false,
      failOn: "fail",
    },
    {
      name: "the organisation default, setting issues.mode, opts in",
      files: { [ORG]: "issues:\n  mode: tracking\ncheck:\n  failOn: never\n" },
      asked: [OWN, ORG],
      origins: ["organization:o/.github"],
      hasRepositoryFile: false,
      organizationSetsIssuesMode: true,
      failOn: "never",
    },
    {
      name: "the organisation default without issues.mode does not opt in",
      files: { [ORG]: "check:\n  failOn: never\n" },
      asked: [OWN, ORG],
      origins: ["organization:o/.github"],
      hasRepositoryFile: false,
      organizationSetsIssuesMode: false,
      failOn: "never",
    },
    {
      name: "the organisation default may itself extend a shared file, which can set issues.mode",
      files: { [ORG]: "_extends: policies:dpg/base.yml\n", "o/policies:dpg/base.yml": "issues:\n  mode: tracking\n" },
      asked: [OWN, ORG, "o/policies:dpg/base.yml"],
      origins: ["organization:o/.github", "extends:o/policies"],
      hasRepositoryFile: false,
      organizationSetsIssuesMode: true,
      failOn: "fail",
    },
  ])("$name", (row) => {
    const { config, asked } = resolve(row.files);
    expect(asked).toEqual(row.asked);
    expect(origins(config)).toEqual(row.origins);
    expect(config).toMatchObject({
      hasRepositoryFile: row.hasRepositoryFile,
      organizationSetsIssuesMode: row.organizationSetsIssuesMode,
      problems: [],
    });
    expect(config.settings.check.failOn).toBe(row.failOn);
  });

  test("screening the organisation's .github repository: its file is the organisation default, not an opt-in", () => {
    const { config, asked } = resolve({ [ORG]: "issues:\n  mode: tracking\n" }, { owner: "o", repo: ".github" });
    expect(asked).toEqual([ORG]);
    expect(origins(config)).toEqual(["organization:o/.github"]);
    expect(config).toMatchObject({ hasRepositoryFile: false, organizationSetsIssuesMode: true });
  });
});

describe("_extends", () => {
  test("a file overrides what it extends, section by section", () => {
    const { config } = resolve({
      [OWN]: "_extends: other/shared\ncheck:\n  failOn: never\n",
      "other/shared:.github/dpg.yml": "check:\n  failOn: fail\nscreen:\n  private: true\n  forks: true\n",
    });
    expect(origins(config)).toEqual(["repository:o/r", "extends:other/shared"]);
    expect(config.settings.check.failOn).toBe("never");
    expect(config.settings.screen).toEqual({ archived: false, forks: true, private: true });
    expect(config.problems).toEqual([]);
  });

  test("a missing base is a chain problem on the file that names it; the file's own settings still apply", () => {
    const { config } = resolve({ [OWN]: "_extends: gone\ncheck:\n  failOn: never\n" });
    expect(problems(config)).toEqual([
      {
        key: "_extends",
        message: "_extends: gone points to a file that does not exist or is not accessible",
        source: "chain",
        in: "o/r",
      },
    ]);
    expect(config.settings.check.failOn).toBe("never");
  });

  test("a loop is cut where it closes, with a chain problem", () => {
    const { config, asked } = resolve({ [OWN]: "_extends: other\n", "o/other:.github/dpg.yml": "_extends: R\n" });
    expect(asked).toEqual([OWN, "o/other:.github/dpg.yml"]);
    expect(problems(config)).toEqual([
      {
        key: "_extends",
        message: "_extends: R was ignored: it loops back to a file already loaded",
        source: "chain",
        in: "o/other",
      },
    ]);
  });

  test(`a chain longer than ${MAX_CONFIG_FILES} files stops there`, () => {
    const files: Record<string, string> = { [OWN]: "_extends: c1\n" };
    for (let index = 1; index <= 10; index += 1) files[`o/c${index}:.github/dpg.yml`] = `_extends: c${index + 1}\n`;
    const { config, asked } = resolve(files);
    expect(asked).toHaveLength(MAX_CONFIG_FILES);
    expect(problems(config)).toEqual([
      {
        key: "_extends",
        message: `_extends: c5 was ignored: settings are read from at most ${MAX_CONFIG_FILES} files`,
        source: "chain",
        in: "o/c4",
      },
    ]);
  });

  test.each([
    ["not a reference", "_extends: 'not a repo!'\n", '"not a repo!" is not a repository to extend'],
    ["not a string", "_extends: [a, b]\n", '"["a","b"]" is not a repository to extend'],
  ])(
    "a bad value (%s) is a problem of the file's text, with its line, and nothing is followed",
    (_name, text, message) => {
      const { config, asked } = resolve({ [OWN]: `check:\n  failOn: never\n${text}` });
      expect(asked).toEqual([OWN]);
      expect(config.problems).toEqual([
        expect.objectContaining({
          key: "_extends",
          line: 3,
          source: "text",
          message: expect.stringContaining(message),
        }),
      ]);
      expect(config.settings.check.failOn).toBe("never");
    },
  );
});

describe("files that cannot be used", () => {
  test("a repository file over the cap: the defaults, no opt-in, no fallback to the organisation, and it says so", () => {
    const { config, asked } = resolve({ [OWN]: { kind: "too-large", bytes: 50 * 1024 * 1024 } });
    expect(asked).toEqual([OWN]);
    expect(config).toMatchObject({ hasRepositoryFile: false, organizationSetsIssuesMode: false });
    expect(config.settings.check.failOn).toBe("fail");
    expect(problems(config)).toEqual([
      {
        key: "",
        message: "the file is 50 MiB, over the 512 KiB cap and was not read, so the App used its default settings",
        source: "chain",
        in: "o/r",
      },
    ]);
  });

  test("a file over the cap whose size GitHub did not say", () => {
    const { config } = resolve({ [OWN]: { kind: "too-large" } });
    expect(config.problems[0]?.message).toBe(
      "the file is larger than the 512 KiB cap and was not read, so the App used its default settings",
    );
  });

  test("invalid values are problems with lines; the valid sections still apply", () => {
    const { config } = resolve({ [OWN]: "check:\n  failOn: sometimes\nscreen:\n  forks: true\n" });
    expect(config.problems.map(({ key, line, message }) => ({ key, line, message }))).toEqual([
      { key: "check.failOn", line: 2, message: "must be one of: fail, never" },
    ]);
    expect(config.settings.screen.forks).toBe(true);
  });

  test("a __proto__ key never reaches a prototype", () => {
    const { config } = resolve({
      [OWN]: "_extends: base\n",
      "o/base:.github/dpg.yml": '"__proto__":\n  polluted: true\n',
    });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(config.settings.check.failOn).toBe("fail");
  });
});

describe("the fingerprint", () => {
  test("changes with any file's text, and only with it", () => {
    const first = resolve({ [OWN]: "_extends: base\n", "o/base:.github/dpg.yml": "check:\n  failOn: fail\n" });
    const same = resolve({ [OWN]: "_extends: base\n", "o/base:.github/dpg.yml": "check:\n  failOn: fail\n" });
    const changed = resolve({ [OWN]: "_extends: base\n", "o/base:.github/dpg.yml": "check:\n  failOn: never\n" });
    expect(same.config.fingerprint).toBe(first.config.fingerprint);
    expect(changed.config.fingerprint).not.toBe(first.config.fingerprint);
  });
});
