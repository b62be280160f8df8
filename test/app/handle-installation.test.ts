// installation.created and installation_repositories.added: every repository screened in the
// background, archived ones skipped, and the webhook answered before the screens finish.
import { MAX_REPOSITORY_PAGES } from "../../src/github/installation-github.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { createTestApp, type TestApp } from "../helpers/create-test-app.js";
import { example } from "../helpers/webhook-examples.js";
import { blobsOf, DECLARATION, treeOf, typicalFiles } from "../helpers/typical-repository.js";

let github: GitHubMock;
let app: TestApp;

beforeEach(async () => {
  github = createGitHubMock();
  app = await createTestApp({ fanOutConcurrency: 2 });
});
afterEach(() => github.verify());

function expectScreen(owner: string, repo: string, sha: string, checkRunId: number): void {
  github.repositoryHead({ owner, name: repo, oid: sha });
  github.configFile(owner, repo, DECLARATION);
  github.createCheckRun(owner, repo, checkRunId);
  github.tree(owner, repo, sha, treeOf(typicalFiles()));
  github.blobs(blobsOf(typicalFiles()));
  github.updateCheckRun(owner, repo, checkRunId);
}

test("installation.created lists the repositories and screens each one except archived ones", async () => {
  const payload = example("installation", (candidate) => candidate.action === "created");
  github.installationToken(payload.installation.id);
  github.listInstallationRepositories([
    { full_name: "Codertocat/Hello-World" },
    { full_name: "Codertocat/Old", archived: true },
  ]);
  expectScreen("Codertocat", "Hello-World", "a".repeat(40), 11);
  await app.probot.receive({ id: "install-1", name: "installation", payload: payload as never });
  await app.screener.idle();
  expect(github.bodies("POST", /check-runs$/)).toEqual([expect.objectContaining({ head_sha: "a".repeat(40) })]);
});

test("installation_repositories.added screens the added repositories", async () => {
  const payload = example("installation_repositories", (candidate) => candidate.action === "added");
  github.installationToken(payload.installation.id);
  expectScreen("Codertocat", "Space", "b".repeat(40), 12);
  await app.probot.receive({ id: "added-1", name: "installation_repositories", payload: payload as never });
  await app.screener.idle();
  expect(github.bodies("POST", /Space\/check-runs$/)).toHaveLength(1);
});

test("the webhook returns before the background screens finish", async () => {
  const payload = example("installation_repositories", (candidate) => candidate.action === "added");
  github.installationToken(payload.installation.id);
  expectScreen("Codertocat", "Space", "c".repeat(40), 13);
  await app.probot.receive({ id: "added-2", name: "installation_repositories", payload: payload as never });
  expect(github.bodies("PATCH", /check-runs\/13$/)).toHaveLength(0);
  await app.screener.idle();
  expect(github.bodies("PATCH", /check-runs\/13$/)).toHaveLength(1);
});

test("a repository whose lookup fails is logged and the others continue", async () => {
  // One at a time, so the failing lookup and the next repository's requests come in a known order.
  app = await createTestApp({ fanOutConcurrency: 1 });
  const payload = example("installation", (candidate) => candidate.action === "created");
  github.installationToken(payload.installation.id);
  github.listInstallationRepositories([{ full_name: "Codertocat/Gone" }, { full_name: "Codertocat/Hello-World" }]);
  github.blobs({}, { status: 502 });
  expectScreen("Codertocat", "Hello-World", "d".repeat(40), 14);
  await app.probot.receive({ id: "install-2", name: "installation", payload: payload as never });
  await app.screener.idle();
  expect(app.logs).toContainEqual(
    expect.objectContaining({
      msg: "A background screen failed",
      error: expect.stringContaining("Could not look up Codertocat/Gone"),
    }),
  );
  expect(github.bodies("POST", /check-runs$/)).toEqual([expect.objectContaining({ head_sha: "d".repeat(40) })]);
  expect(github.bodies("PATCH", /Hello-World\/check-runs\/14$/)).toEqual([
    expect.objectContaining({ status: "completed" }),
  ]);
});

test("installation.created with more repositories than the App lists says so in the log", async () => {
  const payload = example("installation", (candidate) => candidate.action === "created");
  github.installationToken(payload.installation.id);
  // Archived, so none of them is screened: the test is about the listing.
  github.endlessInstallationRepositories("Codertocat", MAX_REPOSITORY_PAGES, true);
  await app.probot.receive({ id: "install-capped", name: "installation", payload: payload as never });
  await app.screener.idle();
  const listed = MAX_REPOSITORY_PAGES * 100;
  expect(app.logs).toContainEqual(
    expect.objectContaining({
      listed,
      msg: `Only the first ${listed} repositories were listed (GitHub's listing was read up to ${MAX_REPOSITORY_PAGES} pages); the others are not screened`,
    }),
  );
  expect(github.bodies("POST", /check-runs$/)).toHaveLength(0);
});
