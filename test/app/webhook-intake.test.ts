// Webhook intake over real HTTP: real payloads from @octokit/webhooks-examples, signed in the
// test; a test per refusal; nothing unverified is parsed, handed on or logged.
import { createHmac } from "node:crypto";
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { PassThrough } from "node:stream";
import type { AddressInfo } from "node:net";
import { createApp } from "../../src/app/index.js";
import { createWebhookIntake, INTAKE_MESSAGES, type WebhookDelivery } from "../../src/app/webhook-intake.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { createTestProbot, TEST_SECRET } from "../helpers/create-test-app.js";
import { example } from "../helpers/webhook-examples.js";

const PATH = "/api/github/webhooks";
/** Small, so the over-cap cases cost nothing; the default is GitHub's 25 MB. */
const MAX_BYTES = 64 * 1024;

let github: GitHubMock;
let server: Server;
let port: number;
let received: WebhookDelivery[];
let logs: Record<string, unknown>[];
let failReceive: boolean;

beforeEach(async () => {
  github = createGitHubMock();
  received = [];
  logs = [];
  failReceive = false;
  const log = {
    info: (fields: Record<string, unknown>, msg: string) => logs.push({ level: "info", ...fields, msg }),
    warn: (fields: Record<string, unknown>, msg: string) => logs.push({ level: "warn", ...fields, msg }),
    error: (fields: Record<string, unknown>, msg: string) => logs.push({ level: "error", ...fields, msg }),
  };
  const intake = createWebhookIntake({
    secret: TEST_SECRET,
    log,
    maxBytes: MAX_BYTES,
    receive: async (delivery) => {
      if (failReceive) throw new Error("handler broke");
      received.push(delivery);
    },
  });
  server = createServer((request, response) => {
    void intake(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end("next handler");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  github.verify();
});

const sign = (body: string, secret = TEST_SECRET) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

// A push to a branch other than the default: a real payload, and no GitHub call when routed.
const BODY = JSON.stringify({
  ...example("push", (payload) => payload.ref === "refs/heads/master"),
  ref: "refs/heads/feature",
});

interface Sent {
  status: number;
  text: string;
}

/** Sends a request; `chunks` are written one by one without a content-length when given. */
function send(options: {
  body?: string;
  chunks?: string[];
  headers?: Record<string, string>;
  method?: string;
  path?: string;
}): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const body = options.body ?? BODY;
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-github-event": "push",
      "x-github-delivery": "delivery-1",
      "x-hub-signature-256": sign(body),
      ...(options.chunks === undefined ? { "content-length": String(Buffer.byteLength(body)) } : {}),
      ...options.headers,
    };
    for (const [key, value] of Object.entries(headers)) if (value === "") delete headers[key];
    const request = httpRequest(
      { host: "127.0.0.1", port, method: options.method ?? "POST", path: options.path ?? PATH, headers },
      (response) => {
        const parts: Buffer[] = [];
        response.on("data", (part: Buffer) => parts.push(part));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(parts).toString() }));
      },
    );
    // The server may close the connection once it has refused; the answer already arrived.
    request.on("error", (error) =>
      error.message.includes("EPIPE") || error.message.includes("ECONNRESET") ? undefined : reject(error),
    );
    if (options.chunks === undefined) request.end(body);
    else {
      for (const chunk of options.chunks) request.write(chunk);
      request.end();
    }
  });
}

test("a signed delivery is verified, parsed and handed on with its event name and delivery id", async () => {
  const answer = await send({});
  expect(answer).toEqual({ status: 200, text: "ok\n" });
  expect(received).toEqual([{ id: "delivery-1", name: "push", payload: JSON.parse(BODY) }]);
});

test("a forged delivery is refused before it is parsed, and its body is never logged", async () => {
  const forged = JSON.stringify({ ...JSON.parse(BODY), marker: "FORGED-BODY-MARKER" });
  const answer = await send({ body: forged, headers: { "x-hub-signature-256": sign(forged, "not-the-secret") } });
  expect(answer).toEqual({ status: 400, text: INTAKE_MESSAGES.signature });
  expect(received).toEqual([]);
  expect(logs).toEqual([
    expect.objectContaining({ level: "warn", deliveryId: "delivery-1", event: "push", status: 400 }),
  ]);
  expect(JSON.stringify(logs)).not.toContain("FORGED-BODY-MARKER");
});

test("a delivery without the signature header is refused", async () => {
  const answer = await send({ headers: { "x-hub-signature-256": "" } });
  expect(answer).toEqual({ status: 400, text: INTAKE_MESSAGES.headers });
  expect(received).toEqual([]);
});

test("a delivery whose declared length is over the cap is refused before a byte of it is read", async () => {
  const big = JSON.stringify({ padding: "x".repeat(MAX_BYTES) });
  const answer = await send({ body: big });
  expect(answer).toEqual({ status: 413, text: INTAKE_MESSAGES.tooLarge });
  expect(logs).toEqual([expect.objectContaining({ declaredBytes: Buffer.byteLength(big) })]);
  expect(received).toEqual([]);
});

test("a delivery streamed without a length is cut as soon as it passes the cap", async () => {
  const chunk = "x".repeat(16 * 1024);
  const chunks = Array.from({ length: 40 }, () => chunk); // 640 KiB offered
  const answer = await send({ chunks });
  expect(answer).toEqual({ status: 413, text: INTAKE_MESSAGES.tooLarge });
  const [line] = logs;
  expect(line?.["bytesRead"]).toBeGreaterThan(MAX_BYTES);
  // Reading stopped at the first chunk past the cap, not at the end of what was offered.
  expect(line?.["bytesRead"]).toBeLessThan(MAX_BYTES + 2 * 64 * 1024);
  expect(received).toEqual([]);
});

// Driven with an in-memory request stream rather than a socket, so the cut-off happens after the
// intake holds part of the body every time (over a socket the order of the two events is racy).
test("a delivery cut off while it is read is refused and handed on to nobody", async () => {
  const deliveries: WebhookDelivery[] = [];
  const refusals: Record<string, unknown>[] = [];
  const intake = createWebhookIntake({
    secret: TEST_SECRET,
    maxBytes: MAX_BYTES,
    log: {
      info: () => undefined,
      warn: (fields: Record<string, unknown>, msg: string) => refusals.push({ ...fields, msg }),
      error: () => undefined,
    },
    receive: async (delivery) => {
      deliveries.push(delivery);
    },
  });
  const request = Object.assign(new PassThrough(), {
    url: PATH,
    method: "POST",
    headers: {
      "x-github-event": "push",
      "x-github-delivery": "delivery-1",
      "x-hub-signature-256": sign(BODY),
      "content-length": String(Buffer.byteLength(BODY)),
    },
  });
  const answer: { status?: number; text?: string } = {};
  const response = {
    writeHead(status: number) {
      answer.status = status;
      return response;
    },
    end(text: string, done?: () => void) {
      answer.text = text;
      done?.();
      return response;
    },
  };
  const handled = intake(request as unknown as IncomingMessage, response as unknown as ServerResponse);
  request.write(BODY.slice(0, 100));
  // The first chunk is in the intake's hands before the client goes away.
  await new Promise((resolve) => setImmediate(resolve));
  request.destroy();
  expect(await handled).toBe(true);
  expect(answer).toEqual({ status: 400, text: INTAKE_MESSAGES.aborted });
  expect(refusals).toEqual([
    expect.objectContaining({ deliveryId: "delivery-1", msg: `Webhook delivery refused: ${INTAKE_MESSAGES.aborted}` }),
  ]);
  // Only the delivery id, event and reason are logged: no part of the body.
  expect(JSON.stringify(refusals)).not.toContain(BODY.slice(0, 20));
  expect(deliveries).toEqual([]);
});

test("a signed body that is not JSON is refused", async () => {
  const answer = await send({ body: "not json {" });
  expect(answer).toEqual({ status: 400, text: INTAKE_MESSAGES.json });
  expect(received).toEqual([]);
});

test("a GET on the webhook path is refused; other paths go to the next handler", async () => {
  expect(await send({ method: "GET", body: "" })).toEqual({ status: 405, text: INTAKE_MESSAGES.method });
  expect(await send({ path: "/ping" })).toEqual({ status: 404, text: "next handler" });
});

test("a handler that fails answers 500 with a plain message, logging the error and not the payload", async () => {
  failReceive = true;
  const answer = await send({});
  expect(answer).toEqual({ status: 500, text: INTAKE_MESSAGES.failed });
  expect(logs).toEqual([expect.objectContaining({ level: "error", error: "handler broke" })]);
  expect(JSON.stringify(logs)).not.toContain("refs/heads/feature");
});

test("with the App behind it, a verified delivery reaches its handler through Probot", async () => {
  const probotLogs: Record<string, unknown>[] = [];
  const probot = createTestProbot(probotLogs);
  await probot.load(createApp({ botLogin: "dpg-screener[bot]" }));
  const body = JSON.stringify(example("issue_comment", (payload) => payload.action === "created"));
  const seen: string[] = [];
  probot.on("issue_comment.created", (context) => {
    seen.push(context.id);
  });
  const intake = createWebhookIntake({
    secret: TEST_SECRET,
    log: { info: () => {}, warn: () => {}, error: () => {} },
    receive: (delivery) => probot.receive(delivery as Parameters<typeof probot.receive>[0]),
  });
  const appServer = createServer((request, response) => void intake(request, response));
  await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}${PATH}`;
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "issue_comment",
      "x-github-delivery": "comment-1",
      "x-hub-signature-256": sign(body),
    },
    body,
  });
  await new Promise((resolve) => appServer.close(resolve));
  expect(response.status).toBe(200);
  expect(seen).toEqual(["comment-1"]);
});
