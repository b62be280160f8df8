// Delivery records are kept per route: routes sharing an event must not share a key.
import { expect, test } from "@jest/globals";
import type { Probot } from "probot";
import type { AppServices } from "../../src/app/app-services.js";
import { registerRoutes, route, routes } from "../../src/app/routes.js";

const subscriptions: string[][] = [];
const app = { on: (events: string[]) => subscriptions.push(events) } as unknown as Probot;
const services = {} as AppServices;

test("routes that share an event get their own delivery keys, so each of them runs", () => {
  const sharing = routes.filter((entry) => entry.events.includes("check_run.requested_action"));
  expect(sharing.length).toBe(2);
  expect(new Set(sharing.map((entry) => entry.key)).size).toBe(2);
  subscriptions.length = 0;
  registerRoutes(app, services);
  expect(subscriptions).toHaveLength(routes.length);
});

test("two routes with the same events and handler are refused at start-up", () => {
  async function handleSame(): Promise<void> {}
  const twice = [route(["push"], handleSame), route(["push"], handleSame)];
  expect(() => registerRoutes(app, services, twice)).toThrow('Two webhook routes share the key "push:handleSame"');
});
