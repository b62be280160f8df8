// Probot entry point (`probot run ./lib/app/index.js`): creates the shared Screener and routes
// events to handlers. No logic lives here.
import { createRequire } from "node:module";
import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from "probot";
import { registerRoutes, routes, type Route } from "./routes.js";
import { Screener, type ScreenerOptions } from "./screener.js";
import { IssueWriteQueue } from "../github/issue-write-queue.js";
import { messageOf } from "../snapshot/github-client.js";
import { enqueueScreen, type JobServices } from "./screen-jobs.js";
import { jobSettingsFromEnv, startJobs, type JobSettings } from "./start-jobs.js";
import { mountDashboard } from "./mount-dashboard.js";

const require = createRequire(import.meta.url);
const pkg = require("../../package.json") as { name: string; version: string };

export interface CreateAppOptions extends Partial<ScreenerOptions> {
  /** Receives the Screener (tests await `screener.idle()`). */
  onScreener?: (screener: Screener) => void;
  routes?: readonly Route[];
  /** The issue write queue (tests inject one with a fake clock). */
  issueQueue?: IssueWriteQueue;
  /** The App's bot login, when known in advance; otherwise learned from `GET /app` once. */
  botLogin?: string | undefined;
  /**
   * The persistent queue, store and worker pool (docs/operations.md); without it the App screens
   * in-process, as the tests do.
   */
  jobs?: JobSettings;
  /** Receives the started queue services (tests stop them). */
  onJobs?: (jobs: JobServices) => void;
}

export function createApp(options: CreateAppOptions = {}): ApplicationFunction {
  return async (app: Probot, appOptions?: ApplicationFunctionOptions) => {
    const shared: { jobs?: JobServices } = {};
    const {
      onScreener,
      routes: table = routes,
      issueQueue = new IssueWriteQueue({
        // Several replicas share one write budget per installation through the store.
        reserveShared: (installationId) => shared.jobs?.budget.reserveWrite(installationId) ?? Promise.resolve(0),
      }),
      botLogin,
      jobs: jobSettings,
      onJobs,
      ...screenerOptions
    } = options;
    const tool = { name: pkg.name, version: pkg.version };
    const login = botLogin === undefined ? learnBotLogin(app) : () => Promise.resolve(botLogin);
    const jobs =
      jobSettings === undefined
        ? undefined
        : await startJobs(app, jobSettings, {
            tool,
            issueQueue,
            botLogin: login,
            ...(appOptions?.addHandler === undefined ? {} : { addHandler: appOptions.addHandler }),
          });
    if (jobs !== undefined) {
      shared.jobs = jobs;
      onJobs?.(jobs);
      mountDashboard(app, jobs, appOptions?.addHandler);
    }
    const queued = jobs;
    const screener = new Screener({
      tool,
      ...screenerOptions,
      ...(queued === undefined
        ? {}
        : {
            evaluate: (snapshot, screenTool) => queued.pool.screen(snapshot, screenTool),
            enqueue: (request, context) => enqueueScreen(queued, request, context),
          }),
    });
    onScreener?.(screener);
    registerRoutes(app, { screener, issueQueue, botLogin: login, ...(jobs === undefined ? {} : { jobs }) }, table);
  };
}

/**
 * The App's bot login ("<slug>[bot]"), asked of GitHub once per process with the App's JWT
 * (an installation token cannot call `GET /app`) and only when issues are first needed. A failed
 * lookup is logged and retried on the next need.
 */
export function learnBotLogin(app: Pick<Probot, "auth" | "log">): () => Promise<string | undefined> {
  let learned: Promise<string> | undefined;
  return async () => {
    learned ??= app.auth().then(async (octokit) => {
      const { data } = await octokit.request("GET /app");
      const slug = (data as { slug?: unknown } | null)?.slug;
      if (typeof slug !== "string" || slug === "") throw new Error("GET /app returned no slug");
      return `${slug}[bot]`;
    });
    try {
      return await learned;
    } catch (error) {
      learned = undefined;
      app.log.warn(
        { error: messageOf(error) },
        "Could not learn the App's bot login; only issues opened by a bot count as the App's",
      );
      return undefined;
    }
  };
}

export default createApp(process.env.DPG_QUEUE === "off" ? {} : { jobs: jobSettingsFromEnv() });
