// An in-memory GitHub issues tracker behind the App's narrow IssuesClient interface. Every call
// yields to the event loop first, so concurrent screens interleave as they would against GitHub.
import type { IssueChanges, IssueRecord, IssuesClient } from "../../src/github/issues-client.js";

interface StoredIssue extends IssueRecord {
  labels: string[];
  creator: string;
}

export const APP_LOGIN = "dpg-screener[bot]";

export class FakeIssuesClient implements IssuesClient {
  readonly issues: StoredIssue[] = [];
  readonly labels = new Set<string>();
  readonly comments: { number: number; body: string }[] = [];
  /** Every write, in order, e.g. "create #1", "update #1 state=closed", "comment #1", "label dpg-screener". */
  readonly writes: string[] = [];
  /** When set, every call fails with this HTTP status, as GitHub does when issues are disabled. */
  failWith: number | undefined;

  async listIssues(query: { label: string; creator?: string }): Promise<IssueRecord[]> {
    await this.turn();
    return this.issues
      .filter(
        (issue) =>
          issue.labels.includes(query.label) && (query.creator === undefined || issue.creator === query.creator),
      )
      .map((issue) => this.record(issue));
  }

  async createIssue(issue: { title: string; body: string; labels: string[] }): Promise<IssueRecord> {
    await this.turn();
    const stored: StoredIssue = {
      ...issue,
      number: this.issues.length + 1,
      state: "open",
      stateReason: null,
      url: "",
      creator: APP_LOGIN,
    };
    stored.url = `https://github.com/octo-org/demo/issues/${stored.number}`;
    this.issues.push(stored);
    this.writes.push(`create #${stored.number}`);
    return this.record(stored);
  }

  async updateIssue(number: number, changes: IssueChanges): Promise<IssueRecord> {
    await this.turn();
    const stored = this.find(number);
    if (changes.title !== undefined) stored.title = changes.title;
    if (changes.body !== undefined) stored.body = changes.body;
    if (changes.state !== undefined) {
      stored.state = changes.state;
      stored.stateReason = changes.state === "open" ? "reopened" : (changes.stateReason ?? "completed");
    }
    this.writes.push(`update #${number}${changes.state === undefined ? "" : ` state=${changes.state}`}`);
    return this.record(stored);
  }

  async createComment(number: number, body: string): Promise<void> {
    await this.turn();
    this.find(number);
    this.comments.push({ number, body });
    this.writes.push(`comment #${number}`);
  }

  async ensureLabel(name: string): Promise<void> {
    await this.turn();
    this.labels.add(name);
    this.writes.push(`label ${name}`);
  }

  /** What a maintainer does in the UI: close an issue with a reason (no App write recorded). */
  closeAsHuman(number: number, stateReason: "completed" | "not_planned"): void {
    const stored = this.find(number);
    stored.state = "closed";
    stored.stateReason = stateReason;
  }

  /** An issue someone else opened, e.g. a human who copied the App's marker. */
  addIssue(issue: Partial<StoredIssue> & { body: string }): StoredIssue {
    const stored: StoredIssue = {
      number: this.issues.length + 1,
      title: "An issue",
      state: "open",
      stateReason: null,
      url: "",
      labels: [],
      creator: "octocat",
      ...issue,
    };
    this.issues.push(stored);
    return stored;
  }

  issue(number: number): StoredIssue {
    return this.find(number);
  }

  private find(number: number): StoredIssue {
    const stored = this.issues.find((issue) => issue.number === number);
    if (stored === undefined) throw Object.assign(new Error(`Not Found: issue #${number}`), { status: 404 });
    return stored;
  }

  private record(issue: StoredIssue): IssueRecord {
    return {
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      stateReason: issue.stateReason,
      url: issue.url,
      author: issue.creator,
      authorType: issue.creator.endsWith("[bot]") ? "Bot" : "User",
    };
  }

  private async turn(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failWith !== undefined)
      throw Object.assign(
        new Error(
          this.failWith === 410 ? "Issues are disabled for this repo" : "Resource not accessible by integration",
        ),
        { status: this.failWith },
      );
  }
}
