// Who may see what: a private repository's page, badge, export row and search hit are invisible
// signed out and to a user without access, and visible to one GitHub says can access it.
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createUserAccessClient } from "../../src/github/user-access-client.js";
import { SESSION_COOKIE, SessionSealer } from "../../src/dashboard/session.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { repositoryEntry, serveDashboard, type ServedDashboard } from "../helpers/dashboard-fixture.js";

const SECRET = "a-session-secret-that-is-long-enough-000";
const sealer = new SessionSealer(SECRET);
const client = createUserAccessClient({ clientId: "Iv1.client", clientSecret: "shh" });

const entries = [
  repositoryEntry("acme", 7, { name: "open-health" }),
  repositoryEntry("acme", 7, { name: "secret-ledger", private: true }),
];

function sessionCookie(login: string, token: string): string {
  return `${SESSION_COOKIE}=${sealer.seal({ login, token, expires: Math.floor(Date.now() / 1000) + 3600 })}`;
}

describe("dashboard access", () => {
  let github: GitHubMock;
  let dashboard: ServedDashboard;

  beforeEach(async () => {
    github = createGitHubMock();
    dashboard = await serveDashboard(entries, { signIn: { client, sealer } });
  });

  afterEach(async () => {
    await dashboard.close();
    github.verify();
  });

  const get = (path: string, cookie?: string) =>
    fetch(`${dashboard.url}${path}`, { headers: cookie === undefined ? {} : { cookie } });

  it("hides a private repository everywhere when signed out, and asks GitHub nothing", async () => {
    const table = await (await get("/dpg/orgs/acme?q=ledger")).text();
    expect(table).toContain("0 of 1 repositories match");
    expect(table).not.toContain("secret-ledger");
    expect((await get("/dpg/repos/acme/secret-ledger")).status).toBe(404);
    expect((await get("/dpg/badge/acme/secret-ledger.svg")).status).toBe(404);
    const csv = await (await get("/dpg/orgs/acme/export.csv")).text();
    expect(csv).toContain("acme/open-health");
    expect(csv).not.toContain("secret-ledger");
    const json = await (await get("/dpg/orgs/acme/export.json")).text();
    expect(json).not.toContain("secret-ledger");
  });

  it("hides it from a signed-in user GitHub does not list for that installation", async () => {
    github.reply(
      "GET",
      "/user/installations/7/repositories",
      200,
      {
        total_count: 1,
        repositories: [{ full_name: "acme/open-health" }],
      },
      { query: { per_page: "100" } },
    );
    const cookie = sessionCookie("mallory", "gho_mallory");
    const table = await (await get("/dpg/orgs/acme", cookie)).text();
    expect(table).toContain("Signed in as <strong>mallory</strong>");
    expect(table).not.toContain("secret-ledger");
    // The answer is cached: the page, the export and the repository page ask GitHub once.
    expect(await (await get("/dpg/orgs/acme/export.csv", cookie)).text()).not.toContain("secret-ledger");
    expect((await get("/dpg/repos/acme/secret-ledger", cookie)).status).toBe(404);
  });

  it("shows it to a user with access, but never as a badge", async () => {
    github.reply(
      "GET",
      "/user/installations/7/repositories",
      200,
      {
        total_count: 2,
        repositories: [{ full_name: "acme/open-health" }, { full_name: "Acme/Secret-Ledger" }],
      },
      { query: { per_page: "100" } },
    );
    const cookie = sessionCookie("alice", "gho_alice");
    const table = await (await get("/dpg/orgs/acme?q=ledger", cookie)).text();
    expect(table).toContain("1 of 2 repositories match");
    expect(table).toContain(">secret-ledger</a>");
    const page = await get("/dpg/repos/acme/secret-ledger", cookie);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).not.toContain("Markdown for your README");
    expect(await (await get("/dpg/orgs/acme/export.csv", cookie)).text()).toContain("acme/secret-ledger,true");
    expect((await get("/dpg/badge/acme/secret-ledger.svg", cookie)).status).toBe(404);
  });

  it("treats a tampered or expired session cookie as signed out", async () => {
    const good = sessionCookie("alice", "gho_alice");
    const tampered = `${good.slice(0, -4)}AAAA`;
    expect(await (await get("/dpg/orgs/acme", tampered)).text()).not.toContain("Signed in as");
    const expired = `${SESSION_COOKIE}=${sealer.seal({ login: "alice", token: "gho_alice", expires: 1 })}`;
    expect(await (await get("/dpg/orgs/acme", expired)).text()).not.toContain("Signed in as");
  });

  it("shows nothing private when a GitHub lookup fails, and asks again on the next page", async () => {
    github.reply(
      "GET",
      "/user/installations/7/repositories",
      500,
      { message: "boom" },
      {
        query: { per_page: "100" },
        times: 2,
      },
    );
    const cookie = sessionCookie("alice", "gho_alice");
    expect(await (await get("/dpg/orgs/acme", cookie)).text()).not.toContain("secret-ledger");
    // Not cached: the second page asks GitHub again (the mock expects exactly two requests).
    expect(await (await get("/dpg/orgs/acme", cookie)).text()).not.toContain("secret-ledger");
  });
});

describe("dashboard without sign-in configured", () => {
  it("shows public repositories only and offers no sign-in", async () => {
    const dashboard = await serveDashboard(entries);
    try {
      const page = await (await fetch(`${dashboard.url}/dpg/orgs/acme`)).text();
      expect(page).toContain("open-health");
      expect(page).not.toContain("secret-ledger");
      expect(page).not.toContain("Sign in with GitHub");
      const login = await fetch(`${dashboard.url}/dpg/login`, { redirect: "manual" });
      expect(login.status).toBe(404);
      expect(await login.text()).toBe("Sign-in with GitHub is not configured on this dashboard.\n");
    } finally {
      await dashboard.close();
    }
  });
});
