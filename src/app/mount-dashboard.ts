// Serves the dashboard (docs/dashboard.md) on the App's own server, over the queue's store. Only
// the queued App has a store; without it, or without an HTTP server (tests, `probot receive`),
// there is nothing to mount.
import type { ApplicationFunctionOptions, Probot } from "probot";
import { createDashboardHandler } from "../dashboard/handle-dashboard-request.js";
import { dashboardSettingsFromEnv } from "../dashboard/dashboard-settings.js";
import { CachedDashboardSource } from "../dashboard/cached-dashboard-source.js";
import { StoreDashboardSource } from "../dashboard/store-dashboard-source.js";
import { allIndicators } from "../indicators/registry.js";
import { messageOf } from "../snapshot/github-client.js";
import type { JobServices } from "./screen-jobs.js";

export function mountDashboard(
  app: Pick<Probot, "log">,
  jobs: Pick<JobServices, "database">,
  addHandler: ApplicationFunctionOptions["addHandler"] | undefined,
  env: NodeJS.ProcessEnv = process.env,
): void {
  if (addHandler === undefined) return;
  // Half-configured sign-in throws here, at start-up, with a message that says what to set.
  const handler = createDashboardHandler({
    source: new CachedDashboardSource(new StoreDashboardSource(jobs.database)),
    indicators: allIndicators.map(({ id, title }) => ({ id, title })),
    ...dashboardSettingsFromEnv(env),
    log: app.log,
  });
  try {
    addHandler(handler);
  } catch (error) {
    app.log.debug({ error: messageOf(error) }, "No HTTP server: the dashboard is not served");
  }
}
