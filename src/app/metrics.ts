// The Prometheus metrics of the queued App (prom-client), served on /metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface Metrics {
  registry: Registry;
  screens: Counter<"result">;
  screenSeconds: Histogram;
  githubRequests: Counter;
  rateLimitRemaining: Gauge<"installation">;
  queueDepth: Gauge;
}

export function createMetrics(depth: () => Promise<number>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    screens: new Counter({
      name: "dpg_screens_total",
      help: "Screen jobs finished, by result (screened, reused, skipped, superseded, deferred, already-screened, failed, retry)",
      labelNames: ["result"],
      registers: [registry],
    }),
    screenSeconds: new Histogram({
      name: "dpg_screen_duration_seconds",
      help: "Wall-clock time of a completed screen job, GitHub reads and writes included",
      buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300],
      registers: [registry],
    }),
    githubRequests: new Counter({
      name: "dpg_github_requests_total",
      help: "GitHub requests made by queued work (screens and sweeps)",
      registers: [registry],
    }),
    rateLimitRemaining: new Gauge({
      name: "dpg_github_rate_limit_remaining",
      help: "x-ratelimit-remaining of the last GitHub response, per installation",
      labelNames: ["installation"],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: "dpg_queue_depth",
      help: "Screen jobs waiting in the shared queue (created or waiting for a retry)",
      registers: [registry],
      async collect() {
        this.set(await depth().catch(() => -1));
      },
    }),
  };
}
