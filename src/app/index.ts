// Probot entry point (`probot run ./lib/app/index.js`): creates the shared Screener and routes
// events to handlers. No logic lives here.
import { createRequire } from "node:module";
import type { ApplicationFunction, Probot } from "probot";
import { registerRoutes, routes, type Route } from "./routes.js";
import { Screener, type ScreenerOptions } from "./screener.js";
import { IssueWriteQueue } from "../github/issue-write-queue.js";
import { messageOf } from "../snapshot/github-client.js";

const require = createRequire(import.meta.url);
const pkg = require("../../package.json") as { name: string; version: string };

export interface CreateAppOptions extends Partial<ScreenerOptions> {
  /** Receives the Screener (tests await `screener.idle()`). */
  onScreener?: (screener: Screener) => void;
  routes?: readonly Route[];
  /** #6: the issue write queue (tests inject one with a fake clock). */
  issueQueue?: IssueWriteQueue;
  /** #6: the App's bot login, when known in advance; otherwise learned from `GET /app` once. */
  botLogin?: string | undefined;
}

export function createApp(options: CreateAppOptions = {}): ApplicationFunction {
  return (app) => {
    const {
      onScreener,
      routes: table = routes,
      issueQueue = new IssueWriteQueue(),
      botLogin,
      ...screenerOptions
    } = options;
    const screener = new Screener({ tool: { name: pkg.name, version: pkg.version }, ...screenerOptions });
    onScreener?.(screener);
    registerRoutes(
      app,
      { screener, issueQueue, botLogin: botLogin === undefined ? learnBotLogin(app) : () => Promise.resolve(botLogin) },
      table,
    );
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

export default createApp();
