// The check run's pointer to the DPGA draft: the tracking issue itself when its number is known,
// the App's issues by label otherwise, and how to print the draft when no tracking issue is kept.
import { runScreen, type ScreenRequest } from "../../src/app/run-screen.js";
import { FakeInstallationGitHub } from "../helpers/fake-installation-github.js";

const TOOL = { name: "dpg-screener", version: "test" };
const URL = "https://github.com/o/a";

async function summaryOf(request: Partial<ScreenRequest>, trackingIssue?: () => Promise<number | undefined>) {
  const github = new FakeInstallationGitHub();
  github.repositories.set("o/a", { "README.md": "# Demo\n\nAn offline learning tool for schools.\n" });
  // The repository's own file opts it in to the tracking issue.
  github.configFiles.set("o/a:.github/dpg.yml", "check:\n  failOn: never\n");
  const warnings: string[] = [];
  const log = {
    info: () => undefined,
    warn: (_fields: unknown, message: string) => warnings.push(message),
    error: () => undefined,
  };
  await runScreen(
    {
      owner: "o",
      repo: "a",
      headSha: "1".repeat(40),
      metadata: { fullName: "o/a", url: URL, hasIssues: true },
      trigger: "test",
      ...request,
    },
    {
      github: github.repository("o", "a"),
      log,
      tool: TOOL,
      now: () => new Date(0),
      ...(trackingIssue === undefined ? {} : { trackingIssue }),
    },
  );
  return { summary: github.checkRuns[0]?.rendered?.output.summary ?? "", warnings };
}

describe("the check run's pointer to the DPGA draft", () => {
  test("a default-branch screen links the tracking issue by number when it is known", async () => {
    const { summary } = await summaryOf({ defaultBranch: true }, async () => 12);
    expect(summary).toContain(`in the [tracking issue](${URL}/issues/12), under *DPGA application draft*.`);
  });

  test("without a known number it lists the App's issues by label", async () => {
    const { summary } = await summaryOf({ defaultBranch: true }, async () => undefined);
    const query = encodeURIComponent('is:issue label:"dpg-screener" in:title "DPG Standard:"');
    expect(summary).toContain(`in the [tracking issue](${URL}/issues?q=${query})`);
  });

  test("a failed lookup of the number is logged and the issue list linked instead", async () => {
    const { summary, warnings } = await summaryOf({ defaultBranch: true }, async () => {
      throw new Error("database gone");
    });
    expect(summary).toContain(`${URL}/issues?q=`);
    expect(warnings).toEqual([
      "Could not look up the tracking issue's number; the check run links the issue list instead",
    ]);
  });

  test("a screen that keeps no tracking issue (a pull request's commit) says how to print the draft, and looks nothing up", async () => {
    let asked = false;
    const { summary } = await summaryOf({}, async () => {
      asked = true;
      return 12;
    });
    expect(summary).toContain("`dpg-screener screen --format dpga-markdown` prints it anywhere.");
    expect(summary).not.toContain("/issues");
    expect(asked).toBe(false);
  });
});
