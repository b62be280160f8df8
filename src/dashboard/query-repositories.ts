// The organisation table's filters, sorting and paging, from the page's query string. Pure and
// linear in the number of repositories (one filter pass, one sort), so 10,000 rows stay fast.
import { INDICATOR_IDS, type RegisteredIndicatorId as IndicatorId } from "../indicators/registry.js";
import { OUTCOMES, type Outcome } from "../core/outcome.js";
import { ASSET_TYPES, type AssetType } from "../core/asset-type.js";
import type { RepositorySummary } from "./repository-summary.js";

export const PAGE_SIZE = 50;
/** Longest search text kept; a longer query string is cut, not refused. */
const MAX_SEARCH_LENGTH = 200;

export const SORT_KEYS = ["name", "met", "screened", ...INDICATOR_IDS.map((id) => `row-${id}` as const)] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface RepositoryQuery {
  search: string;
  /** Only repositories whose row has this outcome. */
  rows: Partial<Record<IndicatorId, Outcome>>;
  assetType?: AssetType;
  license?: string;
  sort: SortKey;
  descending: boolean;
  /** 1-based. */
  page: number;
}

export interface QueryResult {
  rows: RepositorySummary[];
  total: number;
  page: number;
  pages: number;
}

/** Reads a query string; unknown or malformed values fall back to the defaults. */
export function parseRepositoryQuery(params: URLSearchParams): RepositoryQuery {
  const rows: Partial<Record<IndicatorId, Outcome>> = {};
  for (const id of INDICATOR_IDS) {
    const value = params.get(`row-${id}`);
    if (value !== null && (OUTCOMES as readonly string[]).includes(value)) rows[id] = value as Outcome;
  }
  const assetType = params.get("type");
  const license = params.get("license");
  const sort = params.get("sort");
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    search: (params.get("q") ?? "").trim().slice(0, MAX_SEARCH_LENGTH),
    rows,
    ...(assetType !== null && (ASSET_TYPES as readonly string[]).includes(assetType)
      ? { assetType: assetType as AssetType }
      : {}),
    ...(license !== null && license !== "" ? { license: license.slice(0, MAX_SEARCH_LENGTH) } : {}),
    sort: sort !== null && (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : "name",
    descending: params.get("dir") === "desc",
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The query as a query string, with `changes` applied (for sort links and paging). */
export function formatRepositoryQuery(query: RepositoryQuery, changes: Partial<RepositoryQuery> = {}): string {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  if (merged.search !== "") params.set("q", merged.search);
  for (const [id, outcome] of Object.entries(merged.rows)) params.set(`row-${id}`, outcome);
  if (merged.assetType !== undefined) params.set("type", merged.assetType);
  if (merged.license !== undefined) params.set("license", merged.license);
  if (merged.sort !== "name") params.set("sort", merged.sort);
  if (merged.descending) params.set("dir", "desc");
  if (merged.page !== 1) params.set("page", String(merged.page));
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** Every repository that matches the filters, sorted, without paging (exports use this). */
export function filterRepositories(
  summaries: readonly RepositorySummary[],
  query: RepositoryQuery,
): RepositorySummary[] {
  const search = query.search.toLowerCase();
  const rowFilters = Object.entries(query.rows) as [IndicatorId, Outcome][];
  const matched = summaries.filter(
    (summary) =>
      (search === "" || summary.name.toLowerCase().includes(search)) &&
      (query.assetType === undefined || summary.assetTypes.includes(query.assetType)) &&
      (query.license === undefined || (summary.license ?? "none") === query.license) &&
      rowFilters.every(([id, outcome]) => summary.outcomes[id] === outcome),
  );
  const compare = comparatorFor(query.sort);
  const direction = query.descending ? -1 : 1;
  return matched.sort((a, b) => direction * compare(a, b) || byName(a.name, b.name));
}

export function queryRepositories(summaries: readonly RepositorySummary[], query: RepositoryQuery): QueryResult {
  const matched = filterRepositories(summaries, query);
  const pages = Math.max(1, Math.ceil(matched.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  return { rows: matched.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: matched.length, page, pages };
}

/** One collator for all comparisons: `localeCompare` builds one per call, which dominates a 10,000-row sort. */
const byName = new Intl.Collator("en").compare;

/** Order of outcomes when sorting by a row: the most work left first when descending. */
const OUTCOME_RANK: Record<Outcome, number> = {
  pass: 0,
  "not-applicable": 1,
  attested: 2,
  review: 3,
  error: 4,
  fail: 5,
};

function comparatorFor(sort: SortKey): (a: RepositorySummary, b: RepositorySummary) => number {
  if (sort === "name") return (a, b) => byName(a.name, b.name);
  if (sort === "met") return (a, b) => a.met - b.met;
  if (sort === "screened") return (a, b) => (a.screenedAt < b.screenedAt ? -1 : a.screenedAt > b.screenedAt ? 1 : 0);
  const id = sort.slice("row-".length) as IndicatorId;
  return (a, b) => rankOf(a.outcomes[id]) - rankOf(b.outcomes[id]);
}

function rankOf(outcome: Outcome | undefined): number {
  return outcome === undefined ? -1 : OUTCOME_RANK[outcome];
}
