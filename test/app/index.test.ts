// A real HTTP delivery through Probot's Node middleware: signed → accepted, forged → rejected.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware } from "probot";
import { createApp } from "../../src/app/index.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { createTestProbot, TEST_SECRET } from "../helpers/create-test-app.js";
import { example } from "../helpers/webhook-examples.js";

let github: GitHubMock;
let server: Server;
let url: string;
const logs: Record<string, unknown>[] = [];

beforeEach(async () => {
  github = createGitHubMock();
  const middleware = await createNodeMiddleware(createApp(), {
    probot: createTestProbot(logs),
    webhooksPath: "/api/github/webhooks",
  });
  server = createServer((request, response) => void middleware(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  github.verify();
});

function deliver(body: string, signature: string): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "push",
      "x-github-delivery": "signed-1",
      "x-hub-signature-256": signature,
    },
    body,
  });
}

// A push to a branch other than the default: accepted and routed, with no GitHub call.
const body = JSON.stringify({
  ...example("push", (payload) => payload.ref === "refs/heads/master"),
  ref: "refs/heads/feature",
});

test("a delivery signed with the webhook secret is accepted", async () => {
  const signature = `sha256=${createHmac("sha256", TEST_SECRET).update(body).digest("hex")}`;
  const response = await deliver(body, signature);
  expect(response.status).toBe(200);
});

test("a forged delivery is rejected", async () => {
  const signature = `sha256=${createHmac("sha256", "not-the-secret").update(body).digest("hex")}`;
  const response = await deliver(body, signature);
  expect(response.status).toBe(400);
});
