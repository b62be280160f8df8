// The App refuses to start without a real webhook secret; development may opt out, loudly.
import { spawnSync } from "node:child_process";
import {
  DEVELOPMENT_SECRET,
  DEVELOPMENT_WARNING,
  MISSING_SECRET_MESSAGE,
  PUBLIC_SECRET_MESSAGE,
  resolveWebhookSecret,
} from "../../src/app/webhook-secret.js";

function resolve(env: Record<string, string | undefined>) {
  const warnings: string[] = [];
  try {
    return { secret: resolveWebhookSecret(env, { warn: (message) => warnings.push(message) }), warnings };
  } catch (error) {
    return { error: (error as Error).message, warnings };
  }
}

test("a set secret is used, silently", () => {
  expect(resolve({ WEBHOOK_SECRET: "s3cret", NODE_ENV: "production" })).toEqual({ secret: "s3cret", warnings: [] });
});

test.each([
  ["unset", {}],
  ["empty", { WEBHOOK_SECRET: "" }],
  ["blank", { WEBHOOK_SECRET: "  " }],
  ["unset in production", { NODE_ENV: "production" }],
])("no secret (%s): refused with a clear message", (_name, env) => {
  expect(resolve(env)).toEqual({ error: MISSING_SECRET_MESSAGE, warnings: [] });
});

test('the public default "development" as the secret is refused outside development', () => {
  expect(resolve({ WEBHOOK_SECRET: DEVELOPMENT_SECRET })).toEqual({ error: PUBLIC_SECRET_MESSAGE, warnings: [] });
});

test("NODE_ENV=development without a secret runs on the public default, with a loud warning", () => {
  expect(resolve({ NODE_ENV: "development" })).toEqual({ secret: DEVELOPMENT_SECRET, warnings: [DEVELOPMENT_WARNING] });
});

test("the server itself exits with the message when WEBHOOK_SECRET is missing", () => {
  const env: Record<string, string> = { PATH: process.env["PATH"] ?? "", APP_ID: "1", LOG_FORMAT: "json" };
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/app/main.ts"], {
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.status).toBe(1);
  expect(`${run.stdout}${run.stderr}`).toContain("WEBHOOK_SECRET is not set");
});
