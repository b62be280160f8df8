// Keeps one suggested-fix issue per indicator that fails or needs review: opened on request
// (or by config), deduplicated by marker, closed when the indicator is met.
import type { IndicatorId } from "../core/indicator.js";
import { isMet } from "../core/outcome.js";
import type { Report } from "../core/report.js";
import type { RepositoryMetadata } from "../core/snapshot.js";
import { renderFixIssue, wantsFixIssue } from "../reporters/fix-issue.js";
import { renderClosingComment, renderReopeningComment } from "../reporters/issue-comments.js";
import { fixIssueMarker } from "../reporters/issue-state.js";
import type { FixIssueLink } from "../reporters/issue.js";
import { ensureOwnIssue, findOwnIssue, type IssueAction } from "./ensure-own-issue.js";
import { withLabelEnsuredOnce, type IssueRecord, type IssuesClient } from "./issues-client.js";
import {
  skipWhenIssuesUnavailable,
  whyIssuesAreUnavailable,
  type IssueLog,
  type IssuesSkipped,
} from "./issues-availability.js";

export interface EnsureFixIssuesOptions {
  issues: IssuesClient;
  report: Report;
  repository: Pick<RepositoryMetadata, "archived" | "fork" | "hasIssues">;
  label: string;
  /** The App's bot login ("<slug>[bot]"); when unknown, any bot's issue with the marker counts. */
  creator?: string;
  /** True opens issues for unmet indicators that have none; false only keeps existing ones in line. */
  createMissing: boolean;
  listed?: readonly IssueRecord[];
  log?: IssueLog;
}

export interface FixIssuesEnsured {
  action: "ensured";
  /** What happened per indicator; indicators with nothing to do are left out. */
  changes: { indicator: IndicatorId; action: IssueAction; number: number }[];
  /** The suggested-fix issues open after the operation, for the tracking issue. */
  open: FixIssueLink[];
}

export async function ensureFixIssues(options: EnsureFixIssuesOptions): Promise<FixIssuesEnsured | IssuesSkipped> {
  const unavailable = whyIssuesAreUnavailable(options.repository);
  if (unavailable !== undefined) return { action: "skipped", reason: unavailable };
  try {
    const listed =
      options.listed ??
      (await options.issues.listIssues({
        label: options.label,
        ...(options.creator === undefined ? {} : { creator: options.creator }),
      }));
    const outcome: FixIssuesEnsured = { action: "ensured", changes: [], open: [] };
    const issues = withLabelEnsuredOnce(options.issues);
    for (const result of options.report.results) {
      const existing = findOwnIssue(listed, fixIssueMarker(result.indicator), options.creator);
      // An "error" row is the screener's problem, not the maintainers': leave its issue as it is.
      const isActionable = wantsFixIssue(result) || isMet(result.outcome);
      if (!isActionable || (existing === undefined && !options.createMissing)) {
        if (existing?.state === "open") outcome.open.push({ indicator: result.indicator, number: existing.number });
        continue;
      }
      const ensured = await ensureOwnIssue({
        issues,
        existing,
        rendered: renderFixIssue(options.report, result),
        label: options.label,
        closingComment: renderClosingComment(result.indicator),
        reopeningComment: (newlyUnmet) => renderReopeningComment(options.report, newlyUnmet),
      });
      if (ensured.issue === undefined) continue;
      if (ensured.action !== "unchanged")
        outcome.changes.push({ indicator: result.indicator, action: ensured.action, number: ensured.issue.number });
      if (ensured.issue.state === "open")
        outcome.open.push({ indicator: result.indicator, number: ensured.issue.number });
    }
    return outcome;
  } catch (error) {
    return skipWhenIssuesUnavailable(error, options.log, options.report.repository.name);
  }
}
