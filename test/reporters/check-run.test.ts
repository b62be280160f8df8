import {
  ACTION_OPEN_FIX_ISSUES,
  decideConclusion,
  MAX_OUTPUT_BYTES,
  renderCheckRun,
  renderCheckRunError,
  truncateMarkdown,
} from "../../src/reporters/check-run.js";
import { buildReport } from "../helpers/build-report.js";

test("the rendered check run for a mixed report", () => {
  const report = buildReport(
    { "1": "review", "2": "fail", "9a": "review", "5": "error" },
    {
      evidence: {
        "2": [{ path: "package.json", line: 4, note: "declares a proprietary licence" }, { note: "no LICENSE file" }],
      },
    },
  );
  const rendered = renderCheckRun(report);
  expect(rendered.conclusion).toBe("failure");
  expect(rendered.output.title).toBe(
    "7 of 11 met · 2 need a declaration or review · 1 missing · 1 could not be screened",
  );
  expect(rendered.annotations).toEqual([
    {
      path: "package.json",
      start_line: 4,
      end_line: 4,
      annotation_level: "failure",
      title: "2. Use of approved open licences",
      message: "declares a proprietary licence",
    },
  ]);
  expect(rendered.output.text).toContain(
    `[\`package.json:4\`](https://github.com/octo-org/demo/blob/${report.repository.ref}/package.json#L4)`,
  );
  expect(rendered).toMatchSnapshot();
});

test("conclusions: failure on a missing row, neutral on review or error, success otherwise; never-fail turns failure into neutral", () => {
  const policy = { failOn: "fail" as const, invalidConfig: false };
  expect(decideConclusion(["pass", "fail", "review"], policy)).toBe("failure");
  expect(decideConclusion(["pass", "review"], policy)).toBe("neutral");
  expect(decideConclusion(["pass", "error"], policy)).toBe("neutral");
  expect(decideConclusion(["pass", "attested", "not-applicable"], policy)).toBe("success");
  expect(decideConclusion(["pass", "fail"], { ...policy, failOn: "never" })).toBe("neutral");
  expect(decideConclusion(["pass"], { ...policy, invalidConfig: true })).toBe("failure");
  expect(renderCheckRun(buildReport({ "2": "fail" }), { failOn: "never" }).conclusion).toBe("neutral");
});

test("everything met: success, no 'Open fix issues' button", () => {
  const rendered = renderCheckRun(buildReport());
  expect(rendered.conclusion).toBe("success");
  expect(rendered.actions.map((action) => action.identifier)).toEqual(["rescreen"]);
  expect(renderCheckRun(buildReport({ "7": "review" })).actions[0]?.identifier).toBe(ACTION_OPEN_FIX_ISSUES);
});

test("buttons respect the Checks API limits (label and identifier ≤ 20, description ≤ 40, at most 3)", () => {
  const { actions } = renderCheckRun(buildReport({ "2": "fail" }));
  expect(actions.length).toBeLessThanOrEqual(3);
  for (const action of actions) {
    expect(action.label.length).toBeLessThanOrEqual(20);
    expect(action.identifier.length).toBeLessThanOrEqual(20);
    expect(action.description.length).toBeLessThanOrEqual(40);
  }
});

test("declaration problems fail the run, are listed with lines and annotate the file", () => {
  const report = buildReport();
  report.declaration = {
    path: ".github/dpg.yml",
    status: "invalid",
    problems: [
      { key: "check.failOn", line: 2, message: "must be one of: fail, never" },
      { key: "", message: "the file must be a mapping of keys to values" },
    ],
  };
  const rendered = renderCheckRun(report);
  expect(rendered.conclusion).toBe("failure");
  expect(rendered.output.summary).toContain("- line 2: `check.failOn`: must be one of: fail, never");
  expect(
    rendered.annotations.map((annotation) => [annotation.path, annotation.start_line, annotation.annotation_level]),
  ).toEqual([
    [".github/dpg.yml", 2, "failure"],
    [".github/dpg.yml", 1, "failure"],
  ]);
});

const utf8Bytes = (text: string | undefined) => Buffer.byteLength(text ?? "", "utf8");

test("over-long output is cut under 65,535 bytes and says so", () => {
  const long = `${"| row |\n".repeat(20_000)}`;
  const cut = truncateMarkdown(long);
  expect(utf8Bytes(cut)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
  expect(cut).toContain(
    "… cut here: 160,000 bytes are more than a check run can show (65,535). Run `dpg-screener screen` for the full report.",
  );
  expect(truncateMarkdown("short")).toBe("short");
  const report = buildReport({ "2": "fail" }, { summaries: { "2": "x".repeat(70_000) } });
  const rendered = renderCheckRun(report);
  expect(utf8Bytes(rendered.output.summary)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
  expect(utf8Bytes(rendered.output.text)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
});

test("the limit counts UTF-8 bytes, as GitHub does, and never splits a character", () => {
  // 40,000 characters but 160,000 bytes: under the limit in UTF-16 units, far over it in bytes.
  const emoji = "🌍".repeat(20_000);
  const cut = truncateMarkdown(emoji);
  expect(utf8Bytes(cut)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
  expect(cut).toContain("… cut here: 80,000 bytes are more than a check run can show");
  expect(cut).not.toContain("\uFFFD");
  expect(cut.startsWith("🌍".repeat(16_000))).toBe(true);
  // Mixed widths (1, 2, 3 and 4 bytes) at every possible cut position.
  const mixed = "aé€🌍".repeat(7_000);
  for (const limit of [100, 101, 102, 103, 104, 105, 106, 107, 108, 109]) {
    const small = truncateMarkdown(mixed, limit + 200);
    expect(utf8Bytes(small)).toBeLessThanOrEqual(limit + 200);
    expect(small).not.toContain("\uFFFD");
    expect(mixed.startsWith(small.slice(0, small.indexOf("\n\n**… cut here")))).toBe(true);
  }
  const report = buildReport({ "2": "fail" }, { summaries: { "2": "ü".repeat(40_000) } });
  const rendered = renderCheckRun(report);
  expect(utf8Bytes(rendered.output.summary)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
  expect(utf8Bytes(rendered.output.text)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
});

test("an evidence line with an empty note is annotated with the finding instead (GitHub rejects empty messages)", () => {
  const report = buildReport({ "3": "review" }, { evidence: { "3": [{ path: "LICENSE", line: 2, note: "" }] } });
  expect(renderCheckRun(report).annotations[0]?.message).toBe("Indicator 3 is review.");
});

test("a failed screen renders a neutral run with the reason", () => {
  expect(renderCheckRunError("Could not list the files of o/r at abc: Server Error")).toMatchSnapshot();
});
