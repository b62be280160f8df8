// Webhook intake: the one door GitHub's deliveries come through. The body is read with a byte
// cap enforced while it arrives, its signature is checked on the raw bytes before anything is
// parsed, and only a verified payload is parsed and handed on. A refused delivery is logged by
// delivery id, event and reason; its body never reaches a log.
import type { IncomingMessage, ServerResponse } from "node:http";
import { verify } from "@octokit/webhooks-methods";
import type { AppLog } from "./app-log.js";

/** GitHub: "Payloads are capped at 25 MB" (docs.github.com, "Webhook events and payloads"). */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

/** @octokit/webhooks' default, which the GitHub App's webhook URL points at. */
export const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";

export interface WebhookDelivery {
  id: string;
  name: string;
  payload: unknown;
}

export interface WebhookIntakeOptions {
  secret: string;
  /** Handles a verified, parsed delivery; its failure answers 500. */
  receive(delivery: WebhookDelivery): Promise<void>;
  log: AppLog;
  path?: string;
  maxBytes?: number;
}

/** Every answer the intake gives besides success, one message each. */
export const INTAKE_MESSAGES = {
  method: "Webhook deliveries are POST requests",
  headers: "A webhook delivery needs the x-github-event, x-github-delivery and x-hub-signature-256 headers",
  tooLarge: "The delivery is larger than GitHub's 25 MB payload cap",
  signature: "The signature does not match the webhook secret",
  json: "The delivery is not JSON",
  failed: "The delivery could not be handled",
  aborted: "The delivery was cut off while it was read",
} as const;

/**
 * A Node request handler: answers requests to the webhook path and returns true; returns false
 * for any other path so the next handler may answer.
 */
export function createWebhookIntake(
  options: WebhookIntakeOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  const path = options.path ?? DEFAULT_WEBHOOK_PATH;
  const maxBytes = options.maxBytes ?? MAX_WEBHOOK_BYTES;
  return async (request, response) => {
    if ((request.url ?? "").split("?")[0] !== path) return false;
    const name = header(request, "x-github-event");
    const id = header(request, "x-github-delivery");
    const signature = header(request, "x-hub-signature-256");
    const refuse = (status: number, message: string, fields: Record<string, unknown> = {}) => {
      options.log.warn({ deliveryId: id, event: name, status, ...fields }, `Webhook delivery refused: ${message}`);
      // Past a refusal the rest of the body is not wanted: close instead of reading it.
      response.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
      response.end(message, () => request.destroy());
      return true;
    };
    if (request.method !== "POST") return refuse(405, INTAKE_MESSAGES.method);
    if (name === undefined || id === undefined || signature === undefined) return refuse(400, INTAKE_MESSAGES.headers);
    const declared = Number(request.headers["content-length"] ?? Number.NaN);
    if (Number.isFinite(declared) && declared > maxBytes)
      return refuse(413, INTAKE_MESSAGES.tooLarge, { declaredBytes: declared });

    const body = await readCapped(request, maxBytes);
    if (body.kind === "too-large") return refuse(413, INTAKE_MESSAGES.tooLarge, { bytesRead: body.bytesRead });
    if (body.kind === "aborted") return refuse(400, INTAKE_MESSAGES.aborted);
    const text = body.buffer.toString("utf8");
    if (!(await verify(options.secret, text, signature).catch(() => false)))
      return refuse(400, INTAKE_MESSAGES.signature, { bytes: body.buffer.length });

    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return refuse(400, INTAKE_MESSAGES.json);
    }
    try {
      await options.receive({ id, name, payload });
    } catch (error) {
      options.log.error(
        { deliveryId: id, event: name, error: error instanceof Error ? error.message : String(error) },
        "A webhook handler failed",
      );
      response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(INTAKE_MESSAGES.failed);
      return true;
    }
    response.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end("ok\n");
    return true;
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === "" ? undefined : first;
}

type CappedBody = { kind: "body"; buffer: Buffer } | { kind: "too-large"; bytesRead: number } | { kind: "aborted" };

/** Reads the body until it ends or passes `maxBytes`; past the cap, reading stops at once. */
function readCapped(request: IncomingMessage, maxBytes: number): Promise<CappedBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytesRead = 0;
    let settled = false;
    const settle = (body: CappedBody) => {
      if (settled) return;
      settled = true;
      request.removeListener("data", onData);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      bytesRead += chunk.length;
      if (bytesRead > maxBytes) {
        chunks.length = 0;
        request.pause();
        settle({ kind: "too-large", bytesRead });
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.on("end", () => settle({ kind: "body", buffer: Buffer.concat(chunks) }));
    request.on("error", () => settle({ kind: "aborted" }));
    request.on("aborted", () => settle({ kind: "aborted" }));
    // Closed before its end: the client went away mid-body.
    request.on("close", () => settle({ kind: "aborted" }));
  });
}
