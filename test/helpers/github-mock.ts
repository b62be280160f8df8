// THE HTTP-mock entry point for tests (eslint forbids importing nock anywhere else in test/).
// No network; `verify()` fails on any request nobody expected and on any expectation unused.
// Request bodies are captured in nock's matcher (which must never throw) and asserted after.
import { Readable } from "node:stream";
import nock from "nock";

export const API = "https://api.github.com";

export interface Captured {
  method: string;
  path: string;
  body: unknown;
}

export interface BlobFile {
  text: string | null;
  byteSize?: number;
  isBinary?: boolean;
  isTruncated?: boolean;
}

export interface GitHubMock {
  /** Every request body seen by the helpers below, in order. */
  readonly captured: Captured[];
  installationToken(installationId: number): void;
  /**
   * `.github/dpg.yml` of a repository: text, or 404 when undefined. `chunked` streams it in 64 KiB
   * chunks without a content-length, as GitHub does for compressed responses.
   */
  configFile(
    owner: string,
    repo: string,
    text: string | undefined,
    options?: { status?: number; chunked?: boolean },
  ): void;
  tree(
    owner: string,
    repo: string,
    sha: string,
    files: Record<string, number>,
    options?: { truncated?: boolean; status?: number; headers?: Record<string, string> },
  ): void;
  /** Answers one GraphQL blob query from `files` (paths absent from it are null). */
  blobs(
    files: Record<string, BlobFile>,
    options?: { errors?: { alias: string; message: string }[]; status?: number; noRepository?: boolean },
  ): void;
  /** Answers one GraphQL repository-head lookup. */
  repositoryHead(head: {
    owner: string;
    name: string;
    oid: string | null;
    archived?: boolean;
    fork?: boolean;
    private?: boolean;
  }): void;
  /**
   * `count` GraphQL queries, none answered until all `count` have arrived: a client that sends
   * them one at a time never gets an answer (the test then times out).
   */
  heldGraphql(count: number): void;
  createCheckRun(owner: string, repo: string, id: number, options?: { status?: number }): void;
  updateCheckRun(owner: string, repo: string, id: number, times?: number, options?: { status?: number }): void;
  listInstallationRepositories(repositories: { full_name: string; archived?: boolean }[]): void;
  /**
   * `pages` full listing pages, each of 100 repositories named `owner/repo-N`, whose total_count
   * is `total` (by default one more than the pages hold: more than the App reads).
   */
  endlessInstallationRepositories(owner: string, pages: number, archived: boolean, total?: number): void;
  /**
   * Issues: any other REST request, answered once with `status` and `body`; the request
   * body is captured. `query` true accepts any query string; `times` answers that many requests;
   * a function body is called with the request body; `headers` are the response's.
   */
  reply(
    method: "GET" | "POST" | "PATCH",
    path: string,
    status: number,
    body: unknown,
    options?: { query?: Record<string, string> | true; times?: number; headers?: Record<string, string> },
  ): void;
  /** Bodies captured for requests whose method and path match. */
  bodies(method: string, pathPattern: RegExp): unknown[];
  /** Throws when a request was not expected or an expectation was not used; then resets. */
  verify(): void;
}

export function createGitHubMock(baseUrl: string = API): GitHubMock {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  const unexpected: string[] = [];
  const onNoMatch = (request: {
    method?: string;
    path?: string;
    host?: string;
    hostname?: string;
    options?: { method?: string; path?: string; host?: string; hostname?: string };
  }) => {
    const host = request.hostname ?? request.host ?? request.options?.hostname ?? request.options?.host ?? "";
    if (host.startsWith("127.0.0.1")) return; // a test's own local server, allowed below
    unexpected.push(
      `${request.method ?? request.options?.method ?? "?"} ${request.path ?? request.options?.path ?? "?"}`,
    );
  };
  nock.emitter.on("no match", onNoMatch);
  const scope = nock(baseUrl);
  const captured: Captured[] = [];
  const capture = (method: string, path: string) => (body: unknown) => {
    captured.push({ method, path, body });
    return true;
  };

  return {
    captured,
    installationToken(installationId) {
      scope
        .post(`/app/installations/${installationId}/access_tokens`)
        .reply(201, { token: "test-installation-token", expires_at: "2999-01-01T00:00:00Z", permissions: {} });
    },
    configFile(owner, repo, text, options = {}) {
      const path = `/repos/${owner}/${repo}/contents/${encodeURIComponent(".github/dpg.yml")}`;
      if (options.status !== undefined) scope.get(path).reply(options.status, { message: "Server Error" });
      else if (text === undefined) scope.get(path).reply(404, { message: "Not Found" });
      else if (options.chunked === true)
        scope
          .get(path)
          .reply(
            200,
            () =>
              Readable.from(
                Array.from({ length: Math.ceil(text.length / 65_536) }, (_, index) =>
                  text.slice(index * 65_536, (index + 1) * 65_536),
                ),
              ),
            { "content-type": "application/vnd.github.raw; charset=utf-8" },
          );
      else
        scope.get(path).reply(200, text, {
          "content-type": "application/vnd.github.raw; charset=utf-8",
          "content-length": String(Buffer.byteLength(text)),
        });
    },
    tree(owner, repo, sha, files, options = {}) {
      const interceptor = scope.get(`/repos/${owner}/${repo}/git/trees/${sha}`).query({ recursive: "1" });
      if (options.status !== undefined) {
        interceptor.reply(options.status, { message: "Server Error" });
        return;
      }
      const tree = Object.entries(files).map(([path, size]) => ({
        path,
        mode: "100644",
        type: "blob",
        sha: "0".repeat(40),
        size,
      }));
      interceptor.reply(200, { sha, tree, truncated: options.truncated ?? false }, options.headers);
    },
    blobs(files, options = {}) {
      scope.post("/graphql", capture("POST", "/graphql")).reply(options.status ?? 200, (_uri, body) => {
        if (options.status !== undefined) return { message: "Bad gateway" };
        if (options.noRepository === true) return { data: { repository: null } };
        const variables = (body as { variables: Record<string, string> }).variables;
        const repository: Record<string, unknown> = {};
        for (const [name, value] of Object.entries(variables)) {
          if (!/^e\d+$/.test(name)) continue;
          const path = value.slice(value.indexOf(":") + 1);
          const file = files[path];
          const alias = `f${name.slice(1)}`;
          repository[alias] =
            file === undefined
              ? null
              : {
                  text: file.text,
                  byteSize: file.byteSize ?? Buffer.byteLength(file.text ?? ""),
                  isBinary: file.isBinary ?? false,
                  isTruncated: file.isTruncated ?? false,
                };
        }
        for (const error of options.errors ?? []) repository[error.alias] = null;
        const errors = (options.errors ?? []).map((error) => ({
          type: "SOMETHING",
          path: ["repository", error.alias],
          message: error.message,
        }));
        return errors.length > 0 ? { data: { repository }, errors } : { data: { repository } };
      });
    },
    repositoryHead(head) {
      scope.post("/graphql", capture("POST", "/graphql")).reply(200, {
        data: {
          repository: {
            name: head.name,
            nameWithOwner: `${head.owner}/${head.name}`,
            description: "A test repository",
            homepageUrl: null,
            url: `https://github.com/${head.owner}/${head.name}`,
            isArchived: head.archived ?? false,
            isFork: head.fork ?? false,
            isPrivate: head.private ?? false,
            hasIssuesEnabled: true,
            owner: { __typename: "User" },
            repositoryTopics: { nodes: [] },
            // A null oid is an empty repository: no default branch yet.
            defaultBranchRef: head.oid === null ? null : { name: "main", target: { oid: head.oid } },
          },
        },
      });
    },
    heldGraphql(count) {
      const waiting: ((error: null, reply: [number, Record<string, unknown>]) => void)[] = [];
      scope
        .post("/graphql", capture("POST", "/graphql"))
        .times(count)
        .reply((_uri, _body, callback) => {
          waiting.push(callback);
          if (waiting.length === count) for (const answer of waiting) answer(null, [200, { data: { viewer: null } }]);
        });
    },
    createCheckRun(owner, repo, id, options = {}) {
      const path = `/repos/${owner}/${repo}/check-runs`;
      scope
        .post(path, capture("POST", path))
        .reply(
          options.status ?? 201,
          options.status === undefined ? { id } : { message: "Resource not accessible by integration" },
        );
    },
    updateCheckRun(owner, repo, id, times = 1, options = {}) {
      const path = `/repos/${owner}/${repo}/check-runs/${id}`;
      scope
        .patch(path, capture("PATCH", path))
        .times(times)
        .reply(options.status ?? 200, options.status === undefined ? { id } : { message: "Validation Failed" });
    },
    listInstallationRepositories(repositories) {
      scope
        .get("/installation/repositories")
        .query({ per_page: "100" })
        .reply(200, { total_count: repositories.length, repositories });
    },
    endlessInstallationRepositories(owner, pages, archived, total = pages * 100 + 1) {
      const repositories = Array.from({ length: 100 }, (_, index) => ({
        full_name: `${owner}/repo-${index}`,
        archived,
      }));
      scope.get("/installation/repositories").query(true).times(pages).reply(200, { total_count: total, repositories });
    },
    reply(method, path, status, body, options = {}) {
      const matcher = method === "GET" ? undefined : capture(method, path);
      const interceptor =
        method === "GET" ? scope.get(path) : method === "POST" ? scope.post(path, matcher) : scope.patch(path, matcher);
      if (options.query !== undefined) interceptor.query(options.query);
      if (options.times !== undefined) interceptor.times(options.times);
      if (typeof body === "function")
        interceptor.reply(
          status,
          (_uri, requestBody) => (body as (requestBody: unknown) => nock.Body)(requestBody),
          options.headers,
        );
      else interceptor.reply(status, body as nock.Body, options.headers);
    },
    bodies(method, pathPattern) {
      return captured.filter((item) => item.method === method && pathPattern.test(item.path)).map((item) => item.body);
    },
    verify() {
      const pending = nock.pendingMocks();
      nock.emitter.removeListener("no match", onNoMatch);
      nock.cleanAll();
      nock.enableNetConnect();
      const problems = [
        ...unexpected.map((request) => `unexpected request: ${request}`),
        ...pending.map((mock) => `expected but not requested: ${mock}`),
      ];
      if (problems.length > 0) throw new Error(`GitHub mock:\n${problems.join("\n")}`);
    },
  };
}

/** A mocked web site other than GitHub's API (evidence links), as loud as the GitHub mock. */
export interface WebMock {
  /** Answers HEAD `path` with `status` (and headers such as location), `times` times, after `delayMs`. */
  head(path: string, status: number, headers?: Record<string, string>, times?: number, delayMs?: number): void;
  get(path: string, status: number, headers?: Record<string, string>): void;
  /** Throws when a request was not expected or an expectation was not used; then resets. */
  verify(): void;
}

export function createWebMock(origin: string): WebMock {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  const unexpected: string[] = [];
  const onNoMatch = (request: { method?: string; path?: string; options?: { method?: string; path?: string } }) => {
    unexpected.push(
      `${request.method ?? request.options?.method ?? "?"} ${request.path ?? request.options?.path ?? "?"}`,
    );
  };
  nock.emitter.on("no match", onNoMatch);
  const scope = nock(origin);
  return {
    head(path, status, headers = {}, times = 1, delayMs = 0) {
      scope.head(path).times(times).delay(delayMs).reply(status, undefined, headers);
    },
    get(path, status, headers = {}) {
      scope.get(path).reply(status, "", headers);
    },
    verify() {
      const pending = nock.pendingMocks();
      nock.emitter.removeListener("no match", onNoMatch);
      nock.cleanAll();
      nock.enableNetConnect();
      const problems = [
        ...unexpected.map((request) => `unexpected request: ${request}`),
        ...pending.map((mock) => `expected but not requested: ${mock}`),
      ];
      if (problems.length > 0) throw new Error(`Web mock:\n${problems.join("\n")}`);
    },
  };
}
