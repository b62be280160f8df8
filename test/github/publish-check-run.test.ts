import { Octokit } from "@octokit/rest";
import {
  completeCheckRun,
  createCompletedCheckRun,
  startCheckRun,
  withinLimits,
} from "../../src/github/publish-check-run.js";
import {
  MAX_ANNOTATION_FIELD_BYTES,
  MAX_ANNOTATION_TITLE_CHARACTERS,
  MAX_CHECK_RUN_OUTPUT_BYTES,
} from "../../src/github/github-limits.js";
import type { CheckRunAnnotation, RenderedCheckRun } from "../../src/reporters/check-run.js";
import { renderCheckRun } from "../../src/reporters/check-run.js";
import { buildReport } from "../helpers/build-report.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";

const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const client = () => new Octokit({ auth: "test-token", log: QUIET });
const now = new Date("2026-11-28T12:00:00Z");
let github: GitHubMock;

beforeEach(() => {
  github = createGitHubMock();
});
afterEach(() => github.verify());

test("120 annotations: completed with the first 50, then two follow-up updates of 50 and 20", async () => {
  const rendered = renderCheckRun(buildReport({ "2": "fail" }));
  rendered.annotations = Array.from({ length: 120 }, (_, index): CheckRunAnnotation => ({
    path: "a.md",
    start_line: index + 1,
    end_line: index + 1,
    annotation_level: "notice",
    message: `line ${index + 1}`,
  }));
  github.updateCheckRun("o", "r", 5, 3);
  const requests = await completeCheckRun(client(), { owner: "o", repo: "r", checkRunId: 5, rendered, now });
  expect(requests).toBe(3);
  const bodies = github.bodies("PATCH", /check-runs\/5$/) as {
    status?: string;
    conclusion?: string;
    actions?: unknown;
    output: { title: string; annotations: CheckRunAnnotation[] };
  }[];
  expect(bodies.map((body) => body.output.annotations.length)).toEqual([50, 50, 20]);
  expect(bodies[0]).toMatchObject({
    status: "completed",
    conclusion: "failure",
    completed_at: "2026-11-28T12:00:00.000Z",
  });
  expect(bodies[1]?.status).toBeUndefined();
  expect(bodies[2]?.output.annotations[19]?.start_line).toBe(120);
});

test("a failed follow-up annotation batch is logged; the completed result stands and nothing is thrown", async () => {
  const rendered = renderCheckRun(buildReport({ "2": "fail" }));
  rendered.annotations = Array.from({ length: 120 }, (_, index): CheckRunAnnotation => ({
    path: "a.md",
    start_line: index + 1,
    end_line: index + 1,
    annotation_level: "notice",
    message: `line ${index + 1}`,
  }));
  github.updateCheckRun("o", "r", 5);
  github.updateCheckRun("o", "r", 5, 1, { status: 422 });
  const warnings: { fields: Record<string, unknown>; message: string }[] = [];
  const log = { warn: (fields: Record<string, unknown>, message: string) => warnings.push({ fields, message }) };
  await expect(completeCheckRun(client(), { owner: "o", repo: "r", checkRunId: 5, rendered, now, log })).resolves.toBe(
    2,
  );
  expect((github.bodies("PATCH", /check-runs\/5$/) as { status?: string }[]).map((body) => body.status)).toEqual([
    "completed",
    undefined,
  ]);
  expect(warnings).toEqual([
    {
      fields: {
        repository: "o/r",
        checkRunId: 5,
        annotationsSent: 50,
        annotationsDropped: 70,
        error: expect.stringContaining("Validation Failed") as unknown,
      },
      message: "Could not add all annotations to the completed check run; its result stands",
    },
  ]);
});

test("no annotations: one request, no annotations key", async () => {
  github.updateCheckRun("o", "r", 6);
  await completeCheckRun(client(), {
    owner: "o",
    repo: "r",
    checkRunId: 6,
    rendered: renderCheckRun(buildReport()),
    now,
  });
  const [body] = github.bodies("PATCH", /check-runs\/6$/) as { output: Record<string, unknown> }[];
  expect(Object.keys(body?.output ?? {}).sort()).toEqual(["summary", "text", "title"]);
});

test("write errors name the repository and the step", async () => {
  github.createCheckRun("o", "r", 1, { status: 403 });
  await expect(startCheckRun(client(), { owner: "o", repo: "r", headSha: "abc", now })).rejects.toThrow(
    "Could not create the check run on o/r: ",
  );
  github.updateCheckRun("o", "r", 9, 1, { status: 422 });
  await expect(
    completeCheckRun(client(), { owner: "o", repo: "r", checkRunId: 9, rendered: renderCheckRun(buildReport()), now }),
  ).rejects.toThrow("Could not complete check run 9 on o/r: ");
});

describe("GitHub's limits, enforced before publishing", () => {
  const rendered = (summary: string, message: string, title = "t"): RenderedCheckRun => ({
    conclusion: "neutral",
    output: { title: "Title", summary },
    annotations: [{ path: "a", start_line: 1, end_line: 1, annotation_level: "notice", message, title }],
    actions: [],
  });

  test("within the limits, nothing changes and nothing is logged", () => {
    const warnings: unknown[] = [];
    const run = rendered("ok", "fine");
    expect(withinLimits(run, { warn: (fields) => warnings.push(fields) }, "o/r")).toBe(run);
    expect(warnings).toEqual([]);
  });

  test("over them, each field is cut on a character boundary, in bytes, and the cut is logged", () => {
    const warnings: unknown[] = [];
    const capped = withinLimits(
      rendered("é".repeat(40_000), "ü".repeat(40_000), "x".repeat(300)),
      { warn: (fields) => warnings.push(fields) },
      "o/r",
    );
    expect(Buffer.byteLength(capped.output.summary)).toBeLessThanOrEqual(MAX_CHECK_RUN_OUTPUT_BYTES);
    expect(capped.output.summary.endsWith("é…")).toBe(true);
    const [annotation] = capped.annotations;
    expect(Buffer.byteLength(annotation?.message ?? "")).toBeLessThanOrEqual(MAX_ANNOTATION_FIELD_BYTES);
    expect(annotation?.title).toHaveLength(MAX_ANNOTATION_TITLE_CHARACTERS);
    expect(warnings).toEqual([{ repository: "o/r", fields: ["summary", "annotation message", "annotation title"] }]);
  });
});

test("a bulk screen's run is created completed with the first 50 annotations; the other 70 follow in two updates", async () => {
  const rendered = renderCheckRun(buildReport({ "2": "fail" }));
  rendered.annotations = Array.from({ length: 120 }, (_, index): CheckRunAnnotation => ({
    path: "a.md",
    start_line: index + 1,
    end_line: index + 1,
    annotation_level: "notice",
    message: `line ${index + 1}`,
  }));
  github.createCheckRun("o", "r", 8);
  github.updateCheckRun("o", "r", 8, 2);
  const started = new Date("2026-11-28T11:59:00Z");
  const created = await createCompletedCheckRun(client(), {
    owner: "o",
    repo: "r",
    headSha: "a".repeat(40),
    rendered,
    startedAt: started,
    now,
  });
  expect(created).toEqual({ checkRunId: 8, requests: 3 });
  const [body] = github.bodies("POST", /check-runs$/) as {
    status: string;
    started_at: string;
    completed_at: string;
    conclusion: string;
    output: { annotations: CheckRunAnnotation[] };
  }[];
  expect(body).toMatchObject({
    status: "completed",
    started_at: started.toISOString(),
    completed_at: now.toISOString(),
    conclusion: rendered.conclusion,
  });
  expect(body?.output.annotations).toHaveLength(50);
  const updates = github.bodies("PATCH", /check-runs\/8$/) as { output: { annotations: CheckRunAnnotation[] } }[];
  expect(updates.map((update) => update.output.annotations.length)).toEqual([50, 20]);
});

test("a refused creation of a completed run names the repository", async () => {
  github.createCheckRun("o", "r", 9, { status: 403 });
  await expect(
    createCompletedCheckRun(client(), {
      owner: "o",
      repo: "r",
      headSha: "a".repeat(40),
      rendered: renderCheckRun(buildReport({})),
      startedAt: now,
      now,
    }),
  ).rejects.toThrow("Could not create the completed check run on o/r: Resource not accessible by integration");
});
