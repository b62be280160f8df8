// The pages as a user and a browser get them: security headers, escaped repository text, outcomes
// in words, evidence linked at the screened commit, badges with ETags, exports.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  generateOrganization,
  repositoryEntry,
  serveDashboard,
  type ServedDashboard,
} from "../helpers/dashboard-fixture.js";
import { csvCell } from "../../src/dashboard/render-export.js";
import { renderBadge } from "../../src/dashboard/render-badge.js";

const hostile = repositoryEntry("acme", 1, { name: "evil", outcomes: { "2": "fail" } });
hostile.report.results[0]!.summary = '<img src=x onerror="alert(1)"> @everyone';
hostile.report.results[1]!.evidence = [
  { path: "docs/<b>.md", line: 3, note: "</pre><script>alert(2)</script>" },
  { url: "javascript:alert(3)", note: "a link that is not http" },
  { url: "https://example.org/policy", note: "policy" },
];
hostile.report.results[2]!.summary = '=HYPERLINK("https://evil")';
hostile.summary.checkRunUrl = "https://github.com/acme/evil/runs/5";
hostile.summary.issueUrl = "https://github.com/acme/evil/issues/12";

describe("dashboard pages", () => {
  let dashboard: ServedDashboard;
  beforeAll(async () => {
    dashboard = await serveDashboard([...generateOrganization("acme", 60), hostile], {
      publicBase: "https://dpg.example.org",
    });
  });
  afterAll(() => dashboard.close());

  const get = (path: string, init: RequestInit = {}) => fetch(`${dashboard.url}${path}`, init);
  /** The page with whitespace between tags removed, so assertions do not depend on indentation. */
  const page = async (path: string) =>
    (await (await get(path)).text()).replace(/\s+/g, " ").replace(/> </g, "><").replace(/ >/g, ">");

  it("sends security headers on every page", async () => {
    for (const path of ["/dpg", "/dpg/orgs/acme", "/dpg/repos/acme/evil", "/dpg/nowhere", "/dpg/badge/acme/evil.svg"]) {
      const response = await get(path);
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("lists the organisation with totals, outcomes in words and paging", async () => {
    const html = await page("/dpg/orgs/acme");
    expect(html).toContain("<dt>Repositories screened</dt><dd>61</dd>");
    expect(html).toContain(
      '<span class="outcome fail" title="missing"><span aria-hidden="true">✘</span> missing</span>',
    );
    expect(html).toContain('<nav aria-label="Pages" class="paging">');
    expect(html).toContain('<th scope="col" aria-sort="ascending">');
    expect(html).toMatch(/61 of 61 repositories match · page 1 of 2/);
  });

  it("escapes repository text and links only http(s) evidence, at the screened commit", async () => {
    const html = await page("/dpg/repos/acme/evil");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain("<script>alert(2)");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("<code>javascript:alert(3)</code>");
    expect(html).toContain('href="https://example.org/policy"');
    expect(html).toContain(`href="https://github.com/acme/evil/blob/${hostile.summary.commit}/docs/%3Cb%3E.md#L3"`);
    expect(html).toContain('<li><a href="https://github.com/acme/evil/runs/5">Check run</a></li>');
    expect(html).toContain('<li><a href="https://github.com/acme/evil/issues/12">Tracking issue</a></li>');
    expect(html).toContain(
      "[![DPG Standard](https://dpg.example.org/dpg/badge/acme/evil.svg)](https://dpg.example.org/dpg/repos/acme/evil)",
    );
  });

  it("shows the DPGA draft and the history with a table beside the chart", async () => {
    const html = await page("/dpg/repos/acme/repo-0001");
    expect(html).toContain("DPGA application draft");
    expect(html).toMatch(/<script type="application\/json" id="history-data">\s*\[\[1793491200,/);
    expect(html).toMatch(/<caption>\s*Rows met per screen\s*<\/caption>/);
    expect(html).toContain('<script src="/dpg/assets/uPlot.iife.min.js" defer></script>');
    const script = await get("/dpg/assets/history-chart.js");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await get("/dpg/assets/uPlot.iife.min.js")).status).toBe(200);
    expect((await get("/dpg/assets/..%2Fpackage.json")).status).toBe(404);
  });

  it("serves a cacheable badge with an ETag and answers 304 when unchanged", async () => {
    const first = await get("/dpg/badge/acme/evil.svg");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    const svg = await first.text();
    expect(svg).toContain("<title>DPG Standard: 10 of 11 met</title>");
    const etag = first.headers.get("etag") ?? "";
    const again = await get("/dpg/badge/acme/evil.svg", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect((await get("/dpg/badge/acme/unknown.svg")).status).toBe(404);
  });

  it("exports the filtered table as CSV and JSON, neutralising formulas", async () => {
    const csv = await (await get("/dpg/orgs/acme/export.csv?row-2=fail")).text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "repository,private,commit,screened_at,met,rows,asset_types,license,row_1,row_2,row_3,row_4,row_5,row_6,row_7,row_8,row_9a,row_9b,row_9c",
    );
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((line) => line.split(",")[9] === "fail")).toBe(true);
    const json = JSON.parse(await (await get("/dpg/orgs/acme/export.json?q=evil")).text()) as { repository: string }[];
    expect(json.map((row) => row.repository)).toEqual(["acme/evil"]);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("plain")).toBe("plain");
  });

  it("answers unknown paths, methods and owners honestly", async () => {
    expect((await get("/dpg/orgs/nobody")).status).toBe(404);
    expect((await get("/dpg/orgs/acme", { method: "POST" })).status).toBe(405);
    expect((await get("/dpg/repos/%E0%A4%A")).status).toBe(404);
    expect((await get("/elsewhere")).status).toBe(404);
    expect(await (await get("/elsewhere")).text()).toBe("not the dashboard");
  });
});

describe("renderBadge", () => {
  it("colours by the worst outcome and says the same in words", () => {
    const met = repositoryEntry("a", 1, { name: "m" }).summary;
    const review = repositoryEntry("a", 1, { name: "r", outcomes: { "1": "review" } }).summary;
    const failing = repositoryEntry("a", 1, { name: "f", outcomes: { "2": "fail" } }).summary;
    expect(renderBadge(met)).toContain('fill="#1a7f37"');
    expect(renderBadge(review)).toContain('fill="#9a6700"');
    expect(renderBadge(failing)).toContain('fill="#cf222e"');
    expect(renderBadge(undefined)).toContain('aria-label="DPG Standard: not screened"');
  });
});
