// Check-run and issue fields fit GitHub's documented limits, in bytes, whatever a repository holds.
import { MAX_ANNOTATION_MESSAGE_BYTES, MAX_OUTPUT_BYTES, renderCheckRun } from "../../src/reporters/check-run.js";
import { MAX_ISSUE_BODY_BYTES, renderTrackingIssue } from "../../src/reporters/issue.js";
import { renderFixIssue } from "../../src/reporters/fix-issue.js";
import { readIssueState } from "../../src/reporters/issue-state.js";
import { buildReport } from "../helpers/build-report.js";
import type { Report } from "../../src/core/report.js";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

function reportWithHugeText(): Report {
  const huge = "é".repeat(100_000); // 200 KB in UTF-8
  const report = buildReport(
    { "1": "review", "5": "fail" },
    { summaries: { "1": huge }, evidence: { "5": [{ path: "README.md", line: 1, note: huge }] } },
  );
  return {
    ...report,
    declaration: {
      path: ".github/dpg.yml",
      status: "invalid",
      problems: [{ key: "k".repeat(200_000), line: 1, message: "unknown key" }],
    },
  };
}

describe("GitHub's limits", () => {
  test("a 200 KB key gives an annotation message of at most 64 KB, cut on a character", () => {
    const run = renderCheckRun(reportWithHugeText());
    expect(run.annotations.length).toBeGreaterThan(0);
    for (const annotation of run.annotations) {
      expect(bytes(annotation.message)).toBeLessThanOrEqual(MAX_ANNOTATION_MESSAGE_BYTES);
      expect(annotation.message).not.toContain("\ufffd");
    }
    expect(bytes(run.annotations[0]?.message ?? "")).toBeGreaterThan(MAX_ANNOTATION_MESSAGE_BYTES - 8);
    expect(bytes(run.output.summary)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
    expect(bytes(run.output.text ?? "")).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
    expect(bytes(run.output.title)).toBeLessThanOrEqual(255);
  });

  test("issue bodies fit 65,536 bytes and keep their hidden state", () => {
    const report = reportWithHugeText();
    const tracking = renderTrackingIssue(report);
    expect(bytes(tracking.body)).toBeLessThanOrEqual(MAX_ISSUE_BODY_BYTES);
    expect(tracking.body).toContain("cut here");
    expect(readIssueState(tracking.body)).toEqual(tracking.state);
    const fix = renderFixIssue(report, report.results[0]!);
    expect(bytes(fix.body)).toBeLessThanOrEqual(MAX_ISSUE_BODY_BYTES);
    expect(readIssueState(fix.body)).toEqual(fix.state);
  });
});
