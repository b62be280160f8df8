// The queued App serves the dashboard over its own store: a screen saved by a job shows on the
// organisation page and as a badge; without an HTTP server nothing is mounted and nothing breaks.
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mountDashboard } from "../../src/app/mount-dashboard.js";
import type { Database } from "../../src/store/database.js";
import { ReportStore } from "../../src/store/report-store.js";
import { engines } from "../helpers/test-database.js";
import { buildReport } from "../helpers/build-report.js";

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
const log = { debug: () => {}, warn: () => {} } as never;
const pglite = engines[0]!;

describe("mountDashboard", () => {
  let database: Database;
  beforeEach(async () => {
    database = await pglite.open();
  });
  afterEach(() => database.close());

  it("serves the store's screens under /dpg", async () => {
    const report = buildReport({ "2": "fail" });
    report.repository = { name: "Acme/app", url: "https://github.com/Acme/app", ref: "c1" };
    await new ReportStore(database).saveScreen({
      installationId: 3,
      repository: "Acme/app",
      commit: "c1",
      configFingerprint: "f",
      defaultBranch: true,
      conclusion: "failure",
      private: false,
      report,
    });
    let handler: Handler | undefined;
    mountDashboard({ log }, { database }, (added) => (handler = added as Handler), {});
    const server = createServer((request, response) => {
      void handler?.(request, response).then((handled) => handled || response.writeHead(404).end());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await (await fetch(`${base}/dpg/orgs/acme`)).text()).toContain('<a href="/dpg/repos/Acme/app">app</a>');
      expect(await (await fetch(`${base}/dpg/badge/Acme/app.svg`)).text()).toContain("DPG Standard: 10 of 11 met");
      expect((await fetch(`${base}/healthz`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("mounts nothing without an HTTP server, and refuses half-configured sign-in at start-up", () => {
    expect(() => mountDashboard({ log }, { database }, undefined, {})).not.toThrow();
    expect(() =>
      mountDashboard(
        { log },
        { database },
        () => {
          throw new Error("no server");
        },
        {},
      ),
    ).not.toThrow();
    expect(() => mountDashboard({ log }, { database }, () => {}, { GITHUB_CLIENT_ID: "Iv1.x" })).toThrow(
      "Dashboard sign-in needs both GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET",
    );
  });
});
