import { expect, test } from "@jest/globals";
import { DEFAULT_SWEEP_CRON, jobSettingsFromEnv } from "../../src/app/start-jobs.js";

test("queue settings come from the environment, with defaults for one replica on PGlite", () => {
  expect(jobSettingsFromEnv({})).toMatchObject({
    databaseUrl: undefined,
    dataDir: "./data",
    concurrency: 8,
    budgetSeconds: 120,
    memoryMb: 256,
    sweepCron: DEFAULT_SWEEP_CRON,
  });
  expect(
    jobSettingsFromEnv({ DATABASE_URL: "postgres://db/dpg", SCREEN_BUDGET_SECONDS: "30", SWEEP_CRON: "0 */6 * * *" }),
  ).toMatchObject({ databaseUrl: "postgres://db/dpg", budgetSeconds: 30, sweepCron: "0 */6 * * *" });
});

test("a setting that is not a positive whole number is refused by name", () => {
  expect(() => jobSettingsFromEnv({ SCREEN_CONCURRENCY: "many" })).toThrow(
    'SCREEN_CONCURRENCY must be a positive whole number, not "many"',
  );
  expect(() => jobSettingsFromEnv({ SCREEN_MEMORY_MB: "-5" })).toThrow(
    'SCREEN_MEMORY_MB must be a positive whole number, not "-5"',
  );
});
