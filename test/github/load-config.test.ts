import { Octokit } from "@octokit/rest";
import { loadConfig } from "../../src/github/load-config.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";

const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const client = () => new Octokit({ auth: "test-token", log: QUIET });
let github: GitHubMock;

beforeEach(() => {
  github = createGitHubMock();
});
afterEach(() => github.verify());

test("the repository's own file: settings, opt-in, one request", async () => {
  github.configFile("o", "r", "check:\n  failOn: never\nissues:\n  mode: per-indicator\n");
  const config = await loadConfig(client(), { owner: "o", repo: "r" });
  expect(config.settings).toEqual({
    issues: { mode: "per-indicator", label: "dpg-screener" },
    check: { failOn: "never" },
    screen: { archived: false, forks: false, private: false },
  });
  expect(config).toMatchObject({ hasRepositoryFile: true, organizationSetsIssuesMode: false, problems: [] });
  expect(config.files.map((file) => file.origin)).toEqual(["repository"]);
});

test("no file anywhere: the defaults, and no opt-in", async () => {
  github.configFile("o", "r", undefined);
  github.configFile("o", ".github", undefined);
  const config = await loadConfig(client(), { owner: "o", repo: "r" });
  expect(config).toMatchObject({
    hasRepositoryFile: false,
    organizationSetsIssuesMode: false,
    files: [],
    problems: [],
  });
  expect(config.settings.check.failOn).toBe("fail");
});

test("the organisation's .github repository is the fallback, and setting issues.mode there opts in", async () => {
  github.configFile("o", "r", undefined);
  github.configFile("o", ".github", "issues:\n  mode: tracking\n  label: dpg\n");
  const config = await loadConfig(client(), { owner: "o", repo: "r" });
  expect(config.settings.issues).toEqual({ mode: "tracking", label: "dpg" });
  expect(config).toMatchObject({ hasRepositoryFile: false, organizationSetsIssuesMode: true });
});

test("screening the organisation's .github repository: its file is the organisation default, not an opt-in of its own", async () => {
  github.configFile("o", ".github", "issues:\n  mode: tracking\n");
  const config = await loadConfig(client(), { owner: "o", repo: ".github" });
  expect(config.files.map((file) => `${file.origin}:${file.owner}/${file.repo}`)).toEqual(["organization:o/.github"]);
  expect(config).toMatchObject({ hasRepositoryFile: false, organizationSetsIssuesMode: true });
  github.configFile("o", ".github", "check:\n  failOn: never\n");
  const withoutMode = await loadConfig(client(), { owner: "o", repo: ".github" });
  expect(withoutMode).toMatchObject({ hasRepositoryFile: false, organizationSetsIssuesMode: false });
  expect(withoutMode.settings.check.failOn).toBe("never");
});

test("_extends: the file overrides what it extends", async () => {
  github.configFile("o", "r", "_extends: shared-config\ncheck:\n  failOn: never\n");
  github.configFile("o", "shared-config", "check:\n  failOn: fail\nscreen:\n  private: true\n");
  const config = await loadConfig(client(), { owner: "o", repo: "r" });
  expect(config.settings.check.failOn).toBe("never");
  expect(config.settings.screen.private).toBe(true);
  expect(config.files.map((file) => `${file.origin}:${file.owner}/${file.repo}`)).toEqual([
    "repository:o/r",
    "extends:o/shared-config",
  ]);
  expect(config.problems).toEqual([]);
});

test("_extends problems: a bad value, a missing target, a loop", async () => {
  github.configFile("o", "r", "_extends: 'not a repo!'\n");
  expect((await loadConfig(client(), { owner: "o", repo: "r" })).problems.map((problem) => problem.message)).toEqual([
    '"not a repo!" is not a repository to extend; write repo, owner/repo or owner/repo:path.yml',
  ]);
  github.configFile("o", "r", "_extends: gone\n");
  github.configFile("o", "gone", undefined);
  expect((await loadConfig(client(), { owner: "o", repo: "r" })).problems.map((problem) => problem.message)).toEqual([
    "_extends: gone points to a file that does not exist or is not accessible",
  ]);
  github.configFile("o", "r", "_extends: other\n");
  github.configFile("o", "other", "_extends: r\n");
  expect((await loadConfig(client(), { owner: "o", repo: "r" })).problems.map((problem) => problem.message)).toEqual([
    "_extends: r was ignored: it loops back to a file already loaded",
  ]);
});

test("invalid YAML and invalid values are problems with lines; the valid parts still apply", async () => {
  github.configFile("o", "r", "check:\n  failOn: sometimes\nscreen:\n  forks: true\n");
  const config = await loadConfig(client(), { owner: "o", repo: "r" });
  expect(config.problems.map(({ key, line, message }) => ({ key, line, message }))).toEqual([
    { key: "check.failOn", line: 2, message: "must be one of: fail, never" },
  ]);
  expect(config.settings.screen.forks).toBe(true);
  github.configFile("o", "r", "check: [unclosed\n");
  const broken = await loadConfig(client(), { owner: "o", repo: "r" });
  expect(broken.problems).toHaveLength(1);
  expect(broken.problems[0]?.line).toBeDefined();
});

test("an issues.label with a comma is rejected with a clear message, and the default label applies", async () => {
  github.configFile("o", "r", "issues:\n  mode: tracking\n  label: dpg, screener\n");
  const config = await loadConfig(client(), { owner: "o", repo: "r" });
  expect(config.problems.map(({ key, line, message }) => ({ key, line, message }))).toEqual([
    {
      key: "issues.label",
      line: 3,
      message:
        "must not contain a comma: GitHub reads commas in a label filter as several labels, so the App could not find its own issues",
    },
  ]);
  // As with any invalid value, the whole `issues` section is set aside, so the default label applies.
  expect(config.settings.issues.label).toBe("dpg-screener");
});

test("the fingerprint changes with the text", async () => {
  github.configFile("o", "r", "check:\n  failOn: fail\n");
  github.configFile("o", "r", "check:\n  failOn: never\n");
  const first = await loadConfig(client(), { owner: "o", repo: "r" });
  const second = await loadConfig(client(), { owner: "o", repo: "r" });
  expect(first.fingerprint).not.toBe(second.fingerprint);
});

test("a file over the cap is not read past it: GitHub's declared size, or the cut while streaming", async () => {
  const huge = `# ${"x".repeat(600 * 1024)}\n`;
  github.configFile("o", "r", huge);
  const declared = await loadConfig(client(), { owner: "o", repo: "r" });
  expect(declared.problems.map((problem) => problem.message)).toEqual([
    "the file is 600 KiB, over the 512 KiB cap and was not read, so the App used its default settings",
  ]);
  expect(declared).toMatchObject({ hasRepositoryFile: false, files: [{ origin: "repository" }] });
  github.configFile("o", "r", huge, { chunked: true });
  const streamed = await loadConfig(client(), { owner: "o", repo: "r" });
  expect(streamed.problems.map((problem) => problem.message)).toEqual([
    "the file is larger than the 512 KiB cap and was not read, so the App used its default settings",
  ]);
});

test("a file just under the cap is read, streamed or not", async () => {
  const large = `check:\n  failOn: never\n# ${"x".repeat(500 * 1024)}\n`;
  github.configFile("o", "r", large, { chunked: true });
  expect((await loadConfig(client(), { owner: "o", repo: "r" })).settings.check.failOn).toBe("never");
  github.configFile("o", "r", large);
  expect((await loadConfig(client(), { owner: "o", repo: "r" })).settings.check.failOn).toBe("never");
});

test("a read GitHub refuses is an error naming the file", async () => {
  github.configFile("o", "r", undefined, { status: 500 });
  await expect(loadConfig(client(), { owner: "o", repo: "r" })).rejects.toThrow(
    "Could not read .github/dpg.yml from o/r:",
  );
});
