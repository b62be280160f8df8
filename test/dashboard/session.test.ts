// The OAuth web flow: state cookie as the CSRF guard, the session cookie's attributes, no open
// redirect, and a sign-out that only the dashboard's own form can trigger.
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createUserAccessClient } from "../../src/github/user-access-client.js";
import { SESSION_COOKIE, SessionSealer, STATE_COOKIE } from "../../src/dashboard/session.js";
import { safeReturnPath } from "../../src/dashboard/handle-dashboard-request.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { repositoryEntry, serveDashboard, type ServedDashboard } from "../helpers/dashboard-fixture.js";

const sealer = new SessionSealer("a-session-secret-that-is-long-enough-000");
const client = createUserAccessClient({ clientId: "Iv1.client", clientSecret: "shh" });

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie();
}

describe("sign-in with GitHub", () => {
  let api: GitHubMock;
  let web: GitHubMock;
  let dashboard: ServedDashboard;

  beforeEach(async () => {
    api = createGitHubMock();
    web = createGitHubMock("https://github.com");
    dashboard = await serveDashboard([repositoryEntry("acme", 1, { name: "demo" })], {
      signIn: { client, sealer },
      publicBase: "https://dpg.example.org",
    });
  });

  afterEach(async () => {
    await dashboard.close();
    api.verify();
    web.verify();
  });

  async function startLogin(returnPath: string): Promise<{ state: string; stateCookie: string }> {
    const response = await fetch(`${dashboard.url}/dpg/login?return=${encodeURIComponent(returnPath)}`, {
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe("https://github.com/login/oauth/authorize");
    expect(location.searchParams.get("client_id")).toBe("Iv1.client");
    expect(location.searchParams.get("redirect_uri")).toBe("https://dpg.example.org/dpg/callback");
    const [stateCookie] = cookiesOf(response);
    expect(stateCookie).toMatch(new RegExp(`^${STATE_COOKIE}=.+; Path=/dpg; Max-Age=600; HttpOnly; SameSite=Lax$`));
    return { state: location.searchParams.get("state") ?? "", stateCookie: stateCookie!.split(";")[0]! };
  }

  it("signs in, sets an HttpOnly session cookie and returns to the page the user came from", async () => {
    const { state, stateCookie } = await startLogin("/dpg/orgs/acme?q=demo");
    web.reply("POST", "/login/oauth/access_token", 200, { access_token: "ghu_user", token_type: "bearer", scope: "" });
    api.reply("GET", "/user", 200, { login: "alice" });
    const response = await fetch(`${dashboard.url}/dpg/callback?code=abc&state=${state}`, {
      headers: { cookie: stateCookie },
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/dpg/orgs/acme?q=demo");
    const [session, clearedState] = cookiesOf(response);
    expect(session).toMatch(
      new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]+; Path=/dpg; Max-Age=28800; HttpOnly; SameSite=Lax$`),
    );
    expect(clearedState).toContain(`${STATE_COOKIE}=; Path=/dpg; Max-Age=0`);
    // The token is sealed: it does not appear in the cookie.
    expect(session).not.toContain("ghu_user");
    expect(web.bodies("POST", /access_token/)).toEqual([
      expect.objectContaining({ client_id: "Iv1.client", client_secret: "shh", code: "abc" }),
    ]);
    const page = await (await fetch(`${dashboard.url}/dpg`, { headers: { cookie: session!.split(";")[0]! } })).text();
    expect(page).toContain("Signed in as <strong>alice</strong>");
  });

  it("refuses a callback whose state this browser did not start", async () => {
    const { stateCookie } = await startLogin("/dpg");
    const response = await fetch(`${dashboard.url}/dpg/callback?code=abc&state=forged`, {
      headers: { cookie: stateCookie },
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("This sign-in link is not valid any more. Start again from the dashboard.\n");
    expect(cookiesOf(response)).toEqual([]);
  });

  it("says so when GitHub does not confirm the code", async () => {
    const { state, stateCookie } = await startLogin("/dpg");
    web.reply("POST", "/login/oauth/access_token", 200, {
      error: "bad_verification_code",
      error_description: "expired",
    });
    const response = await fetch(`${dashboard.url}/dpg/callback?code=old&state=${state}`, {
      headers: { cookie: stateCookie },
      redirect: "manual",
    });
    expect(response.status).toBe(502);
    expect(await response.text()).toBe("GitHub did not confirm the sign-in. Try again.\n");
  });

  it("signs out only through the dashboard's own form (CSRF token)", async () => {
    const sealed = sealer.seal({ login: "alice", token: "ghu_user", expires: Math.floor(Date.now() / 1000) + 600 });
    const cookie = `${SESSION_COOKIE}=${sealed}`;
    const forged = await fetch(`${dashboard.url}/dpg/logout`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "csrf=guess",
      redirect: "manual",
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toBe("This sign-out did not come from the dashboard's own form.\n");
    const page = await (await fetch(`${dashboard.url}/dpg`, { headers: { cookie } })).text();
    const token = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
    expect(token).toBe(sealer.csrfToken(sealed));
    const real = await fetch(`${dashboard.url}/dpg/logout`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: `csrf=${token}`,
      redirect: "manual",
    });
    expect(real.status).toBe(303);
    expect(cookiesOf(real)[0]).toContain(`${SESSION_COOKIE}=; Path=/dpg; Max-Age=0`);
    expect((await fetch(`${dashboard.url}/dpg/logout`)).status).toBe(405);
  });
});

describe("safeReturnPath", () => {
  it.each([
    ["/dpg/orgs/acme?q=1", "/dpg/orgs/acme?q=1"],
    ["https://evil.example/dpg", "/dpg"],
    ["//evil.example", "/dpg"],
    ["/dpg\r\nSet-Cookie: x", "/dpg"],
    ["/other", "/dpg"],
  ])("%j returns to %j", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });
});

describe("SessionSealer", () => {
  it("refuses a short secret", () => {
    expect(() => new SessionSealer("short")).toThrow("The dashboard session secret must be at least 32 characters");
  });
});
