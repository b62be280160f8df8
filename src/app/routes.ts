// Which handler answers which webhook event. Adding a behaviour is one line here plus its
// handler file; nothing else in the App routes events.
import type { Context, Probot } from "probot";
import type { EmitterWebhookEventName } from "@octokit/webhooks";
import type { AppServices } from "./app-services.js";
import { handleCheckRunRerequested, handleRescreenAction } from "./handle-check-run.js";
import { handleCheckSuite } from "./handle-check-suite.js";
import { handleInstallationCreated, handleRepositoriesAdded } from "./handle-installation.js";
import { handlePullRequest } from "./handle-pull-request.js";
import { handlePush } from "./handle-push.js";
import { handleOpenFixIssues } from "./handle-requested-action.js";
import { handleIssueComment } from "./handle-issue-comment.js";

export interface Route {
  events: readonly EmitterWebhookEventName[];
  /** The route's own name for delivery records: its events and its handler's name. */
  key: string;
  /** Subscribes the handler to its events on `app`. */
  register(app: Probot, services: AppServices): void;
}

/** Keeps each route's event names and handler context type in step. */
export function route<E extends EmitterWebhookEventName>(
  events: E[],
  handle: (context: Context<E>, services: AppServices) => Promise<unknown>,
): Route {
  // Keyed per route, by its events and its handler: two routes may share an event (the
  // requested_action of a check run goes to the re-screen and to the fix-issues handler).
  const key = `${events.join(",")}:${handle.name}`;
  return {
    events,
    key,
    register(app, services) {
      app.on(events, async (context) => {
        // The same delivery, redelivered or received by another replica, is handled once per route.
        const delivery = `${context.id}:${key}`;
        if (services.jobs !== undefined && !(await services.jobs.queue.recordDelivery(delivery))) {
          context.log.info({ deliveryId: context.id }, "Delivery already handled");
          return;
        }
        await handle(context, services);
      });
    },
  };
}

export const routes: Route[] = [
  route(["check_suite.requested", "check_suite.rerequested"], handleCheckSuite),
  route(["check_run.rerequested"], handleCheckRunRerequested),
  route(["check_run.requested_action"], handleRescreenAction),
  route(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"], handlePullRequest),
  route(["push"], handlePush),
  route(["installation.created"], handleInstallationCreated),
  route(["installation_repositories.added"], handleRepositoriesAdded),
  // Issues: the "Open fix issues" button and the /dpg recheck comment.
  route(["check_run.requested_action"], handleOpenFixIssues),
  route(["issue_comment.created"], handleIssueComment),
];

export function registerRoutes(app: Probot, services: AppServices, table: readonly Route[] = routes): void {
  const keys = new Set<string>();
  for (const entry of table) {
    // Two routes with one key would share delivery records, and the second would never run.
    if (keys.has(entry.key)) throw new Error(`Two webhook routes share the key "${entry.key}"`);
    keys.add(entry.key);
  }
  for (const entry of table) entry.register(app, services);
}
