// Probot entry point (`probot run ./lib/app/index.js`): creates the shared Screener and routes
// events to handlers. No logic lives here.
import { createRequire } from "node:module";
import type { ApplicationFunction } from "probot";
import { registerRoutes, routes, type Route } from "./routes.js";
import { Screener, type ScreenerOptions } from "./screener.js";
import { IssueWriteQueue } from "../github/issue-write-queue.js";

const require = createRequire(import.meta.url);
const pkg = require("../../package.json") as { name: string; version: string };

export interface CreateAppOptions extends Partial<ScreenerOptions> {
  /** Receives the Screener (tests await `screener.idle()`). */
  onScreener?: (screener: Screener) => void;
  routes?: readonly Route[];
  /** #6: the issue write queue (tests inject one with a fake clock). */
  issueQueue?: IssueWriteQueue;
}

export function createApp(options: CreateAppOptions = {}): ApplicationFunction {
  return (app) => {
    const { onScreener, routes: table = routes, issueQueue = new IssueWriteQueue(), ...screenerOptions } = options;
    const screener = new Screener({ tool: { name: pkg.name, version: pkg.version }, ...screenerOptions });
    onScreener?.(screener);
    registerRoutes(app, { screener, issueQueue }, table);
  };
}

export default createApp();
