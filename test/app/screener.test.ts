// The Screener over a fake installation (no HTTP, no Probot): its memory of finished screens is
// bounded by count, bytes and age, and says what it forgot.
import { Screener } from "../../src/app/screener.js";
import { FakeInstallationGitHub } from "../helpers/fake-installation-github.js";

const TOOL = { name: "dpg-screener", version: "test" };

function setup(options: { maxRememberedBytes?: number; reuseForMs?: number } = {}) {
  const clock = { time: Date.parse("2026-12-01T00:00:00Z") };
  const github = new FakeInstallationGitHub();
  const logs: { fields: Record<string, unknown>; message: string }[] = [];
  const record = (fields: Record<string, unknown>, message: string) => logs.push({ fields, message });
  const log = { info: record, warn: record, error: record };
  const screener = new Screener({ tool: TOOL, now: () => new Date(clock.time), ...options });
  const screen = (repo: string, sha: string) =>
    screener.screen(
      { owner: "o", repo, headSha: sha, metadata: { fullName: `o/${repo}` }, trigger: "test" },
      { github, log },
    );
  return { clock, github, logs, screener, screen };
}

const readme = (size: number) => ({ "README.md": `# Demo\n\n${"An offline learning tool. ".repeat(size)}\n` });

test("the pipeline runs on a fake installation: config, check run and report, no HTTP", async () => {
  const { github, screen } = setup();
  github.repositories.set("o/a", readme(1));
  github.configFiles.set("o/a:.github/dpg.yml", "check:\n  failOn: never\n_extends: shared\n");
  github.configFiles.set("o/shared:.github/dpg.yml", "screen:\n  forks: true\n");
  const result = await screen("a", "1".repeat(40));
  expect(result).toMatchObject({ status: "screened", config: { files: [{ repo: "a" }, { repo: "shared" }] } });
  expect(github.checkRuns).toEqual([
    expect.objectContaining({ repository: "o/a", rendered: expect.objectContaining({ conclusion: "neutral" }) }),
  ]);
});

test("a remembered screen is reused; past its age it is forgotten and screened again", async () => {
  const { clock, github, screen, screener } = setup({ reuseForMs: 60_000 });
  github.repositories.set("o/a", readme(1));
  await screen("a", "1".repeat(40));
  expect((await screen("a", "1".repeat(40))).status === "screened" && github.checkRuns.length).toBe(1);
  clock.time += 61_000;
  await screen("b", "2".repeat(40)); // any later screen sweeps what is past its age
  expect(screener.remembered.count).toBe(1);
  await screen("a", "1".repeat(40));
  expect(github.checkRuns).toHaveLength(3);
});

test("the memory stays within its byte bound, forgetting the oldest first, and logs it", async () => {
  const calibration = setup();
  calibration.github.repositories.set("o/a", readme(1));
  await calibration.screen("a", "0".repeat(40));
  const reportBytes = calibration.screener.remembered.bytes;
  const bound = Math.floor(reportBytes * 2.5);
  const { github, logs, screen, screener } = setup({ maxRememberedBytes: bound });
  for (const repo of ["a", "b", "c", "d"]) github.repositories.set(`o/${repo}`, readme(1));
  for (const [index, repo] of ["a", "b", "c", "d"].entries()) await screen(repo, String(index).repeat(40));
  const { count, bytes } = screener.remembered;
  expect(bytes).toBeLessThanOrEqual(bound);
  expect(count).toBe(2);
  expect(logs.map((line) => line.message)).toContain(
    "Forgot the oldest remembered screens to stay within the cache's bounds; their commits screen again on the next event",
  );
  // The newest is kept: a second event for it is answered from memory.
  const before = github.checkRuns.length;
  await screen("d", "3".repeat(40));
  expect(github.checkRuns).toHaveLength(before);
});

test("a report larger than the whole bound is not remembered, and that is logged", async () => {
  const { github, logs, screen, screener } = setup({ maxRememberedBytes: 1_000 });
  github.repositories.set("o/a", readme(1));
  await screen("a", "1".repeat(40));
  expect(screener.remembered).toEqual({ count: 0, bytes: 0 });
  expect(logs.map((line) => line.message)).toContain(
    "Screen not remembered: its report alone is over the cache's byte bound; the next event screens again",
  );
});
