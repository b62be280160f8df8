// Where the App must never open issues (archived repositories, forks, issues turned off), and
// how GitHub says issues are unavailable after the fact (410, 403): a warning, not a crash.
import type { RepositoryMetadata } from "../core/snapshot.js";

/** Why issues must not be written in this repository, or undefined when they may. */
export function whyIssuesAreUnavailable(
  repository: Pick<RepositoryMetadata, "archived" | "fork" | "hasIssues">,
): string | undefined {
  if (repository.archived === true) return "the repository is archived";
  if (repository.fork === true) return "the repository is a fork";
  if (repository.hasIssues === false) return "issues are turned off in this repository";
  return undefined;
}

/**
 * GitHub answers 410 Gone when issues are disabled and 403 when the App may not write them.
 * A 403 that is a rate limit is not "unavailable": it must surface, not be silenced.
 */
export function isIssuesUnavailableError(error: unknown): error is { status: 403 | 410 } {
  if (typeof error !== "object" || error === null || !("status" in error)) return false;
  if (error.status === 410) return true;
  const message = "message" in error && typeof error.message === "string" ? error.message : "";
  return error.status === 403 && !/rate limit/i.test(message);
}

/** Logger shape shared by Probot's pino logger and tests. */
export interface IssueLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

/** The outcome of an ensure operation that did not run: skipped up front or refused by GitHub. */
export interface IssuesSkipped {
  action: "skipped";
  reason: string;
}

/** Turns "issues are unavailable" errors into a logged, skipped outcome; rethrows the rest. */
export function skipWhenIssuesUnavailable(
  error: unknown,
  log: IssueLog | undefined,
  repository: string,
): IssuesSkipped {
  if (!isIssuesUnavailableError(error)) throw error;
  const reason =
    error.status === 410
      ? "issues are disabled in this repository (HTTP 410)"
      : "the App may not write issues in this repository (HTTP 403)";
  log?.warn({ repository, status: error.status }, `DPG Screener left issues alone: ${reason}`);
  return { action: "skipped", reason };
}
