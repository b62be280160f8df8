// `dpg-screener screen --check-links` end to end: a local checkout whose draft and declaration
// cite links on one site, answered by nock (no network).
import { runCli } from "../helpers/run-cli.js";
import { useTempRepos } from "../helpers/temp-repo.js";
import { createWebMock, type WebMock } from "../helpers/github-mock.js";

const SITE = "https://harvest.example.org";
const repo = useTempRepos();
let web: WebMock;
beforeEach(() => {
  web = createWebMock(SITE);
});
afterEach(() => web.verify());

const CHECKOUT = {
  "README.md": "# Harvest Planner\n\nHarvest Planner helps smallholder farmers plan crops.\n",
  "package.json": JSON.stringify({ name: "harvest", description: "Crop planning", homepage: SITE, license: "MIT" }),
  ".github/dpg.yml": `sdgs:\n  - number: 2\n    relevance: Crop planning for food security.\n    evidence:\n      - ${SITE}/impact\n`,
  ".git/config": `[remote "origin"]\n\turl = ${SITE}/example-org/harvest.git\n`,
};

describe("screen --check-links", () => {
  test("checks every cited link once and names the broken ones with their status and where they are cited", async () => {
    const root = await repo(CHECKOUT);
    web.head("/", 200);
    web.head("/impact", 404);
    // The origin remote, cited as the repository: a server that refuses HEAD and redirects.
    web.head("/example-org/harvest", 405);
    web.get("/example-org/harvest", 301, { location: "/example-org/harvest/" });
    web.head("/example-org/harvest/", 200);
    const run = await runCli(["screen", root, "--check-links", "--format", "json"]);
    const lines = run.stderr.split("\n").filter(Boolean);
    expect(lines[0]).toMatch(/^dpg-screener: .+: 1 of 3 cited links are broken:$/);
    expect(lines.slice(1)).toEqual([
      `dpg-screener:   ${SITE}/impact — HTTP 404 — cited in sdgs; declaration sdgs[0].evidence[0]`,
    ]);
    // The report on stdout is the same as without the option.
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ repository: { name: expect.any(String) } });
  });

  test("says so when every link answers", async () => {
    const root = await repo({ ...CHECKOUT, ".github/dpg.yml": "sdgs:\n  - number: 2\n    relevance: Crops.\n" });
    web.head("/", 200);
    web.head("/example-org/harvest", 200);
    const run = await runCli(["screen", root, "--check-links"]);
    expect(run.stderr).toMatch(/^dpg-screener: .+: all 2 cited links answer\n$/);
  });

  test("without --check-links nothing is fetched", async () => {
    const root = await repo(CHECKOUT);
    const run = await runCli(["screen", root, "--format", "dpga"]);
    expect(run.stderr).toBe("");
    // web.verify() in afterEach fails on any request nock did not expect.
  });
});
