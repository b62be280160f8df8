import { describe, expect, it } from "@jest/globals";
import {
  filterRepositories,
  formatRepositoryQuery,
  PAGE_SIZE,
  parseRepositoryQuery,
  queryRepositories,
} from "../../src/dashboard/query-repositories.js";
import { generateOrganization, repositoryEntry } from "../helpers/dashboard-fixture.js";

const summaries = generateOrganization("acme", 120).map((entry) => entry.summary);

describe("parseRepositoryQuery", () => {
  it("reads filters, sort and page", () => {
    const query = parseRepositoryQuery(
      new URLSearchParams("q=repo-00&row-2=fail&type=data&license=MIT&sort=met&dir=desc&page=3"),
    );
    expect(query).toEqual({
      search: "repo-00",
      rows: { "2": "fail" },
      assetType: "data",
      license: "MIT",
      sort: "met",
      descending: true,
      page: 3,
    });
  });

  it("falls back to defaults on unknown values instead of failing", () => {
    const query = parseRepositoryQuery(new URLSearchParams("row-2=broken&row-99=fail&type=movie&sort=drop&page=-4"));
    expect(query).toEqual({ search: "", rows: {}, sort: "name", descending: false, page: 1 });
  });

  it("round-trips through formatRepositoryQuery", () => {
    const text = "?q=x&row-9a=review&type=software&license=none&sort=row-4&dir=desc&page=2";
    expect(formatRepositoryQuery(parseRepositoryQuery(new URLSearchParams(text.slice(1))))).toBe(text);
  });
});

describe("filterRepositories", () => {
  it("keeps only repositories whose rows have every chosen outcome", () => {
    const rows = filterRepositories(
      summaries,
      parseRepositoryQuery(new URLSearchParams("row-2=fail&row-3=not-applicable")),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.outcomes["2"]).toBe("fail");
      expect(row.outcomes["3"]).toBe("not-applicable");
    }
    const expected = summaries.filter((row) => row.outcomes["2"] === "fail" && row.outcomes["3"] === "not-applicable");
    expect(rows).toHaveLength(expected.length);
  });

  it("filters by licence, with 'none' for repositories without one, and searches names", () => {
    const none = filterRepositories(summaries, parseRepositoryQuery(new URLSearchParams("license=none")));
    expect(none.length).toBe(30);
    expect(none.every((row) => row.license === null)).toBe(true);
    const found = filterRepositories(summaries, parseRepositoryQuery(new URLSearchParams("q=REPO-011")));
    expect(found.map((row) => row.name)).toEqual([
      "repo-0110",
      "repo-0111",
      "repo-0112",
      "repo-0113",
      "repo-0114",
      "repo-0115",
      "repo-0116",
      "repo-0117",
      "repo-0118",
      "repo-0119",
    ]);
  });

  it("sorts by rows met, then by name, in either direction", () => {
    const rows = filterRepositories(summaries, parseRepositoryQuery(new URLSearchParams("sort=met&dir=desc")));
    for (let index = 1; index < rows.length; index += 1) {
      const previous = rows[index - 1]!;
      const current = rows[index]!;
      expect(previous.met >= current.met).toBe(true);
    }
  });

  it("sorts a row with the most work left first when descending", () => {
    const entries = [
      repositoryEntry("acme", 1, { name: "a", outcomes: { "4": "pass" } }),
      repositoryEntry("acme", 1, { name: "b", outcomes: { "4": "fail" } }),
      repositoryEntry("acme", 1, { name: "c", outcomes: { "4": "review" } }),
    ].map((entry) => entry.summary);
    const rows = filterRepositories(entries, parseRepositoryQuery(new URLSearchParams("sort=row-4&dir=desc")));
    expect(rows.map((row) => row.name)).toEqual(["b", "c", "a"]);
  });
});

describe("queryRepositories", () => {
  it("pages the matches and clamps a page past the end", () => {
    const first = queryRepositories(summaries, parseRepositoryQuery(new URLSearchParams()));
    expect(first).toMatchObject({ total: 120, page: 1, pages: Math.ceil(120 / PAGE_SIZE) });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    const last = queryRepositories(summaries, parseRepositoryQuery(new URLSearchParams("page=99")));
    expect(last.page).toBe(3);
    expect(last.rows).toHaveLength(120 - 2 * PAGE_SIZE);
  });
});
