// A GitHub client for a token (the CLI's GITHUB_TOKEN), with GitHub's rate limits handled by
// @octokit/plugin-throttling: a primary limit waits until x-ratelimit-reset, a secondary limit
// for its retry-after, each retried at most MAX_RATE_LIMIT_RETRIES times. Reads only: GraphQL
// queries may run as many at once as the caller screens (the plugin's default, one a second,
// is meant for writes, which this client never makes).
import Bottleneck from "bottleneck";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { countRequests, type CountingClient } from "../snapshot/github-client.js";

/** Retries per request after a rate-limit answer; then the request fails and its repository is reported. */
export const MAX_RATE_LIMIT_RETRIES = 2;
/**
 * Longest wait worth sitting through: a primary limit resets within the hour
 * (docs.github.com, "Rate limits for the REST API"); a longer wait means a wrong clock or header.
 */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 3_700;

export interface TokenClientOptions {
  token: string;
  /** GitHub Enterprise Server API, e.g. https://ghe.example.com/api/v3. */
  baseUrl?: string;
  /** Requests (GraphQL included) in flight at once. */
  concurrency: number;
  /** Told before each wait, e.g. to print it on a terminal. */
  onWait?: (message: string) => void;
}

const ThrottledOctokit = Octokit.plugin(throttling);
/** Failed requests become one-line messages; Octokit's own request log would repeat them. */
const QUIET_LOG = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function createTokenClient(options: TokenClientOptions): CountingClient {
  const decide =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      if (retryCount >= MAX_RATE_LIMIT_RETRIES || retryAfter > MAX_RATE_LIMIT_WAIT_SECONDS) return false;
      options.onWait?.(`GitHub ${kind} rate limit on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
      return true;
    };
  const octokit = new ThrottledOctokit({
    auth: options.token,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    userAgent: "dpg-screener",
    log: QUIET_LOG,
    throttle: {
      onRateLimit: decide("primary"),
      onSecondaryRateLimit: decide("secondary"),
      write: new Bottleneck.Group({ maxConcurrent: Math.max(1, options.concurrency), minTime: 0 }),
    },
  });
  return countRequests(octokit);
}
