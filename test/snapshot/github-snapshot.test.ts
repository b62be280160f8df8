import { countRequests } from "../../src/snapshot/github-client.js";
import { GitHubSnapshot, BLOB_BATCH_SIZE } from "../../src/snapshot/github-snapshot.js";
import { openRemoteSnapshot } from "../../src/snapshot/open-remote-snapshot.js";
import { parseFullName } from "../../src/snapshot/fetch-repository-head.js";
import { Octokit } from "@octokit/rest";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";

const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const SHA = "1234567890abcdef1234567890abcdef12345678";
let github: GitHubMock;

beforeEach(() => {
  github = createGitHubMock();
});
afterEach(() => github.verify());

function client() {
  return countRequests(new Octokit({ auth: "test-token", log: QUIET }));
}

test("lists files with one tree request and reads them with one GraphQL query", async () => {
  github.tree("o", "r", SHA, { "README.md": 11, LICENSE: 20, "big.csv": 10_000_000, "logo.png": 300 });
  github.blobs({ "README.md": { text: "\uFEFF# Hello\n" }, "logo.png": { text: null, isBinary: true, byteSize: 300 } });
  const counting = client();
  const snapshot = new GitHubSnapshot(counting, {
    owner: "o",
    repo: "r",
    commit: SHA,
    metadata: { defaultBranch: "main" },
  });
  expect(await snapshot.listFiles()).toEqual({
    paths: ["LICENSE", "README.md", "big.csv", "logo.png"],
    truncated: false,
  });
  const files = await snapshot.readFiles(["README.md", "big.csv", "logo.png", "LICENSE", "absent.txt"], 1024 * 1024);
  expect(Object.fromEntries(files)).toEqual({
    "README.md": { kind: "text", text: "# Hello\n", bytes: 11 },
    "big.csv": { kind: "too-large", bytes: 10_000_000 },
    "logo.png": { kind: "binary", bytes: 300 },
    LICENSE: { kind: "missing" },
    "absent.txt": { kind: "missing" },
  });
  expect(counting.requestCount).toBe(2);
  expect(snapshot.metadata).toEqual({ name: "r", fullName: "o/r", defaultBranch: "main", commit: SHA });
  const [query] = github.bodies("POST", /graphql/) as { query: string; variables: Record<string, string> }[];
  expect(query?.variables).toMatchObject({
    owner: "o",
    name: "r",
    e0: `${SHA}:README.md`,
    e1: `${SHA}:logo.png`,
    e2: `${SHA}:LICENSE`,
  });
  expect(query?.query).toContain("f0: object(expression: $e0) { ... on Blob { text byteSize isBinary isTruncated } }");
});

test("committed dependency and cache folders are not listed, as in a local checkout", async () => {
  github.tree("o", "r", SHA, {
    "README.md": 5,
    "node_modules/x/LICENSE": 9,
    "web/node_modules/y/index.js": 3,
    "src/__pycache__/a.pyc": 4,
    "src/a.py": 4,
  });
  const listing = await new GitHubSnapshot(client(), { owner: "o", repo: "r", commit: SHA }).listFiles();
  expect(listing.paths).toEqual(["README.md", "src/a.py"]);
});

test("a truncated tree is completed with the root, .github, docs and LICENSES folders, and still marked truncated", async () => {
  // The recursive list was cut before the licence and community files.
  github.tree("o", "r", SHA, { "src/a/1.ts": 5, "src/a/2.ts": 5 }, { truncated: true });
  const entry = (path: string, type: "blob" | "tree", sha = "0".repeat(40)) => ({
    path,
    mode: type === "tree" ? "040000" : "100644",
    type,
    sha,
    size: type === "blob" ? 10 : undefined,
  });
  github.reply("GET", `/repos/o/r/git/trees/${SHA}`, 200, {
    sha: SHA,
    truncated: false,
    tree: [
      entry("LICENSE", "blob"),
      entry("README.md", "blob"),
      entry(".github", "tree", "a".repeat(40)),
      entry("docs", "tree", "b".repeat(40)),
      entry("src", "tree", "c".repeat(40)),
    ],
  });
  github.reply("GET", `/repos/o/r/git/trees/${"a".repeat(40)}`, 200, {
    sha: "a",
    truncated: false,
    tree: [entry("SECURITY.md", "blob"), entry("workflows", "tree")],
  });
  github.reply("GET", `/repos/o/r/git/trees/${"b".repeat(40)}`, 200, {
    sha: "b",
    truncated: false,
    tree: [entry("CODE_OF_CONDUCT.md", "blob")],
  });
  const counting = client();
  const listing = await new GitHubSnapshot(counting, { owner: "o", repo: "r", commit: SHA }).listFiles();
  expect(listing).toEqual({
    paths: [".github/SECURITY.md", "LICENSE", "README.md", "docs/CODE_OF_CONDUCT.md", "src/a/1.ts", "src/a/2.ts"],
    truncated: true,
    truncatedReason:
      "GitHub truncated the file tree (over 100,000 entries or 7 MB); the root, .github, docs and LICENSES folders were listed in full",
  });
  expect(counting.requestCount).toBe(4);
});

test("a truncated tree whose root cannot be listed keeps the truncated list and says only that it was cut", async () => {
  github.tree("o", "r", SHA, { "README.md": 5 }, { truncated: true });
  github.reply("GET", `/repos/o/r/git/trees/${SHA}`, 502, { message: "Bad gateway" });
  const listing = await new GitHubSnapshot(client(), { owner: "o", repo: "r", commit: SHA }).listFiles();
  expect(listing).toEqual({
    paths: ["README.md"],
    truncated: true,
    truncatedReason: "GitHub truncated the file tree (over 100,000 entries or 7 MB)",
  });
});

test("a tree GitHub refuses becomes an error naming the repository and commit", async () => {
  github.tree("o", "r", SHA, {}, { status: 500 });
  await expect(new GitHubSnapshot(client(), { owner: "o", repo: "r", commit: SHA }).listFiles()).rejects.toThrow(
    `Could not list the files of o/r at ${SHA}:`,
  );
});

test("many files are read in batches of BLOB_BATCH_SIZE", async () => {
  const sizes = Object.fromEntries(Array.from({ length: BLOB_BATCH_SIZE + 1 }, (_, index) => [`f${index}.md`, 1]));
  github.tree("o", "r", SHA, sizes);
  github.blobs({});
  github.blobs({});
  const counting = client();
  const files = await new GitHubSnapshot(counting, { owner: "o", repo: "r", commit: SHA }).readFiles(
    Object.keys(sizes),
    100,
  );
  expect(files.size).toBe(BLOB_BATCH_SIZE + 1);
  expect(counting.requestCount).toBe(3);
});

test("a GraphQL error on one file makes that file unreadable and keeps the others", async () => {
  github.tree("o", "r", SHA, { "a.md": 1, "b.md": 1 });
  github.blobs(
    { "a.md": { text: "a" } },
    { errors: [{ alias: "f1", message: "Something went wrong while executing your query." }] },
  );
  const files = await new GitHubSnapshot(client(), { owner: "o", repo: "r", commit: SHA }).readFiles(
    ["a.md", "b.md"],
    100,
  );
  expect(files.get("a.md")).toEqual({ kind: "text", text: "a", bytes: 1 });
  expect(files.get("b.md")).toEqual({
    kind: "unreadable",
    reason: "GitHub could not read it: Something went wrong while executing your query.",
  });
});

test("a failed GraphQL request becomes an error naming the repository", async () => {
  github.tree("o", "r", SHA, { "a.md": 1 });
  github.blobs({}, { status: 502 });
  await expect(
    new GitHubSnapshot(client(), { owner: "o", repo: "r", commit: SHA }).readFiles(["a.md"], 100),
  ).rejects.toThrow("Could not read files of o/r through GraphQL:");
});

test("a blob GitHub truncated, or whose size exceeds the cap, is not passed on as text", async () => {
  github.tree("o", "r", SHA, { "a.md": 10, "b.md": 10 });
  github.blobs({
    "a.md": { text: "partial", isTruncated: true, byteSize: 10 },
    "b.md": { text: "0123456789", byteSize: 10 },
  });
  const files = await new GitHubSnapshot(client(), { owner: "o", repo: "r", commit: SHA }).readFiles(
    ["a.md", "b.md"],
    100,
  );
  expect(files.get("a.md")).toEqual({ kind: "unreadable", reason: "GitHub truncated the text of this file" });
  expect(files.get("b.md")).toEqual({ kind: "text", text: "0123456789", bytes: 10 });
});

test("a file GraphQL answers with null (deleted meanwhile, or a submodule) reads as missing", async () => {
  github.tree("o", "r", SHA, { "a.md": 1 });
  github.blobs({});
  const files = await new GitHubSnapshot(client(), { owner: "o", repo: "r", commit: SHA }).readFiles(["a.md"], 100);
  expect(files.get("a.md")).toEqual({ kind: "missing" });
});

test("an answer without the repository is an error", async () => {
  github.tree("o", "r", SHA, { "a.md": 1 });
  github.blobs({}, { noRepository: true });
  await expect(
    new GitHubSnapshot(client(), { owner: "o", repo: "r", commit: SHA }).readFiles(["a.md"], 100),
  ).rejects.toThrow("GitHub returned no repository o/r for the file query");
});

describe("openRemoteSnapshot (CLI remote mode)", () => {
  test("looks up the default branch's tip and metadata in one GraphQL request", async () => {
    github.repositoryHead({ owner: "octo-org", name: "demo", oid: SHA });
    const { snapshot, client: counting } = await openRemoteSnapshot("octo-org/demo", "test-token");
    expect(snapshot.metadata).toMatchObject({
      fullName: "octo-org/demo",
      commit: SHA,
      defaultBranch: "main",
      url: "https://github.com/octo-org/demo",
      archived: false,
    });
    expect(counting.requestCount).toBe(1);
  });

  test("needs a token", async () => {
    await expect(openRemoteSnapshot("octo-org/demo", undefined)).rejects.toThrow(
      "Screening a GitHub repository needs a token: set GITHUB_TOKEN",
    );
  });

  test("rejects a name that is not owner/name", () => {
    expect(() => parseFullName("just-a-name")).toThrow('"just-a-name" is not a repository name; expected owner/name');
  });

  test("a failed lookup names the repository", async () => {
    github.blobs({}, { status: 502 });
    await expect(openRemoteSnapshot("octo-org/demo", "test-token")).rejects.toThrow("Could not look up octo-org/demo:");
  });
});

describe("the CLI's openTarget with owner/name", () => {
  test("without a token it is a target error saying to set GITHUB_TOKEN", async () => {
    const { openTarget } = await import("../../src/cli/open-target.js");
    await expect(openTarget("octo-org/demo", { env: {} })).rejects.toThrow(
      "octo-org/demo: Screening a GitHub repository needs a token: set GITHUB_TOKEN",
    );
  });

  test("with a token it opens the repository through GitHub", async () => {
    const { openTarget } = await import("../../src/cli/open-target.js");
    github.repositoryHead({ owner: "octo-org", name: "demo", oid: SHA });
    const snapshot = await openTarget("octo-org/demo", { env: { GITHUB_TOKEN: "test-token" } });
    expect(snapshot.metadata.commit).toBe(SHA);
  });
});
