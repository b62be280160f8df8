// How a failed GitHub request should be treated: waited out (rate limits, with the time GitHub
// names), retried with backoff (5xx, network), or reported (everything else).
import { statusOf } from "../snapshot/github-client.js";

export type GitHubFailure = { kind: "rate-limited"; until: Date } | { kind: "transient" } | { kind: "permanent" };

/** GitHub's advice for a secondary limit without `retry-after`: wait at least a minute. */
export const SECONDARY_LIMIT_WAIT_MS = 60_000;

const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "UND_ERR_SOCKET"]);

/**
 * Requests an installation keeps in hand before its primary limit: the screens already running
 * finish with them (a screen makes about four requests) and webhook look-ups still get through.
 */
export const PRIMARY_LIMIT_RESERVE = 100;

/**
 * The reset to wait for when a response says the installation is down to its reserve of the
 * primary limit (`x-ratelimit-remaining`, shared by every replica using the installation's
 * token), so that together they stop before GitHub refuses; undefined otherwise.
 */
export function primaryLimitPause(headers: Record<string, unknown>, now: number): Date | undefined {
  const remaining = headerCount(headers["x-ratelimit-remaining"]);
  const reset = headerCount(headers["x-ratelimit-reset"]);
  if (remaining === undefined || reset === undefined || remaining > PRIMARY_LIMIT_RESERVE) return undefined;
  return reset * 1000 > now ? new Date(reset * 1000) : undefined;
}

function headerCount(value: unknown): number | undefined {
  const text = String(value ?? "");
  return /^\d{1,12}$/.test(text) ? Number(text) : undefined;
}

/** Wrappers are followed this far down their `cause` chain to the request's own error. */
const MAX_CAUSE_DEPTH = 4;

export function classifyGitHubError(failure: unknown, now: number = Date.now()): GitHubFailure {
  const error = requestError(failure);
  const status = statusOf(error);
  const headers = headersOf(error);
  if (status === 403 || status === 429) {
    const retryAfter = Number(headers["retry-after"]);
    if (Number.isFinite(retryAfter) && retryAfter >= 0)
      return { kind: "rate-limited", until: new Date(now + retryAfter * 1000) };
    if (String(headers["x-ratelimit-remaining"]) === "0") {
      const reset = Number(headers["x-ratelimit-reset"]);
      if (Number.isFinite(reset)) return { kind: "rate-limited", until: new Date(Math.max(now, reset * 1000)) };
    }
    if (status === 429 || /secondary rate limit|abuse/i.test(messageText(error)))
      return { kind: "rate-limited", until: new Date(now + SECONDARY_LIMIT_WAIT_MS) };
    return { kind: "permanent" };
  }
  if (status !== undefined && status >= 500) return { kind: "transient" };
  if (status === undefined) {
    const code = codeOf(error);
    if (
      (code !== undefined && NETWORK_CODES.has(code)) ||
      /fetch failed|network|socket hang up/i.test(messageText(error))
    )
      return { kind: "transient" };
  }
  return { kind: "permanent" };
}

/**
 * The error that carries the response: `failure` itself, or the first `cause` down its chain with
 * a status ("Could not read .github/dpg.yml from …" wraps the 403 of a secondary limit).
 */
function requestError(failure: unknown): unknown {
  let current = failure;
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH; depth += 1) {
    if (statusOf(current) !== undefined) return current;
    if (typeof current !== "object" || current === null || !("cause" in current)) break;
    current = current.cause;
  }
  return failure;
}

function headersOf(error: unknown): Record<string, unknown> {
  if (typeof error !== "object" || error === null) return {};
  const response = (error as { response?: { headers?: unknown } }).response;
  const headers = response?.headers ?? (error as { headers?: unknown }).headers;
  return typeof headers === "object" && headers !== null ? (headers as Record<string, unknown>) : {};
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const direct = (error as { code?: unknown }).code;
  if (typeof direct === "string") return direct;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

function messageText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
