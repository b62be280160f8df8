// Checks that the links a DPGA draft cites answer, before a maintainer submits it: reviewers send
// applications back for broken evidence links. HEAD first (GET when the server refuses HEAD with
// 405), redirects followed up to a limit, one timeout per link, a bounded number of requests at
// once, and each URL checked once per run. The only module that fetches links; nothing calls it
// unless asked (`--check-links`).

export interface LinkCheckOptions {
  /** Per link, redirects included. */
  timeoutMs?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  maxRedirects?: number;
  /** Shared by every check of one run, so a URL cited by several drafts is fetched once. */
  cache?: LinkCache;
  fetch?: typeof fetch;
}

export type LinkCache = Map<string, Promise<LinkStatus>>;

/** What one URL answered. `ok` is a 2xx at the end of the redirects. */
export interface LinkStatus {
  url: string;
  ok: boolean;
  /** The last HTTP status, when there was one. */
  status?: number;
  /** Why there is no usable answer: timeout, too many redirects, not an http(s) URL, a network error. */
  error?: string;
  /** Where the redirects ended, when they moved. */
  finalUrl?: string;
}

export const DEFAULT_TIMEOUT_MS = 5_000;
export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_MAX_REDIRECTS = 5;

export function createLinkCache(): LinkCache {
  return new Map();
}

/** Checks every URL (each once), at most `concurrency` at a time; results in the order given. */
export async function checkLinks(urls: readonly string[], options: LinkCheckOptions = {}): Promise<LinkStatus[]> {
  const cache = options.cache ?? createLinkCache();
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const unique = [...new Set(urls)];
  const results = new Map<string, LinkStatus>();
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const url = unique[next] as string;
      next += 1;
      let pending = cache.get(url);
      if (pending === undefined) cache.set(url, (pending = checkLink(url, options)));
      results.set(url, await pending);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, worker));
  return urls.map((url) => results.get(url) as LinkStatus);
}

async function checkLink(url: string, options: LinkCheckOptions): Promise<LinkStatus> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url, ok: false, error: "not a URL (a public http(s) link is needed)" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return { url, ok: false, error: `not an http(s) URL (${parsed.protocol.replace(/:$/, "")})` };
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = parsed.href;
  try {
    for (let redirects = 0; ; redirects += 1) {
      let response = await request(doFetch, current, "HEAD", signal);
      if (response.status === 405) response = await request(doFetch, current, "GET", signal);
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location !== null) {
        if (redirects >= maxRedirects)
          return { url, ok: false, status: response.status, error: `more than ${maxRedirects} redirects` };
        current = new URL(location, current).href;
        continue;
      }
      const moved = current === parsed.href ? {} : { finalUrl: current };
      return { url, ok: response.status >= 200 && response.status < 300, status: response.status, ...moved };
    }
  } catch (error) {
    if (signal.aborted) return { url, ok: false, error: `no answer within ${timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { url, ok: false, error: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

async function request(doFetch: typeof fetch, url: string, method: "HEAD" | "GET", signal: AbortSignal) {
  const response = await doFetch(url, {
    method,
    redirect: "manual",
    signal,
    headers: { "user-agent": "dpg-screener link check" },
  });
  // Only the status matters: never read a body.
  await response.body?.cancel().catch(() => undefined);
  return response;
}
