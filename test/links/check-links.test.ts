import { createWebMock, type WebMock } from "../helpers/github-mock.js";
import { checkLinks, createLinkCache } from "../../src/links/check-links.js";

const SITE = "https://docs.example.org";
let web: WebMock;
beforeEach(() => {
  web = createWebMock(SITE);
});
afterEach(() => web.verify());

describe("checkLinks", () => {
  test("a 200 to HEAD is a working link, and no body is requested", async () => {
    web.head("/guide", 200);
    expect(await checkLinks([`${SITE}/guide`])).toEqual([{ url: `${SITE}/guide`, ok: true, status: 200 }]);
  });

  test("a 404 is broken, with its status", async () => {
    web.head("/gone", 404);
    expect(await checkLinks([`${SITE}/gone`])).toEqual([{ url: `${SITE}/gone`, ok: false, status: 404 }]);
  });

  test("a server that refuses HEAD with 405 is asked with GET", async () => {
    web.head("/form", 405);
    web.get("/form", 200);
    expect(await checkLinks([`${SITE}/form`])).toEqual([{ url: `${SITE}/form`, ok: true, status: 200 }]);
  });

  test("redirects are followed, relative ones too, and the final address is reported", async () => {
    web.head("/old", 301, { location: "/new" });
    web.head("/new", 200);
    expect(await checkLinks([`${SITE}/old`])).toEqual([
      { url: `${SITE}/old`, ok: true, status: 200, finalUrl: `${SITE}/new` },
    ]);
  });

  test("more redirects than the limit is broken", async () => {
    web.head("/loop", 302, { location: "/loop" }, 3);
    expect(await checkLinks([`${SITE}/loop`], { maxRedirects: 2 })).toEqual([
      { url: `${SITE}/loop`, ok: false, status: 302, error: "more than 2 redirects" },
    ]);
  });

  test("a link that does not answer in time is broken, with the timeout", async () => {
    web.head("/slow", 200, {}, 1, 2_000);
    expect(await checkLinks([`${SITE}/slow`], { timeoutMs: 50 })).toEqual([
      { url: `${SITE}/slow`, ok: false, error: "no answer within 50 ms" },
    ]);
  });

  test("what is not an http(s) URL is reported without any request", async () => {
    expect(await checkLinks(["LICENSE", "ftp://example.org/x"])).toEqual([
      { url: "LICENSE", ok: false, error: "not a URL (a public http(s) link is needed)" },
      { url: "ftp://example.org/x", ok: false, error: "not an http(s) URL (ftp)" },
    ]);
  });

  test("a URL is fetched once per run, however often and by however many checks it is cited", async () => {
    web.head("/once", 200);
    const cache = createLinkCache();
    const first = await checkLinks([`${SITE}/once`, `${SITE}/once`], { cache });
    const second = await checkLinks([`${SITE}/once`], { cache });
    expect(first).toHaveLength(2);
    expect(second[0]?.ok).toBe(true);
  });

  test("never more requests in flight than the concurrency", async () => {
    let inFlight = 0;
    let most = 0;
    const fakeFetch = (async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return new Response(null, { status: 200 });
    }) as typeof fetch;
    const urls = Array.from({ length: 20 }, (_, index) => `${SITE}/page-${index}`);
    const results = await checkLinks(urls, { concurrency: 3, fetch: fakeFetch });
    expect(results.every((result) => result.ok)).toBe(true);
    expect(most).toBe(3);
  });
});

test("a network failure is broken, with the system's reason", async () => {
  const failing = (async () => {
    throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
  }) as typeof fetch;
  expect(await checkLinks(["https://down.example.org/"], { fetch: failing })).toEqual([
    { url: "https://down.example.org/", ok: false, error: "ECONNREFUSED" },
  ]);
});
