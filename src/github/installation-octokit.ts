// The App's Octokit class: Probot's, with one change to how requests are spaced. Probot's
// throttling plugin sends every GraphQL query through its "write" limiter (one request a second
// per installation and process), so a screen's reads queued behind every other screen's writes.
// Here GraphQL reads go out at once (the plugin's global concurrency cap still holds), and the
// REST writes this App makes besides issues (check runs) are spaced by WRITE_INTERVAL_MS per
// installation: in the process, and, once the store is open, across every replica through it.
// Issue and comment writes keep their own pace, shared the same way
// (src/github/issue-write-queue.ts with src/store/installation-budget.ts), on top.
import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";
import { messageOf } from "../snapshot/github-client.js";

/**
 * Spacing of REST writes per installation. GitHub's secondary limit allows 900 points a minute
 * on REST endpoints and a write costs 5 points ("Rate limits for the REST API", "Calculating
 * points for the secondary rate limit"): at most 180 writes a minute. 500 ms is 120 a minute,
 * 600 points, leaving room for the reads (1 point each).
 */
export const WRITE_INTERVAL_MS = 500;

type ThrottleRequest = { method?: string; url?: string };

/** What the throttling plugin asks of its `write` group: `key(id).schedule(options, task)`. */
interface ThrottleGroup {
  key(id: string): { schedule<T>(options: object, task: () => Promise<T>): Promise<T> };
}

/**
 * Stands in for the plugin's `write` group, which also receives every GraphQL query: it runs
 * the plugin's placeholder task at once. Real writes are spaced by `paceWrites` below.
 */
export const UNPACED_GROUP: ThrottleGroup = {
  key: () => ({ schedule: (_options, task) => task() }),
};

/**
 * GraphQL's endpoint: `/graphql` on github.com, `/api/graphql` on GitHub Enterprise Server
 * (whose REST paths start with `/api/v3/`), so the path's end is what tells.
 */
const GRAPHQL_PATH = /(?:^|\/)graphql$/;

/**
 * The replicas' shared write slot: `reserve` returns how long to wait for the installation's next
 * one. Set once the store is open (the Octokit class exists before it); until then, and when the
 * store fails, the process's own spacing is the only one.
 */
export interface SharedWritePace {
  reserve?: (installationId: string) => Promise<number>;
  /** Told when the store could not be asked; the write goes out on the process's own spacing. */
  onError?: (error: unknown) => void;
}

/** The pace every client of this process shares; `startJobs` connects it to the store. */
export const SHARED_WRITE_PACE: SharedWritePace = {};

/** Connects `pace` to the replicas' shared slot; returns what disconnects it again. */
export function shareWritePace(
  reserve: (installationId: string) => Promise<number>,
  log: { warn(fields: Record<string, unknown>, message: string): void },
  pace: SharedWritePace = SHARED_WRITE_PACE,
): () => void {
  pace.reserve = reserve;
  pace.onError = (error) =>
    log.warn(
      { error: messageOf(error) },
      "Could not reserve a check-run write slot in the store; the write goes out on this process's own pace",
    );
  return () => {
    if (pace.reserve !== reserve) return;
    delete pace.reserve;
    delete pace.onError;
  };
}

/** True for a REST request that changes something on GitHub (not GraphQL, not a token request). */
export function isRestWrite(method: string | undefined, url: string | undefined): boolean {
  if (method === undefined || method === "GET" || method === "HEAD") return false;
  const path = new URL(url ?? "/", "http://github.test").pathname;
  return !GRAPHQL_PATH.test(path) && !/\/access_tokens$/.test(path);
}

/** One limiter per installation id, shared by every client of this process. */
export function createWritePacer(intervalMs: number = WRITE_INTERVAL_MS): Bottleneck.Group {
  return new Bottleneck.Group({ maxConcurrent: 1, minTime: intervalMs });
}

/**
 * An Octokit plugin: waits for the installation's write slot before a REST write. Registered
 * after the throttling plugin, so a waiting write holds none of the plugin's concurrency slots.
 */
export function paceWrites(
  octokit: { hook: { before(name: "request", hook: (options: ThrottleRequest) => Promise<void>): void } },
  options: { throttle?: { id?: string } },
  pacer: Pick<Bottleneck.Group, "key">,
  shared: SharedWritePace = {},
): void {
  const id = options.throttle?.id;
  // The App's own client (JWT) and a client without throttling make no screen writes.
  if (id === undefined) return;
  octokit.hook.before("request", async (request) => {
    if (!isRestWrite(request.method, request.url)) return;
    // Once per request: the retry and throttling plugins retry inside this hook, so a retry does
    // not wait here again. Their `retryCount` is no guide: it is set on request options the
    // client's requests share, so one retried request would mark every later one.
    await pacer.key(id).schedule(() => Promise.resolve());
    const wait = await (shared.reserve?.(id) ?? Promise.resolve(0)).catch((error: unknown) => {
      shared.onError?.(error);
      return 0;
    });
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  });
}

/**
 * Probot's Octokit with GraphQL reads unpaced and REST writes spaced per installation by `pacer`,
 * then by the replicas' `shared` slot.
 */
export function createInstallationOctokit(
  pacer: Pick<Bottleneck.Group, "key"> = createWritePacer(),
  shared: SharedWritePace = {},
): typeof ProbotOctokit {
  return ProbotOctokit.plugin((octokit, options) =>
    paceWrites(octokit as never, options as { throttle?: { id?: string } }, pacer, shared),
  ).defaults((instanceOptions: Record<string, unknown>) => {
    const throttle = (instanceOptions["throttle"] ?? {}) as Record<string, unknown>;
    return { ...instanceOptions, throttle: { ...throttle, write: UNPACED_GROUP } };
  }) as typeof ProbotOctokit;
}

/** The class the App's server gives Probot: one write pacer for the whole process. */
export const InstallationOctokit = createInstallationOctokit(createWritePacer(), SHARED_WRITE_PACE);
