// The narrow slice of an Octokit client the screener uses. Both Probot's ProbotOctokit and
// @octokit/rest's Octokit satisfy it (their full types are not assignable to each other),
// and the counting wrapper below measures GitHub requests per screen.

/** A REST response as far as the screener reads it. */
export interface GitHubResponse {
  status: number;
  data: unknown;
  headers: Record<string, string | number | undefined>;
}

/** Structural client: `request` for REST routes, `graphql` for queries. */
export interface GitHubClient {
  request(route: string, parameters?: Record<string, unknown>): Promise<GitHubResponse>;
  graphql(query: string, variables?: Record<string, unknown>): Promise<unknown>;
}

/** A client that counts the requests made through it. */
export interface CountingClient extends GitHubClient {
  /** REST and GraphQL requests made so far (retries and token requests are not counted). */
  readonly requestCount: number;
}

export function countRequests(client: GitHubClient): CountingClient {
  let count = 0;
  return {
    get requestCount() {
      return count;
    },
    request(route, parameters) {
      count += 1;
      return client.request(route, parameters);
    },
    graphql(query, variables) {
      count += 1;
      return client.graphql(query, variables);
    },
  };
}

/** The HTTP status of an Octokit error, when there is one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error && typeof error.status === "number")
    return error.status;
  return undefined;
}

/** An error's message without its stack, for logs and check-run summaries. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
