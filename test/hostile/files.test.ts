// Files a screen cannot or must not read in full: each is capped, and the row it matters to says
// what was not read instead of "not found" or a pass. Large files are sparse, made at test time.
import { symlink, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { proseSegments } from "../../src/sdg/prose-segments.js";
import { suggestSdgs } from "../../src/sdg/suggest-sdgs.js";
import { LocalSnapshot } from "../../src/snapshot/local-snapshot.js";
import type { Report } from "../../src/core/report.js";
import { runCli } from "../helpers/run-cli.js";
import { useTempRepos } from "../helpers/temp-repo.js";

const repo = useTempRepos();

async function screen(root: string): Promise<Report> {
  const run = await runCli(["screen", root, "--format", "json"]);
  return JSON.parse(run.stdout) as Report;
}
const row = (report: Report, id: string) => report.results.find((result) => result.indicator === id);

describe("files too large, unreadable or too many", () => {
  test("a 200 MB README is not read, and rows 1 and 5 say so instead of 'no mention' or 'no README'", async () => {
    const root = await repo({ LICENSE: "MIT License\n" });
    await writeFile(join(root, "README.md"), "");
    await truncate(join(root, "README.md"), 200 * 1024 * 1024);
    const report = await screen(root);
    expect(row(report, "1")).toMatchObject({
      outcome: "review",
      summary:
        "README.md is 200.0 MiB, over the 512 KiB cap, and was not read, so its SDGs are unknown; maintainers must name the SDGs and targets the project advances.",
    });
    expect(row(report, "5")?.outcome).toBe("review");
    expect(JSON.stringify(row(report, "5"))).toContain("README too large to read (209715200 bytes)");
  }, 30_000);

  test("a README that is a symlink to /dev/zero could not be read: row 5 says so, it is no missing README", async () => {
    const root = await repo({ LICENSE: "MIT License\n" });
    await symlink("/dev/zero", join(root, "README.md"));
    const report = await screen(root);
    expect(row(report, "5")?.outcome).toBe("review");
    expect(JSON.stringify(row(report, "5"))).toContain("symbolic link pointing outside the repository");
    expect(row(report, "1")?.summary).toContain(
      "README.md could not be read (symbolic link pointing outside the repository)",
    );
  });

  test("the listing is breadth first: a huge early folder cannot push root files out of a cut", async () => {
    const files: Record<string, string> = { "README.md": "# x\n", LICENSE: "MIT\n", ".github/dpg.yml": "{}\n" };
    for (let index = 0; index < 60; index += 1) files[`AAA/deep/f${index}.txt`] = "x";
    const root = await repo(files);
    const listing = await (await LocalSnapshot.open(root, { maxFiles: 20 })).listFiles();
    expect(listing.paths).toEqual(expect.arrayContaining(["README.md", "LICENSE", ".github/dpg.yml"]));
    expect(listing).toMatchObject({ truncated: true, truncatedReason: "more than 20 files" });
  });

  test("a README of 500,000 blank lines and a table is read as prose in one pass, lines kept", () => {
    const text = `${"\n".repeat(500_000)}| health | clinics |\nHealth care for patients in clinics.\n`;
    const segments = proseSegments(text);
    expect(segments).toEqual([{ line: 500_002, text: "Health care for patients in clinics." }]);
    const suggestions = suggestSdgs([{ kind: "readme", path: "README.md", text }]);
    expect(suggestions[0]).toMatchObject({ sdg: 3, quotes: [{ path: "README.md", line: 500_002 }] });
  });
});
