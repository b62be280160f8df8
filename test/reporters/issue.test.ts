import { MAX_ISSUE_BODY_BYTES, renderTrackingIssue, renderTrackingTitle } from "../../src/reporters/issue.js";
import { readIssueState, TRACKING_MARKER } from "../../src/reporters/issue-state.js";
import { ISSUE_EVIDENCE_LIMIT } from "../../src/reporters/issue-sections.js";
import { buildReport } from "../helpers/build-report.js";
import { screenMemory } from "../helpers/screen-memory.js";

const CHECK_RUN = "https://github.com/octo-org/demo/runs/42";

describe("renderTrackingIssue", () => {
  test.each([
    [{ "2": "fail" } as const, "DPG Standard: 1 indicator needs attention"],
    [{ "2": "fail", "5": "review", "9c": "error" } as const, "DPG Standard: 3 indicators need attention"],
    [{ "4": "not-applicable", "1": "attested" } as const, "DPG Standard: all 11 indicators met"],
  ])("title for %o: %s", (outcomes, title) => {
    expect(renderTrackingTitle(buildReport(outcomes))).toBe(title);
  });

  test("ticks met, declared and not-applicable rows and leaves the others open", () => {
    const { body } = renderTrackingIssue(
      buildReport({ "1": "attested", "2": "fail", "4": "not-applicable", "5": "review", "7": "error" }),
    );
    const boxes = body
      .split("\n")
      .filter((line) => /^- \[[ x]\]/.test(line))
      .map((line) => `${line.slice(3, 4)} ${/\*\*(\w+)\./.exec(line)?.[1]}`);
    expect(boxes).toEqual(["x 1", "  2", "x 3", "x 4", "  5", "x 6", "  7", "x 8", "x 9a", "x 9b", "x 9c"]);
  });

  test("explains each unmet row: found, why it matters, the fix and the guidance", () => {
    const { body } = renderTrackingIssue(buildReport({ "2": "fail" }, { summaries: { "2": "No licence found." } }));
    expect(body).toContain("  - **Found:** No licence found.");
    expect(body).toContain(
      "  - **Why it matters:** the DPG Standard asks that the project uses an approved open licence",
    );
    expect(body).toContain("  - **Fix:** Choose an [approved open licence]");
    expect(body).toContain("  - [DPGA guidance](https://github.com/DPGAlliance/dpg-resources/wiki/2.-Open-Licensing)");
  });

  test("links evidence to the screened commit and shows at most a few items", () => {
    const evidence = Array.from({ length: ISSUE_EVIDENCE_LIMIT + 2 }, (_, index) => ({
      path: `src/file${index}.c`,
      line: index + 1,
      note: "closed component",
    }));
    const { body } = renderTrackingIssue(buildReport({ "4": "review" }, { evidence: { "4": evidence } }));
    expect(body).toContain(
      "[`src/file0.c:1`](https://github.com/octo-org/demo/blob/0123456789abcdef0123456789abcdef01234567/src/file0.c#L1)",
    );
    expect(body).not.toContain("src/file5.c");
    expect(body).toContain("…and 2 more in the check run");
  });

  test("links the latest check run and lists open suggested-fix issues", () => {
    const { body } = renderTrackingIssue(buildReport({ "2": "fail", "5": "review" }), {
      checkRunUrl: CHECK_RUN,
      fixIssues: [
        { indicator: "5", number: 12 },
        { indicator: "2", number: 9 },
      ],
    });
    expect(body).toContain(`[latest check run](${CHECK_RUN})`);
    expect(body).toContain("- #9 (indicator 2)\n- #12 (indicator 5)");
    expect(body).toContain("· suggested fix: #9");
  });

  test("says how to get suggested-fix issues when none are open", () => {
    expect(renderTrackingIssue(buildReport({ "2": "fail" })).body).toContain(
      "None open. Click **Open fix issues** on the check run",
    );
  });

  test("carries the marker and a readable state of the failing rows", () => {
    const { body, state } = renderTrackingIssue(buildReport({ "2": "fail", "9a": "review" }));
    expect(body.startsWith(TRACKING_MARKER)).toBe(true);
    expect(readIssueState(body)).toEqual(state);
    expect(state.unmet).toEqual(["2", "9a"]);
  });

  test("the fingerprint ignores the check-run link and follows outcomes, summaries and fix issues", () => {
    const report = buildReport({ "2": "fail" });
    const base = renderTrackingIssue(report, { checkRunUrl: CHECK_RUN }).state.fingerprint;
    expect(renderTrackingIssue(report, { checkRunUrl: `${CHECK_RUN}0` }).state.fingerprint).toBe(base);
    expect(renderTrackingIssue(buildReport({ "2": "review" })).state.fingerprint).not.toBe(base);
    expect(
      renderTrackingIssue(buildReport({ "2": "fail" }, { summaries: { "2": "other" } })).state.fingerprint,
    ).not.toBe(base);
    expect(renderTrackingIssue(report, { fixIssues: [{ indicator: "2", number: 3 }] }).state.fingerprint).not.toBe(
      base,
    );
  });

  test("mentions screen warnings and a rejected declaration", () => {
    const report = {
      ...buildReport({ "2": "fail" }),
      warnings: ["The file list is incomplete (truncated)."],
      declaration: {
        path: ".github/dpg.yml",
        status: "invalid" as const,
        problems: [{ key: "sdgs", message: "expected array" }],
      },
    };
    const { body } = renderTrackingIssue(report);
    expect(body).toContain("> ⚠️ The file list is incomplete (truncated).");
    expect(body).toContain("> ⚠️ `.github/dpg.yml` has 1 problem(s); the check run lists them with their lines.");
  });

  test("body of a typical unmet repository (snapshot)", () => {
    expect(
      renderTrackingIssue(buildReport({ "2": "fail", "5": "review", "9c": "review" }), {
        checkRunUrl: CHECK_RUN,
        fixIssues: [{ indicator: "2", number: 4 }],
      }).body,
    ).toMatchSnapshot();
  });

  test("a real screen of a bare repository explains every unmet row", async () => {
    const report = await screenMemory(
      { "README.md": "# Demo\n\nA small tool.\n", "src/main.c": "int main(void) { return 0; }\n" },
      {
        metadata: {
          fullName: "octo-org/demo",
          url: "https://github.com/octo-org/demo",
          commit: "0123456789abcdef0123456789abcdef01234567",
        },
      },
    );
    const { body, state } = renderTrackingIssue(report);
    expect(state.unmet.length).toBeGreaterThan(0);
    for (const indicator of state.unmet) {
      const row = body.split("\n- [")[report.results.findIndex((result) => result.indicator === indicator) + 1] ?? "";
      expect(row).toContain("**Found:**");
      expect(row).toContain("**Why it matters:**");
      expect(row).toContain("**Fix:**");
    }
  });
});

describe("readIssueState", () => {
  test.each([
    ["no state", "just text"],
    ["broken JSON", "<!-- dpg-screener:state {not json} -->"],
    ["wrong shape", '<!-- dpg-screener:state {"fingerprint":1,"unmet":[]} -->'],
    ["null body", null],
  ])("%s → undefined", (_name, body) => {
    expect(readIssueState(body)).toBeUndefined();
  });
});

describe("the DPGA draft in the tracking issue", () => {
  const withDescription = (value: string) => ({
    ...buildReport({ "2": "fail" }),
    product: {
      description: { value, provenance: "found" as const, source: "manifest" as const, path: "package.json" },
    },
  });
  const bytes = (text: string) => Buffer.byteLength(text, "utf8");

  test("is collapsed under its own heading, after the checklist, with the answers counted", () => {
    const { body } = renderTrackingIssue(withDescription("Crop planning for farmers"));
    const section = body.slice(body.indexOf("### DPGA application draft"));
    expect(body.indexOf("### Checklist")).toBeLessThan(body.indexOf("### DPGA application draft"));
    expect(section).toMatch(/^### DPGA application draft\n\n<details>\n<summary>3 of 17 questions pre-filled/);
    expect(section).toContain(
      '#### description\n\nAnswer found in the repository.\n\n```json\n"Crop planning for farmers"\n```',
    );
    expect(section.indexOf("</details>")).toBeGreaterThan(section.indexOf("#### locations"));
  });

  test("a question too large for the issue is left out whole and named; the rest of the issue is not cut", () => {
    const { body } = renderTrackingIssue(withDescription("é".repeat(40_000)));
    expect(bytes(body)).toBeLessThanOrEqual(MAX_ISSUE_BODY_BYTES);
    expect(body).not.toContain("cut here");
    expect(body).not.toContain("éééé");
    expect(body).toContain(
      "**… left out to fit here: description. `dpg-screener screen --format dpga-markdown` prints the whole draft.**\n\n</details>",
    );
    expect(body).toContain("#### locations");
    expect(readIssueState(body)?.unmet).toEqual(["2"]);
  });

  test("when the checklist leaves no room, one line says where to get the draft", () => {
    const report = buildReport({ "2": "fail" }, { summaries: { "2": "x".repeat(61_000) } });
    const { body } = renderTrackingIssue(report);
    expect(body).not.toContain("<details>");
    expect(body).toContain(
      "questions pre-filled; the draft does not fit in this issue: `dpg-screener screen --format dpga-markdown` prints it.",
    );
    expect(bytes(body)).toBeLessThanOrEqual(MAX_ISSUE_BODY_BYTES);
  });

  test("a change to the draft alone (the product's description) changes the fingerprint, so the issue is edited", () => {
    const fingerprint = (value: string) => renderTrackingIssue(withDescription(value)).state.fingerprint;
    expect(fingerprint("Crop planning")).toBe(fingerprint("Crop planning"));
    expect(fingerprint("Crop planning")).not.toBe(fingerprint("Harvest planning"));
  });

  test("a new commit alone (the draft's links name it) does not change the fingerprint", () => {
    const report = withDescription("Crop planning");
    const moved = { ...report, repository: { ...report.repository, ref: "f".repeat(40) } };
    expect(renderTrackingIssue(moved).body).toContain(`/blob/${"f".repeat(40)}/package.json`);
    expect(renderTrackingIssue(moved).state.fingerprint).toBe(renderTrackingIssue(report).state.fingerprint);
  });
});
