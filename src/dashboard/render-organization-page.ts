// The organisation page: counts, filters, the repositories × rows table, paging and exports.
import { OUTCOMES } from "../core/outcome.js";
import { ASSET_TYPES } from "../core/asset-type.js";
import type { RegisteredIndicatorId as IndicatorId } from "../indicators/registry.js";
import { OUTCOME_LABEL } from "../reporters/outcome-labels.js";
import { html, type SafeHtml } from "./html.js";
import { renderOutcome } from "./outcome-cell.js";
import { renderPage, type Viewer } from "./render-layout.js";
import { formatRepositoryQuery, type QueryResult, type RepositoryQuery, type SortKey } from "./query-repositories.js";
import { hasNoFailingRow, needsOnlyDeclarations, type RepositorySummary } from "./repository-summary.js";

export interface IndicatorHeading {
  id: IndicatorId;
  title: string;
}

export interface OrganizationPageInput {
  owner: string;
  /** Every repository the viewer may see (for the counts and the licence choices). */
  visible: readonly RepositorySummary[];
  result: QueryResult;
  query: RepositoryQuery;
  indicators: readonly IndicatorHeading[];
  viewer: Viewer;
}

export function renderOrganizationPage(input: OrganizationPageInput): string {
  const { owner, visible, result, query } = input;
  const base = `/dpg/orgs/${encodeURIComponent(owner)}`;
  const lastScreened = visible.reduce(
    (latest, summary) => (summary.screenedAt > latest ? summary.screenedAt : latest),
    "",
  );
  const noFailing = visible.filter(hasNoFailingRow).length;
  const onlyDeclarations = visible.filter(needsOnlyDeclarations).length;
  const licenses = [...new Set(visible.map((summary) => summary.license ?? "none"))].sort();
  const body = html` <h1>DPG readiness: ${owner}</h1>
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading">Totals</h2>
      <dl class="totals">
        <div>
          <dt>Repositories screened</dt>
          <dd>${visible.length}</dd>
        </div>
        <div>
          <dt>Last screen</dt>
          <dd>
            ${lastScreened === "" ? "never" : html`<time datetime="${lastScreened}">${lastScreened.replace("T", " ").slice(0, 16)} UTC</time>`}
          </dd>
        </div>
        <div>
          <dt>No failing row</dt>
          <dd>${noFailing}</dd>
        </div>
        <div>
          <dt>Need only declarations</dt>
          <dd>${onlyDeclarations}</dd>
        </div>
      </dl>
    </section>
    <section aria-labelledby="filters-heading">
      <h2 id="filters-heading">Filters</h2>
      <form method="get" action="${base}" class="filters">
        <p>
          <label for="q">Search repositories</label>
          <input id="q" name="q" type="search" value="${query.search}" />
        </p>
        <p>
          <label for="type">Asset type</label>
          <select id="type" name="type">
            <option value="">any</option>
            ${ASSET_TYPES.map((type) => html`<option value="${type}" ${query.assetType === type ? "selected" : ""}>${type}</option>`)}
          </select>
        </p>
        <p>
          <label for="license">Licence</label>
          <select id="license" name="license">
            <option value="">any</option>
            ${licenses.map((license) => html`<option value="${license}" ${query.license === license ? "selected" : ""}>${license}</option>`)}
          </select>
        </p>
        <fieldset>
          <legend>Outcome per row</legend>
          ${input.indicators.map(
            (indicator) =>
              html`<p>
                <label for="row-${indicator.id}">${indicator.id}. ${indicator.title}</label>
                <select id="row-${indicator.id}" name="row-${indicator.id}">
                  <option value="">any</option>
                  ${OUTCOMES.map((outcome) => html`<option value="${outcome}" ${query.rows[indicator.id] === outcome ? "selected" : ""}>${OUTCOME_LABEL[outcome]}</option>`)}
                </select>
              </p>`,
          )}
        </fieldset>
        <p>
          <label for="sort">Sort by</label>
          <select id="sort" name="sort">
            ${sortChoices(input.indicators).map(([key, label]) => html`<option value="${key}" ${query.sort === key ? "selected" : ""}>${label}</option>`)}
          </select>
          <label for="dir">Order</label>
          <select id="dir" name="dir">
            <option value="asc" ${query.descending ? "" : "selected"}>ascending</option>
            <option value="desc" ${query.descending ? "selected" : ""}>descending</option>
          </select>
        </p>
        <p><button type="submit">Apply</button> <a href="${base}">Clear filters</a></p>
      </form>
    </section>
    <section aria-labelledby="table-heading">
      <h2 id="table-heading">Repositories</h2>
      <p id="table-status" role="status">
        ${result.total} of ${visible.length} repositories match · page ${result.page} of ${result.pages} · export
        <a href="${base}/export.csv${formatRepositoryQuery(query, { page: 1 })}">CSV</a>,
        <a href="${base}/export.json${formatRepositoryQuery(query, { page: 1 })}">JSON</a>
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-heading">
        <table>
          <caption>
            Outcome of each DPG Standard row, latest screen of each repository
          </caption>
          <thead>
            <tr>
              ${header("Repository", "name", query, base)} ${header("Met", "met", query, base)}
              ${input.indicators.map((indicator) => header(indicator.id, `row-${indicator.id}`, query, base, indicator.title))}
              ${header("Screened", "screened", query, base)}
            </tr>
          </thead>
          <tbody>
            ${result.rows.map((summary) => renderRow(summary, input.indicators))}
          </tbody>
        </table>
      </div>
      ${renderPaging(result, query, base)}
    </section>`;
  return renderPage({
    title: `DPG readiness: ${owner}`,
    viewer: input.viewer,
    path: `${base}${formatRepositoryQuery(query)}`,
    body,
  });
}

function sortChoices(indicators: readonly IndicatorHeading[]): [SortKey, string][] {
  return [
    ["name", "repository name"],
    ["met", "rows met"],
    ["screened", "time of screen"],
    ...indicators.map((indicator): [SortKey, string] => [`row-${indicator.id}`, `row ${indicator.id}`]),
  ];
}

function header(label: string, key: SortKey, query: RepositoryQuery, base: string, title?: string): SafeHtml {
  const active = query.sort === key;
  const sort = active ? (query.descending ? "descending" : "ascending") : "none";
  const next = formatRepositoryQuery(query, { sort: key, descending: active ? !query.descending : false, page: 1 });
  const name = title === undefined ? label : html`<abbr title="${title}">${label}</abbr>`;
  return html`<th scope="col" aria-sort="${sort}">
    <a href="${base}${next}"
      >${name}<span class="visually-hidden"
        >, sort${active ? (query.descending ? " ascending" : " descending") : ""}</span
      ></a
    >
  </th>`;
}

function renderRow(summary: RepositorySummary, indicators: readonly IndicatorHeading[]): SafeHtml {
  const link = `/dpg/repos/${encodeURIComponent(summary.owner)}/${encodeURIComponent(summary.name)}`;
  return html`<tr>
    <th scope="row">
      <a href="${link}">${summary.name}</a>${summary.private ? html` <span class="tag">private</span>` : ""}
    </th>
    <td>${summary.met} of ${summary.rows}</td>
    ${indicators.map((indicator) => html`<td>${renderOutcome(summary.outcomes[indicator.id], { short: true })}</td>`)}
    <td><time datetime="${summary.screenedAt}">${summary.screenedAt.slice(0, 10)}</time></td>
  </tr>`;
}

function renderPaging(result: QueryResult, query: RepositoryQuery, base: string): SafeHtml {
  if (result.pages <= 1) return html``;
  const link = (page: number, label: string) =>
    html`<a
      href="${base}${formatRepositoryQuery(query, { page })}"
      ${page === result.page ? html`aria-current="page"` : ""}
      >${label}</a
    >`;
  const pages = [1, result.page - 1, result.page, result.page + 1, result.pages].filter(
    (page, index, all) => page >= 1 && page <= result.pages && all.indexOf(page) === index,
  );
  return html`<nav aria-label="Pages" class="paging">
    ${result.page > 1 ? link(result.page - 1, "Previous") : ""}
    ${pages.sort((a, b) => a - b).map((page) => link(page, String(page)))}
    ${result.page < result.pages ? link(result.page + 1, "Next") : ""}
  </nav>`;
}
