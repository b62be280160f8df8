// The dashboard's settings from the environment. Sign-in is optional; half of it is an error with
// a message that says what to set, never a dashboard that silently shows less or more than meant.
import { createUserAccessClient } from "../github/user-access-client.js";
import type { DashboardOptions } from "./handle-dashboard-request.js";
import { SessionSealer } from "./session.js";

export type DashboardSettings = Pick<DashboardOptions, "signIn" | "publicBase">;

export function dashboardSettingsFromEnv(env: NodeJS.ProcessEnv): DashboardSettings {
  const clientId = nonEmpty(env.GITHUB_CLIENT_ID);
  const clientSecret = nonEmpty(env.GITHUB_CLIENT_SECRET);
  const sessionSecret = nonEmpty(env.DASHBOARD_SESSION_SECRET);
  const publicBase = nonEmpty(env.DASHBOARD_URL);
  if (publicBase !== undefined && !/^https?:\/\/[^\s/]+/.test(publicBase))
    throw new Error(`DASHBOARD_URL must be an http(s) address such as https://dpg.example.org, not "${publicBase}"`);
  const settings: DashboardSettings = publicBase === undefined ? {} : { publicBase };
  if (clientId === undefined && clientSecret === undefined) return settings;
  if (clientId === undefined || clientSecret === undefined)
    throw new Error("Dashboard sign-in needs both GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET (the App's OAuth client)");
  if (sessionSecret === undefined)
    throw new Error("Dashboard sign-in needs DASHBOARD_SESSION_SECRET (at least 32 characters) to seal its cookies");
  return {
    ...settings,
    signIn: {
      client: createUserAccessClient({ clientId, clientSecret, apiBaseUrl: apiBaseUrl(env) }),
      sealer: new SessionSealer(sessionSecret),
    },
  };
}

/** GitHub Enterprise Server through Probot's own settings (GHE_HOST, GHE_PROTOCOL). */
function apiBaseUrl(env: NodeJS.ProcessEnv): string {
  const host = nonEmpty(env.GHE_HOST);
  return host === undefined ? "https://api.github.com" : `${env.GHE_PROTOCOL ?? "https"}://${host}/api/v3`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
