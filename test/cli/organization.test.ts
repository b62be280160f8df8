// `dpg-screener screen --org OWNER`: the organisation's repositories through the remote snapshot,
// GitHub mocked.
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { fakeTerminal, runCli } from "../helpers/run-cli.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const ENV = { GITHUB_TOKEN: "test-token" };
const mocks: GitHubMock[] = [];
let github: GitHubMock;
beforeEach(() => {
  github = createGitHubMock();
  mocks.push(github);
});
afterEach(() => {
  for (const mock of mocks.splice(0)) mock.verify();
});

function listing(mock: GitHubMock, repositories: { name: string; archived?: boolean; fork?: boolean }[], page = 1) {
  mock.reply(
    "GET",
    "/orgs/octo-org/repos",
    200,
    repositories.map((repository) => ({ full_name: `octo-org/${repository.name}`, ...repository })),
    { query: { type: "all", sort: "full_name", per_page: "100", page: String(page) } },
  );
}

/** The three reads of one screen: head lookup, tree, one file query. */
function screenable(mock: GitHubMock, name: string) {
  mock.repositoryHead({ owner: "octo-org", name, oid: SHA });
  mock.tree("octo-org", name, SHA, { "README.md": 40, LICENSE: 1100 });
  mock.blobs({ "README.md": { text: `# ${name}\n\nA tool.\n` }, LICENSE: { text: "not a licence we know" } });
}

describe("dpg-screener screen --org", () => {
  test("skips archived repositories and forks, screens the rest in order, prints a table by default", async () => {
    listing(github, [
      { name: "alpha" },
      { name: "old", archived: true },
      { name: "copy", fork: true },
      { name: "beta" },
    ]);
    screenable(github, "alpha");
    screenable(github, "beta");
    const terminal = fakeTerminal();
    const run = await runCli(["screen", "--org", "octo-org", "--jobs", "1"], { env: ENV, terminal });
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^1 +2 +3 +4 +5 +6 +7 +8 +9a +9b +9c +repository$/);
    expect(lines.slice(1).map((line) => line.split(/ +/).at(-1))).toEqual(["octo-org/alpha", "octo-org/beta"]);
    expect(lines[1]).toMatch(/^\S+ +(FAIL|review) /);
    expect(run.stderr).toMatch(
      /^dpg-screener: screened 2 of 2 in \d+\.\d s: \d with a failing indicator, 0 could not be screened; skipped 1 archived \(--include-archived\) and 1 forks \(--include-forks\)\n$/,
    );
    expect(terminal.drawn).toContain("2/2");
  }, 120_000); // the first screen of the file builds the SPDX text index, slow on a loaded machine

  test("--include-archived and --include-forks screen those too; JSON Lines on request", async () => {
    listing(github, [
      { name: "old", archived: true },
      { name: "copy", fork: true },
    ]);
    screenable(github, "old");
    screenable(github, "copy");
    const run = await runCli(
      ["screen", "--org", "octo-org", "--include-archived", "--include-forks", "-j", "1", "-f", "json"],
      { env: ENV },
    );
    const names = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).repository.name);
    expect(names).toEqual(["octo-org/old", "octo-org/copy"]);
    expect(run.stderr).toBe("");
  });

  test("reads every page of 100 repositories", async () => {
    listing(
      github,
      Array.from({ length: 100 }, (_, index) => ({ name: `r${index}`, archived: true })),
    );
    listing(github, [{ name: "last" }], 2);
    screenable(github, "last");
    const run = await runCli(["screen", "--org", "octo-org", "-f", "csv"], { env: ENV });
    const rows = run.stdout.split("\r\n");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(
      /^octo-org\/last,https:\/\/github\.com\/octo-org\/last,0123456789abcdef0123456789abcdef01234567,/,
    );
  });

  test("a repository GitHub fails on is a line on stderr and a row in the CSV; the others are screened", async () => {
    listing(github, [{ name: "broken" }, { name: "fine" }]);
    github.repositoryHead({ owner: "octo-org", name: "broken", oid: SHA });
    github.tree("octo-org", "broken", SHA, {}, { status: 500 });
    screenable(github, "fine");
    const run = await runCli(["screen", "--org", "octo-org", "-j", "1", "-f", "csv"], { env: ENV });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^dpg-screener: octo-org\/broken: Could not list the files of octo-org\/broken at \w+: .+\n$/,
    );
    const rows = run.stdout.split("\r\n");
    expect(rows[1]).toMatch(/^octo-org\/broken,,,,,,,,,,,,,,octo-org\/broken: Could not list the files/);
    expect(rows[2]).toMatch(/^octo-org\/fine,/);
  });

  test("waits out a primary rate limit until x-ratelimit-reset, says so on stderr, and goes on", async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    github.reply(
      "GET",
      "/orgs/octo-org/repos",
      403,
      { message: "API rate limit exceeded for installation." },
      {
        query: true,
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset },
      },
    );
    listing(github, []);
    const run = await runCli(["screen", "--org", "octo-org", "-f", "json"], { env: ENV });
    expect(run.stderr).toMatch(
      /^dpg-screener: GitHub primary rate limit on GET \/orgs\/\{org\}\/repos; retrying in [0-2] s\n$/,
    );
    expect(run).toMatchObject({ code: 0, stdout: "" });
  });

  test("waits for retry-after on a secondary rate limit, at most twice, then reports the failure", async () => {
    github.reply(
      "GET",
      "/orgs/octo-org/repos",
      403,
      { message: "You have exceeded a secondary rate limit." },
      {
        query: true,
        times: 3,
        headers: { "retry-after": "1" },
      },
    );
    const run = await runCli(["screen", "--org", "octo-org"], { env: ENV });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "dpg-screener: GitHub secondary rate limit on GET /orgs/{org}/repos; retrying in 1 s\n".repeat(2) +
        "dpg-screener: --org octo-org: Could not list the repositories of octo-org: You have exceeded a secondary rate limit.\n",
    );
  }, 15_000);

  test("without GITHUB_TOKEN it is exit 2 and says what to set", async () => {
    expect(await runCli(["screen", "--org", "octo-org"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "dpg-screener: --org octo-org: listing and screening an organisation needs a token: set GITHUB_TOKEN\n",
    });
  });

  test("an organisation GitHub does not know is exit 2 with one line", async () => {
    github.reply("GET", "/orgs/octo-org/repos", 404, { message: "Not Found" }, { query: true });
    expect(await runCli(["screen", "--org", "octo-org"], { env: ENV })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'dpg-screener: --org octo-org: No organisation "octo-org" on GitHub, or the token cannot see it\n',
    });
  });

  test("GitHub Enterprise Server through GITHUB_API_URL", async () => {
    github.verify();
    mocks.splice(0);
    const rest = createGitHubMock("https://ghe.example.com/api/v3");
    const graphql = createGitHubMock("https://ghe.example.com/api");
    mocks.push(rest, graphql);
    listing(rest, [{ name: "alpha" }]);
    graphql.repositoryHead({ owner: "octo-org", name: "alpha", oid: SHA });
    rest.tree("octo-org", "alpha", SHA, { "README.md": 40 });
    graphql.blobs({ "README.md": { text: "# alpha\n" } });
    const run = await runCli(["screen", "--org", "octo-org", "-f", "json"], {
      env: { ...ENV, GITHUB_API_URL: "https://ghe.example.com/api/v3" },
    });
    expect(JSON.parse(run.stdout).repository.name).toBe("octo-org/alpha");
  });

  test.each([
    [
      ["screen", "--org", "octo-org", "some/repo"],
      "--org screens an organisation's repositories; give no TARGET with it",
    ],
    [["screen", "--include-forks"], "--include-archived and --include-forks only apply with --org OWNER"],
    [["screen", "--org", "../etc"], '--org needs an organisation\'s login, not "../etc"'],
  ])("usage error %j", async (argv, message) => {
    expect(await runCli(argv, { env: ENV })).toEqual({ code: 2, stdout: "", stderr: `dpg-screener: ${message}\n` });
  });
});
