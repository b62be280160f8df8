// The App's server (`npm start`, the Docker image): Probot for authentication, events and
// handlers; our own intake for the webhooks (capped, verified before parsing, never logging an
// unverified body); then the App's own handlers (/healthz, /metrics); `/ping` for liveness. Refuses to start without a webhook secret.
import { createServer } from "node:http";
import type { EmitterWebhookEvent } from "@octokit/webhooks";
import { pino } from "pino";
import { createProbot } from "probot";
import type { ApplicationFunctionOptions } from "probot";
import { InstallationOctokit } from "../github/installation-octokit.js";
import app from "./index.js";
import { createWebhookIntake, DEFAULT_WEBHOOK_PATH } from "./webhook-intake.js";
import { resolveWebhookSecret, WebhookSecretError } from "./webhook-secret.js";

async function main(): Promise<void> {
  // Checked before anything else starts, so the refusal is the first and only thing said.
  const startup = pino({ name: "dpg-screener" });
  let secret: string;
  try {
    secret = resolveWebhookSecret(process.env, { warn: (message) => startup.warn(message) });
  } catch (error) {
    if (!(error instanceof WebhookSecretError)) throw error;
    startup.fatal(error.message);
    process.exitCode = 1;
    return;
  }
  // GraphQL reads are not spaced like writes (src/github/installation-octokit.ts).
  const probot = createProbot({ overrides: { secret, Octokit: InstallationOctokit } });
  // Handlers the App adds (the queue's /healthz and /metrics) are served after the intake.
  type Handler = Parameters<ApplicationFunctionOptions["addHandler"]>[0];
  const handlers: Handler[] = [];
  await probot.load(app, { cwd: process.cwd(), addHandler: (handler) => handlers.push(handler) });
  const intake = createWebhookIntake({
    secret,
    path: process.env["WEBHOOK_PATH"] ?? DEFAULT_WEBHOOK_PATH,
    log: probot.log,
    // Verified and parsed by the intake; Probot routes it by name, as its own middleware would.
    receive: (delivery) => probot.receive(delivery as EmitterWebhookEvent),
  });
  const server = createServer((request, response) => {
    void (async () => {
      if (await intake(request, response)) return;
      for (const handler of handlers) if (await handler(request, response)) return;
      if (request.method === "GET" && request.url === "/ping") {
        response.writeHead(200, { "content-type": "text/plain" }).end("PONG");
        return;
      }
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    })();
  });
  const port = Number(process.env["PORT"] ?? 3000);
  const host = process.env["HOST"] ?? "localhost";
  server.listen(port, host, () => probot.log.info(`DPG Screener listening on http://${host}:${port}`));
}

await main();
