// The narrow view of GitHub issues that the ensure operations need (allstar's four-method
// interface, plus labels), so they can be tested against an in-memory fake.

/** The parts of a GitHub issue the App reads. */
export interface IssueRecord {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  /** Why it was closed; "not_planned" is a maintainer saying "don't bother me". */
  stateReason: string | null;
  url: string;
}

export interface IssueChanges {
  title?: string;
  body?: string;
  state?: "open" | "closed";
  stateReason?: "completed" | "not_planned" | "reopened";
}

/** Issues of one repository. Errors carry the HTTP `status` (410 when issues are disabled). */
export interface IssuesClient {
  /** Issues (never pull requests) with `label`, open and closed, optionally only those by `creator`. */
  listIssues(query: { label: string; creator?: string }): Promise<IssueRecord[]>;
  createIssue(issue: { title: string; body: string; labels: string[] }): Promise<IssueRecord>;
  updateIssue(number: number, changes: IssueChanges): Promise<IssueRecord>;
  createComment(number: number, body: string): Promise<void>;
  /** Creates the label if it does not exist; an existing label is left as it is. */
  ensureLabel(name: string): Promise<void>;
}

/** The same client, asking GitHub for the label at most once (a screen may open several issues). */
export function withLabelEnsuredOnce(issues: IssuesClient): IssuesClient {
  const ensured = new Map<string, Promise<void>>();
  return {
    listIssues: (query) => issues.listIssues(query),
    createIssue: (issue) => issues.createIssue(issue),
    updateIssue: (number, changes) => issues.updateIssue(number, changes),
    createComment: (number, body) => issues.createComment(number, body),
    ensureLabel(name) {
      const pending = ensured.get(name) ?? issues.ensureLabel(name);
      ensured.set(name, pending);
      return pending;
    },
  };
}
