// The lifecycle every App issue follows, written once: create only when something is unmet,
// edit only when the fingerprint changes, close when met, and reopen only when a row newly
// fails, so a maintainer who closed an issue is not overruled by an unchanged result.
import type { IndicatorId } from "../core/indicator.js";
import { readIssueState } from "../reporters/issue-state.js";
import type { RenderedIssue } from "../reporters/issue.js";
import type { IssueRecord, IssuesClient } from "./issues-client.js";

export type IssueAction = "created" | "updated" | "closed" | "reopened" | "unchanged" | "none";

export interface OwnIssueOutcome {
  action: IssueAction;
  /** The issue after the operation; absent when there is none. */
  issue?: IssueRecord;
}

export interface EnsureOwnIssueOptions {
  issues: IssuesClient;
  /** The App's issue found earlier by marker and label, if any. */
  existing: IssueRecord | undefined;
  rendered: RenderedIssue;
  label: string;
  closingComment: string;
  /** The comment for a reopening, given the rows that newly fail. */
  reopeningComment: (newlyUnmet: readonly IndicatorId[]) => string;
}

export async function ensureOwnIssue(options: EnsureOwnIssueOptions): Promise<OwnIssueOutcome> {
  const { issues, existing, rendered } = options;
  const isUnmet = rendered.state.unmet.length > 0;
  if (existing === undefined) {
    if (!isUnmet) return { action: "none" };
    await issues.ensureLabel(options.label);
    return {
      action: "created",
      issue: await issues.createIssue({ title: rendered.title, body: rendered.body, labels: [options.label] }),
    };
  }
  const stored = readIssueState(existing.body);
  const isUnchanged = stored?.fingerprint === rendered.state.fingerprint && existing.title === rendered.title;
  if (existing.state === "open") {
    if (!isUnmet) {
      const closed = await issues.updateIssue(existing.number, {
        state: "closed",
        stateReason: "completed",
        title: rendered.title,
        body: rendered.body,
      });
      await issues.createComment(existing.number, options.closingComment);
      return { action: "closed", issue: closed };
    }
    if (isUnchanged) return { action: "unchanged", issue: existing };
    return {
      action: "updated",
      issue: await issues.updateIssue(existing.number, { title: rendered.title, body: rendered.body }),
    };
  }
  // Closed. A body without state (edited by a human) counts as "everything already known".
  const known = new Set<string>(stored?.unmet ?? rendered.state.unmet);
  const newlyUnmet = rendered.state.unmet.filter((indicator) => !known.has(indicator));
  if (newlyUnmet.length > 0) {
    const reopened = await issues.updateIssue(existing.number, {
      state: "open",
      title: rendered.title,
      body: rendered.body,
    });
    await issues.createComment(existing.number, options.reopeningComment(newlyUnmet));
    return { action: "reopened", issue: reopened };
  }
  if (isUnchanged) return { action: "unchanged", issue: existing };
  // Edits do not notify; keeping the stored state current lets a later regression be recognised.
  return {
    action: "updated",
    issue: await issues.updateIssue(existing.number, { title: rendered.title, body: rendered.body }),
  };
}

/**
 * True when the App opened `issue`: its author is the App's bot login when that is known, else
 * at least a bot. A marker and a label are easy to copy; a person's issue is never ours.
 */
export function isOwnIssue(issue: IssueRecord, creator: string | undefined): boolean {
  if (creator !== undefined) return issue.author?.toLowerCase() === creator.toLowerCase();
  return issue.authorType === "Bot";
}

/** The App's issue carrying `marker`: the open one with the lowest number, else the latest closed one. */
export function findOwnIssue(
  candidates: readonly IssueRecord[],
  marker: string,
  creator?: string,
): IssueRecord | undefined {
  const own = candidates.filter((issue) => issue.body.includes(marker) && isOwnIssue(issue, creator));
  const open = own.filter((issue) => issue.state === "open").sort((left, right) => left.number - right.number);
  if (open[0] !== undefined) return open[0];
  return own.sort((left, right) => right.number - left.number)[0];
}
