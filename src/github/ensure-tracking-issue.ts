// Keeps the one tracking issue of a repository in line with its latest default-branch screen:
// found by marker and label through the issues list (never search, whose index lags).
import type { Report } from "../core/report.js";
import type { RepositoryMetadata } from "../core/snapshot.js";
import { renderClosingComment, renderReopeningComment } from "../reporters/issue-comments.js";
import { TRACKING_MARKER } from "../reporters/issue-state.js";
import { renderTrackingIssue, type FixIssueLink } from "../reporters/issue.js";
import { ensureOwnIssue, findOwnIssue, type OwnIssueOutcome } from "./ensure-own-issue.js";
import type { IssueRecord, IssuesClient } from "./issues-client.js";
import {
  skipWhenIssuesUnavailable,
  whyIssuesAreUnavailable,
  type IssueLog,
  type IssuesSkipped,
} from "./issues-availability.js";

export interface EnsureTrackingIssueOptions {
  issues: IssuesClient;
  report: Report;
  repository: Pick<RepositoryMetadata, "archived" | "fork" | "hasIssues">;
  label: string;
  /** The App's bot login ("<slug>[bot]"), so a human's copy of the marker is never mistaken for ours; when unknown, only bots' issues count. */
  creator?: string;
  checkRunUrl?: string;
  fixIssues?: readonly FixIssueLink[];
  /** Issues already listed by label in this screen, to spare a request. */
  listed?: readonly IssueRecord[];
  log?: IssueLog;
}

export async function ensureTrackingIssue(
  options: EnsureTrackingIssueOptions,
): Promise<OwnIssueOutcome | IssuesSkipped> {
  const unavailable = whyIssuesAreUnavailable(options.repository);
  if (unavailable !== undefined) return { action: "skipped", reason: unavailable };
  try {
    const listed =
      options.listed ??
      (await options.issues.listIssues({
        label: options.label,
        ...(options.creator === undefined ? {} : { creator: options.creator }),
      }));
    return await ensureOwnIssue({
      issues: options.issues,
      existing: findOwnIssue(listed, TRACKING_MARKER, options.creator),
      rendered: renderTrackingIssue(options.report, {
        ...(options.checkRunUrl === undefined ? {} : { checkRunUrl: options.checkRunUrl }),
        ...(options.fixIssues === undefined ? {} : { fixIssues: options.fixIssues }),
      }),
      label: options.label,
      closingComment: renderClosingComment(),
      reopeningComment: (newlyUnmet) => renderReopeningComment(options.report, newlyUnmet),
    });
  } catch (error) {
    return skipWhenIssuesUnavailable(error, options.log, options.report.repository.name);
  }
}
