// Probot entry point (`probot run ./lib/app/index.js`): creates the shared Screener and routes
// events to handlers. No logic lives here.
import { createRequire } from "node:module";
import type { ApplicationFunction } from "probot";
import { registerRoutes, routes, type Route } from "./routes.js";
import { Screener, type ScreenerOptions } from "./screener.js";

const require = createRequire(import.meta.url);
const pkg = require("../../package.json") as { name: string; version: string };

export interface CreateAppOptions extends Partial<ScreenerOptions> {
  /** Receives the Screener (tests await `screener.idle()`). */
  onScreener?: (screener: Screener) => void;
  routes?: readonly Route[];
}

export function createApp(options: CreateAppOptions = {}): ApplicationFunction {
  return (app) => {
    const { onScreener, routes: table = routes, ...screenerOptions } = options;
    const screener = new Screener({ tool: { name: pkg.name, version: pkg.version }, ...screenerOptions });
    onScreener?.(screener);
    registerRoutes(app, { screener }, table);
  };
}

export default createApp();
