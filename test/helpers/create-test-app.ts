// A Probot instance for tests: real webhook handling and auth, retries and throttling off,
// logs captured as JSON lines so tests can assert on them (and that no secret leaks).
import { generateKeyPairSync } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createApp, type CreateAppOptions } from "../../src/app/index.js";
import type { Screener } from "../../src/app/screener.js";

export const TEST_SECRET = "test-webhook-secret";
/** The bot login the test App runs as ("<slug>[bot]"). */
export const TEST_BOT_LOGIN = "dpg-screener[bot]";

let privateKey: string | undefined;
/** A real RSA key: Probot signs app JWTs for real. Generated once per test file. */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 })
    .privateKey.export({ type: "pkcs1", format: "pem" })
    .toString();
  return privateKey;
}

export interface TestApp {
  probot: Probot;
  screener: Screener;
  /** Parsed JSON log lines. */
  logs: Record<string, unknown>[];
}

export function createTestProbot(logs: Record<string, unknown>[] = []): Probot {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split("\n"))
        if (line.trim() !== "") logs.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  return new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    secret: TEST_SECRET,
    log: pino({ level: "info" }, stream),
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
  });
}

export async function createTestApp(options: CreateAppOptions = {}): Promise<TestApp> {
  const logs: Record<string, unknown>[] = [];
  const probot = createTestProbot(logs);
  let screener: Screener | undefined;
  // The App's bot login is given, so tests need not mock `GET /app`; pass `botLogin: undefined`
  // to exercise the lookup.
  const botLogin = "botLogin" in options ? {} : { botLogin: TEST_BOT_LOGIN };
  await probot.load(
    createApp({
      now: () => new Date("2026-11-28T12:00:00Z"),
      ...botLogin,
      ...options,
      onScreener: (created) => (screener = created),
    }),
  );
  if (screener === undefined) throw new Error("the app did not create its Screener");
  return { probot, screener, logs };
}
