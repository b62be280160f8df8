// Writes the "DPG Standard" check run: created in_progress as soon as a screen starts, then
// completed with the rendered result (or, for bulk screens, created completed in one request),
// annotations sent 50 per request as the Checks API allows; and finds runs a dead process left.
import {
  ANNOTATIONS_PER_REQUEST,
  CHECK_RUN_NAME,
  type CheckRunAnnotation,
  type CheckRunOutput,
  type RenderedCheckRun,
} from "../reporters/check-run.js";
import { messageOf, type GitHubClient } from "../snapshot/github-client.js";
import {
  capBytes,
  capCharacters,
  MAX_ANNOTATION_FIELD_BYTES,
  MAX_ANNOTATION_TITLE_CHARACTERS,
  MAX_CHECK_RUN_OUTPUT_BYTES,
} from "./github-limits.js";

export interface CheckRunTarget {
  owner: string;
  repo: string;
}

/** Where a follow-up batch that GitHub refused is reported. */
export interface CheckRunLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Raised when GitHub refuses a check-run write; the message names the repository and step. */
export class CheckRunWriteError extends Error {}

/** Creates the run in_progress and returns its id. */
export async function startCheckRun(
  client: GitHubClient,
  target: CheckRunTarget & { headSha: string; now: Date; externalId?: string },
): Promise<number> {
  try {
    const response = await client.request("POST /repos/{owner}/{repo}/check-runs", {
      owner: target.owner,
      repo: target.repo,
      name: CHECK_RUN_NAME,
      head_sha: target.headSha,
      status: "in_progress",
      started_at: target.now.toISOString(),
      ...(target.externalId === undefined ? {} : { external_id: target.externalId }),
    });
    return (response.data as { id: number }).id;
  } catch (error) {
    throw new CheckRunWriteError(
      `Could not create the check run on ${target.owner}/${target.repo}: ${messageOf(error)}`,
      { cause: error },
    );
  }
}

/**
 * Completes the run. The first request carries the conclusion, the output, the buttons and the
 * first 50 annotations; each further request appends the next 50 (GitHub keeps earlier ones).
 * Only a failure of the first request throws: once the run is completed its result stands, so a
 * failed follow-up batch is logged as a warning and the remaining batches are dropped.
 * Returns the number of requests made.
 */
export async function completeCheckRun(
  client: GitHubClient,
  target: CheckRunTarget & {
    checkRunId: number;
    rendered: RenderedCheckRun;
    now: Date;
    log?: CheckRunLog;
  },
): Promise<number> {
  const rendered = withinLimits(target.rendered, target.log, `${target.owner}/${target.repo}`);
  const chunks = annotationChunks(rendered.annotations);
  const route = "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}";
  const base = { owner: target.owner, repo: target.repo, check_run_id: target.checkRunId };
  try {
    await client.request(route, {
      ...base,
      status: "completed",
      conclusion: rendered.conclusion,
      completed_at: target.now.toISOString(),
      output: { ...rendered.output, ...(chunks[0] === undefined ? {} : { annotations: chunks[0] }) },
      actions: rendered.actions,
    });
  } catch (error) {
    throw new CheckRunWriteError(
      `Could not complete check run ${target.checkRunId} on ${target.owner}/${target.repo}: ${messageOf(error)}`,
      { cause: error },
    );
  }
  return 1 + (await appendAnnotations(client, { ...target, rendered }, chunks.slice(1)));
}

/** Sends the annotations after the first 50, 50 per request; a refused batch ends it with a warning. */
async function appendAnnotations(
  client: GitHubClient,
  target: CheckRunTarget & { checkRunId: number; rendered: RenderedCheckRun; log?: CheckRunLog },
  chunks: CheckRunAnnotation[][],
): Promise<number> {
  const route = "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}";
  const base = { owner: target.owner, repo: target.repo, check_run_id: target.checkRunId };
  const { rendered } = target;
  let requests = 0;
  for (const [index, chunk] of chunks.entries()) {
    try {
      requests += 1;
      await client.request(route, { ...base, output: { ...rendered.output, annotations: chunk } });
    } catch (error) {
      const sent = (index + 1) * ANNOTATIONS_PER_REQUEST;
      target.log?.warn(
        {
          repository: `${target.owner}/${target.repo}`,
          checkRunId: target.checkRunId,
          annotationsSent: sent,
          annotationsDropped: rendered.annotations.length - sent,
          error: messageOf(error),
        },
        "Could not add all annotations to the completed check run; its result stands",
      );
      break;
    }
  }
  return requests;
}

function annotationChunks(annotations: CheckRunAnnotation[]): CheckRunAnnotation[][] {
  const chunks: CheckRunAnnotation[][] = [];
  for (let start = 0; start < annotations.length; start += ANNOTATIONS_PER_REQUEST)
    chunks.push(annotations.slice(start, start + ANNOTATIONS_PER_REQUEST));
  return chunks;
}

/**
 * Creates the run already completed, in one request when it has at most 50 annotations: what a
 * bulk screen (an installation's sweep) writes, since nobody watches those runs start. A process
 * that dies before this request leaves nothing in progress.
 */
export async function createCompletedCheckRun(
  client: GitHubClient,
  target: CheckRunTarget & {
    headSha: string;
    rendered: RenderedCheckRun;
    startedAt: Date;
    now: Date;
    log?: CheckRunLog;
  },
): Promise<{ checkRunId: number; requests: number }> {
  const rendered = withinLimits(target.rendered, target.log, `${target.owner}/${target.repo}`);
  const chunks = annotationChunks(rendered.annotations);
  let checkRunId: number;
  try {
    const response = await client.request("POST /repos/{owner}/{repo}/check-runs", {
      owner: target.owner,
      repo: target.repo,
      name: CHECK_RUN_NAME,
      head_sha: target.headSha,
      status: "completed",
      conclusion: rendered.conclusion,
      started_at: target.startedAt.toISOString(),
      completed_at: target.now.toISOString(),
      output: { ...rendered.output, ...(chunks[0] === undefined ? {} : { annotations: chunks[0] }) },
      actions: rendered.actions,
    });
    checkRunId = (response.data as { id: number }).id;
  } catch (error) {
    throw new CheckRunWriteError(
      `Could not create the completed check run on ${target.owner}/${target.repo}: ${messageOf(error)}`,
      { cause: error },
    );
  }
  const requests = 1 + (await appendAnnotations(client, { ...target, rendered, checkRunId }, chunks.slice(1)));
  return { checkRunId, requests };
}

/**
 * This check's runs on a commit that are still in progress although they started before
 * `startedBefore` (left by a process that died between creating and completing them), or whose
 * external id is `externalId` (left open by an earlier attempt of the same job, which no live
 * screen holds: the queue runs one job per key at a time). Oldest first.
 */
export async function findStaleCheckRuns(
  client: GitHubClient,
  target: CheckRunTarget & { headSha: string; startedBefore: Date; externalId?: string; appId?: number },
): Promise<number[]> {
  const response = await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    owner: target.owner,
    repo: target.repo,
    ref: target.headSha,
    check_name: CHECK_RUN_NAME,
    status: "in_progress",
    filter: "all",
    per_page: 100,
    ...(target.appId === undefined ? {} : { app_id: target.appId }),
  });
  const runs = (response.data as { check_runs?: StaleCandidate[] }).check_runs ?? [];
  return runs
    .filter(
      (run) =>
        run.status === "in_progress" &&
        run.name === CHECK_RUN_NAME &&
        (target.appId === undefined || run.app?.id === undefined || run.app.id === target.appId) &&
        ((target.externalId !== undefined && run.external_id === target.externalId) ||
          (run.started_at !== undefined &&
            run.started_at !== null &&
            Date.parse(run.started_at) < target.startedBefore.getTime())),
    )
    .sort((a, b) => Date.parse(a.started_at ?? "") - Date.parse(b.started_at ?? "") || a.id - b.id)
    .map((run) => run.id);
}

interface StaleCandidate {
  id: number;
  name?: string;
  status?: string;
  started_at?: string | null;
  external_id?: string | null;
  app?: { id?: number } | null;
}

/** The run with every output and annotation field within GitHub's limits; a cut is a renderer bug, so it is logged. */
export function withinLimits(
  rendered: RenderedCheckRun,
  log: CheckRunLog | undefined,
  repository: string,
): RenderedCheckRun {
  const output: CheckRunOutput = {
    title: capBytes(rendered.output.title, MAX_CHECK_RUN_OUTPUT_BYTES),
    summary: capBytes(rendered.output.summary, MAX_CHECK_RUN_OUTPUT_BYTES),
    ...(rendered.output.text === undefined ? {} : { text: capBytes(rendered.output.text, MAX_CHECK_RUN_OUTPUT_BYTES) }),
  };
  const annotations = rendered.annotations.map((annotation): CheckRunAnnotation => {
    const capped: CheckRunAnnotation = {
      ...annotation,
      message: capBytes(annotation.message, MAX_ANNOTATION_FIELD_BYTES),
    };
    if (annotation.title !== undefined) capped.title = capCharacters(annotation.title, MAX_ANNOTATION_TITLE_CHARACTERS);
    return capped;
  });
  const cut = [
    ...(["title", "summary", "text"] as const).filter((field) => output[field] !== rendered.output[field]),
    ...(annotations.some((annotation, index) => annotation.message !== rendered.annotations[index]?.message)
      ? ["annotation message"]
      : []),
    ...(annotations.some((annotation, index) => annotation.title !== rendered.annotations[index]?.title)
      ? ["annotation title"]
      : []),
  ];
  if (cut.length === 0) return rendered;
  log?.warn({ repository, fields: cut }, "Check-run fields over GitHub's limits were cut before publishing");
  return { ...rendered, output, annotations };
}
