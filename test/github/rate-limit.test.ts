import { describe, expect, test } from "@jest/globals";
import {
  classifyGitHubError,
  PRIMARY_LIMIT_RESERVE,
  primaryLimitPause,
  SECONDARY_LIMIT_WAIT_MS,
} from "../../src/github/rate-limit.js";

const NOW = Date.parse("2026-12-02T12:00:00Z");

/** An error shaped as Octokit's RequestError: status, message and the response's headers. */
function requestError(status: number, message: string, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(message), { status, response: { headers } });
}

describe("how a failed GitHub request is treated", () => {
  test("a limit with retry-after is waited out for that long", () => {
    expect(classifyGitHubError(requestError(403, "secondary rate limit", { "retry-after": "30" }), NOW)).toEqual({
      kind: "rate-limited",
      until: new Date(NOW + 30_000),
    });
  });

  test("a spent primary limit is waited out until its reset", () => {
    const reset = String(NOW / 1000 + 600);
    const error = requestError(403, "API rate limit exceeded", {
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": reset,
    });
    expect(classifyGitHubError(error, NOW)).toEqual({ kind: "rate-limited", until: new Date(NOW + 600_000) });
  });

  test("a secondary limit without retry-after, or a 429, waits GitHub's minute", () => {
    const minute = { kind: "rate-limited", until: new Date(NOW + SECONDARY_LIMIT_WAIT_MS) };
    expect(classifyGitHubError(requestError(403, "You have exceeded a secondary rate limit."), NOW)).toEqual(minute);
    expect(classifyGitHubError(requestError(429, "Too Many Requests"), NOW)).toEqual(minute);
  });

  test("any other 403 and a 404 are reported, not retried", () => {
    expect(classifyGitHubError(requestError(403, "Resource not accessible by integration"), NOW)).toEqual({
      kind: "permanent",
    });
    expect(classifyGitHubError(requestError(404, "Not Found"), NOW)).toEqual({ kind: "permanent" });
  });

  test("5xx and network errors are retried", () => {
    expect(classifyGitHubError(requestError(502, "Bad Gateway"), NOW)).toEqual({ kind: "transient" });
    expect(classifyGitHubError(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }), NOW)).toEqual({
      kind: "transient",
    });
    expect(classifyGitHubError(new TypeError("fetch failed"), NOW)).toEqual({ kind: "transient" });
    expect(classifyGitHubError(new Error("a bug"), NOW)).toEqual({ kind: "permanent" });
  });

  test("an error that wraps the request's own error is treated as that one", () => {
    const limit = requestError(403, "You have exceeded a secondary rate limit.", { "retry-after": "5" });
    const wrapped = new Error(`Could not read .github/dpg.yml from acme/.github: ${limit.message}`, { cause: limit });
    expect(classifyGitHubError(wrapped, NOW)).toEqual({ kind: "rate-limited", until: new Date(NOW + 5000) });
    const twice = new Error("outer", { cause: new Error("inner", { cause: requestError(503, "Unavailable") }) });
    expect(classifyGitHubError(twice, NOW)).toEqual({ kind: "transient" });
  });
});

describe("stopping before the primary limit", () => {
  const reset = String(NOW / 1000 + 900);
  test("an installation down to its reserve waits for the reset", () => {
    const headers = { "x-ratelimit-remaining": String(PRIMARY_LIMIT_RESERVE), "x-ratelimit-reset": reset };
    expect(primaryLimitPause(headers, NOW)).toEqual(new Date(NOW + 900_000));
  });

  test("one with more left, a reset already past, or no rate-limit headers goes on", () => {
    expect(
      primaryLimitPause(
        { "x-ratelimit-remaining": String(PRIMARY_LIMIT_RESERVE + 1), "x-ratelimit-reset": reset },
        NOW,
      ),
    ).toBeUndefined();
    expect(
      primaryLimitPause({ "x-ratelimit-remaining": "3", "x-ratelimit-reset": String(NOW / 1000 - 1) }, NOW),
    ).toBeUndefined();
    expect(primaryLimitPause({}, NOW)).toBeUndefined();
    expect(primaryLimitPause({ "x-ratelimit-remaining": "", "x-ratelimit-reset": reset }, NOW)).toBeUndefined();
  });
});
