// The narrow view of GitHub issues that the ensure operations need (allstar's four-method
// interface, plus labels), so they can be tested against an in-memory fake; and its adapter
// to the App's GitHub client.
import { statusOf, type GitHubClient } from "../snapshot/github-client.js";
import { capCharacters, capIssueBody, MAX_ISSUE_TITLE_CHARACTERS } from "./github-limits.js";

/** The parts of a GitHub issue the App reads. */
export interface IssueRecord {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  /** Why it was closed; "not_planned" is a maintainer saying "don't bother me". */
  stateReason: string | null;
  url: string;
  /** Who opened it (`user.login`; "<slug>[bot]" for the App), when GitHub says. */
  author?: string;
  /** `user.type`: "Bot" for GitHub Apps, "User" for people. */
  authorType?: string;
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

/** Pages read at most when listing the App's issues (100 each); a label never has more in practice. */
export const MAX_ISSUE_PAGES = 10;

/** A label colour GitHub accepts (hex without "#"): the DPGA's blue. */
export const LABEL_COLOR = "0b5cad";

interface GitHubIssue {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  html_url: string;
  pull_request?: unknown;
  user?: { login?: string; type?: string } | null;
}

/** The issues of one repository through the App's GitHub client (REST, counted like every request). */
export function createGitHubIssuesClient(client: GitHubClient, target: { owner: string; repo: string }): IssuesClient {
  const base = { owner: target.owner, repo: target.repo };
  return {
    async listIssues(query) {
      const found: IssueRecord[] = [];
      for (let page = 1; page <= MAX_ISSUE_PAGES; page += 1) {
        const response = await client.request("GET /repos/{owner}/{repo}/issues", {
          ...base,
          labels: query.label,
          state: "all",
          ...(query.creator === undefined ? {} : { creator: query.creator }),
          per_page: 100,
          page,
        });
        const issues = response.data as GitHubIssue[];
        // The issues endpoint also returns pull requests; the App never writes those.
        for (const issue of issues) if (issue.pull_request === undefined) found.push(toRecord(issue));
        if (issues.length < 100) break;
      }
      return found;
    },
    async createIssue(issue) {
      const capped = { ...issue, title: capTitle(issue.title), body: capIssueBody(issue.body) };
      return toRecord(
        (await client.request("POST /repos/{owner}/{repo}/issues", { ...base, ...capped })).data as GitHubIssue,
      );
    },
    async updateIssue(number, changes) {
      const { stateReason, title, body, ...rest } = changes;
      const response = await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
        ...base,
        issue_number: number,
        ...rest,
        ...(title === undefined ? {} : { title: capTitle(title) }),
        ...(body === undefined ? {} : { body: capIssueBody(body) }),
        ...(stateReason === undefined ? {} : { state_reason: stateReason }),
      });
      return toRecord(response.data as GitHubIssue);
    },
    async createComment(number, body) {
      await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        ...base,
        issue_number: number,
        body: capIssueBody(body),
      });
    },
    async ensureLabel(name) {
      try {
        await client.request("POST /repos/{owner}/{repo}/labels", {
          ...base,
          name,
          color: LABEL_COLOR,
          description: "Opened by DPG Screener: what the DPG Standard still needs",
        });
      } catch (error) {
        // 422 "already_exists": someone (or an earlier screen) created it; keep their colour.
        if (statusOf(error) !== 422) throw error;
      }
    },
  };
}

/** GitHub's title limit; a title from the renderers never comes close, so a cut is a guard, not a format. */
function capTitle(title: string): string {
  return capCharacters(title, MAX_ISSUE_TITLE_CHARACTERS);
}

function toRecord(issue: GitHubIssue): IssueRecord {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    state: issue.state === "closed" ? "closed" : "open",
    stateReason: issue.state_reason ?? null,
    url: issue.html_url,
    ...(typeof issue.user?.login === "string" ? { author: issue.user.login } : {}),
    ...(typeof issue.user?.type === "string" ? { authorType: issue.user.type } : {}),
  };
}
