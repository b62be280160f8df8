import { describe, expect, it } from "@jest/globals";
import { dashboardSettingsFromEnv } from "../../src/dashboard/dashboard-settings.js";

const SECRET = "x".repeat(32);

describe("dashboardSettingsFromEnv", () => {
  it("has no sign-in when no OAuth client is set", () => {
    expect(dashboardSettingsFromEnv({})).toEqual({});
    expect(dashboardSettingsFromEnv({ DASHBOARD_URL: "https://dpg.example.org" })).toEqual({
      publicBase: "https://dpg.example.org",
    });
  });

  it("offers sign-in with the client, and sends users to the GitHub Enterprise host when set", () => {
    const settings = dashboardSettingsFromEnv({
      GITHUB_CLIENT_ID: "Iv1.abc",
      GITHUB_CLIENT_SECRET: "secret",
      DASHBOARD_SESSION_SECRET: SECRET,
      GHE_HOST: "ghe.example.org",
    });
    const url = new URL(settings.signIn?.client.authorizeUrl("state", "https://dpg.example.org/dpg/callback") ?? "");
    expect(url.origin).toBe("https://ghe.example.org");
    expect(url.searchParams.get("client_id")).toBe("Iv1.abc");
  });

  it.each([
    [
      { GITHUB_CLIENT_ID: "Iv1.abc" },
      "Dashboard sign-in needs both GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET (the App's OAuth client)",
    ],
    [
      { GITHUB_CLIENT_SECRET: "s" },
      "Dashboard sign-in needs both GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET (the App's OAuth client)",
    ],
    [
      { GITHUB_CLIENT_ID: "Iv1.abc", GITHUB_CLIENT_SECRET: "s" },
      "Dashboard sign-in needs DASHBOARD_SESSION_SECRET (at least 32 characters) to seal its cookies",
    ],
    [
      { GITHUB_CLIENT_ID: "Iv1.abc", GITHUB_CLIENT_SECRET: "s", DASHBOARD_SESSION_SECRET: "short" },
      "The dashboard session secret must be at least 32 characters",
    ],
    [
      { DASHBOARD_URL: "dpg.example.org" },
      'DASHBOARD_URL must be an http(s) address such as https://dpg.example.org, not "dpg.example.org"',
    ],
  ])("refuses %j", (env, message) => {
    expect(() => dashboardSettingsFromEnv(env)).toThrow(message);
  });
});
