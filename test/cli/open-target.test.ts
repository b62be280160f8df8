// `dpg-screener screen owner/name`: the CLI over the GitHub snapshot, GitHub mocked.
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { runCli } from "../helpers/run-cli.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
let github: GitHubMock;
beforeEach(() => {
  github = createGitHubMock();
});
afterEach(() => github.verify());

describe("dpg-screener screen owner/name", () => {
  test("screens the default branch's tip in three reads and prints the report", async () => {
    github.repositoryHead({ owner: "octo-org", name: "demo", oid: SHA });
    github.tree("octo-org", "demo", SHA, { "README.md": 40, LICENSE: 1100 });
    github.blobs({ "README.md": { text: "# Demo\n\nA tool.\n" }, LICENSE: { text: "not a licence we know" } });
    const run = await runCli(["screen", "octo-org/demo", "--format", "json"], { env: { GITHUB_TOKEN: "test-token" } });
    const report = JSON.parse(run.stdout);
    expect(report.repository).toEqual({ name: "octo-org/demo", url: "https://github.com/octo-org/demo", ref: SHA });
    expect(report.results).toHaveLength(11);
    expect(run.stderr).toBe("");
  });

  test("GitHub failing half-way through a screen is exit 2 with one line naming the target", async () => {
    github.repositoryHead({ owner: "octo-org", name: "demo", oid: SHA });
    github.tree("octo-org", "demo", SHA, {}, { status: 500 });
    const run = await runCli(["screen", "octo-org/demo"], { env: { GITHUB_TOKEN: "test-token" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^dpg-screener: octo-org\/demo: Could not list the files of octo-org\/demo at 0123456789abcdef0123456789abcdef01234567: .+\n$/,
    );
  });

  test("without GITHUB_TOKEN it is exit 2 and says what to set", async () => {
    const run = await runCli(["screen", "octo-org/demo"]);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "dpg-screener: octo-org/demo: Screening a GitHub repository needs a token: set GITHUB_TOKEN (GitHub's GraphQL API has no anonymous access)\n",
    });
  });
});
