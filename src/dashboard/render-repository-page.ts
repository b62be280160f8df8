// One repository's page: the latest report as the check run shows it (evidence linked to the files
// at the screened commit, fixes), the DPGA application draft, links to the check run and the
// tracking issue, the history of met rows as a chart (with a table for screen readers), and
// the badge snippet.
import { isMet } from "../core/outcome.js";
import type { Evidence } from "../core/indicator.js";
import type { IndicatorResult, Report } from "../core/report.js";
import { renderHeadline } from "../reporters/markdown.js";
import { renderDpgaMarkdown } from "../reporters/dpga.js";
import type { HistoryPoint } from "./dashboard-source.js";
import { html, safeHref, trusted, type SafeHtml } from "./html.js";
import { renderOutcome } from "./outcome-cell.js";
import { ASSET_BASE, renderPage, type Viewer } from "./render-layout.js";
import type { RepositorySummary } from "./repository-summary.js";

export interface RepositoryPageInput {
  summary: RepositorySummary;
  report: Report;
  history: readonly HistoryPoint[];
  viewer: Viewer;
  /** Absolute address of the dashboard, for the badge snippet, e.g. https://dpg.example.org */
  publicBase: string;
}

export function renderRepositoryPage(input: RepositoryPageInput): string {
  const { summary, report } = input;
  const fullName = `${summary.owner}/${summary.name}`;
  const path = `/dpg/repos/${encodeURIComponent(summary.owner)}/${encodeURIComponent(summary.name)}`;
  const repositoryUrl = safeHref(report.repository.url);
  const fileBase =
    repositoryUrl === undefined
      ? undefined
      : `${repositoryUrl.replace(/\/$/, "")}/blob/${encodeURIComponent(summary.commit)}/`;
  const body = html` <p><a href="/dpg/orgs/${encodeURIComponent(summary.owner)}">← ${summary.owner}</a></p>
    <h1>${fullName}</h1>
    <p class="headline">
      <strong>${renderHeadline(report)}</strong> · screened
      <time datetime="${summary.screenedAt}">${summary.screenedAt.replace("T", " ").slice(0, 16)} UTC</time> at
      ${fileBase === undefined ? html`<code>${summary.commit.slice(0, 12)}</code>` : html`<a href="${repositoryUrl}/commit/${encodeURIComponent(summary.commit)}"><code>${summary.commit.slice(0, 12)}</code></a>`}
      · asset type ${report.assetTypes.join(", ")} · licence ${report.license ?? "none found"}
    </p>
    <ul class="links">
      ${linkItem("Check run", summary.checkRunUrl)} ${linkItem("Tracking issue", summary.issueUrl)}
      ${linkItem("Repository", repositoryUrl)}
    </ul>
    ${summary.private ? "" : renderBadgeSnippet(summary, input.publicBase, path)} ${renderHistory(input.history)}
    <section aria-labelledby="rows-heading">
      <h2 id="rows-heading">Rows of the DPG Standard</h2>
      ${
        report.warnings.length > 0
          ? html`<ul class="warnings">
              ${report.warnings.map((warning) => html`<li>${warning}</li>`)}
            </ul>`
          : ""
      }
      ${report.results.map((result) => renderResult(result, fileBase))}
    </section>
    <section aria-labelledby="draft-heading">
      <h2 id="draft-heading">DPGA application draft</h2>
      <details>
        <summary>Show the draft (markdown, to copy into the DPGA form)</summary>
        <pre class="draft">${renderDpgaMarkdown(report)}</pre>
      </details>
    </section>`;
  return renderPage({
    title: fullName,
    viewer: input.viewer,
    path,
    body,
    scripts: input.history.length > 1 ? [`${ASSET_BASE}/uPlot.iife.min.js`, `${ASSET_BASE}/history-chart.js`] : [],
    styles: input.history.length > 1 ? [`${ASSET_BASE}/uPlot.min.css`] : [],
  });
}

function linkItem(label: string, url: string | undefined): SafeHtml {
  const href = safeHref(url);
  return href === undefined ? html`` : html`<li><a href="${href}">${label}</a></li>`;
}

function renderBadgeSnippet(summary: RepositorySummary, publicBase: string, path: string): SafeHtml {
  const badge = `${publicBase}/dpg/badge/${encodeURIComponent(summary.owner)}/${encodeURIComponent(summary.name)}.svg`;
  const snippet = `[![DPG Standard](${badge})](${publicBase}${path})`;
  return html`<section aria-labelledby="badge-heading">
    <h2 id="badge-heading">Badge</h2>
    <p><img src="${badge}" alt="DPG Standard: ${summary.met} of ${summary.rows} met" /></p>
    <label for="badge-snippet">Markdown for your README</label>
    <textarea id="badge-snippet" readonly rows="2">${snippet}</textarea>
  </section>`;
}

function renderHistory(history: readonly HistoryPoint[]): SafeHtml {
  if (history.length === 0) return html``;
  // Numbers only, with "<" escaped anyway: nothing can close the script element, and it must not
  // be HTML-escaped, or JSON.parse in the chart script would see entities.
  const data = JSON.stringify(
    history.map((point) => [Date.parse(point.screenedAt) / 1000, point.met, point.rows]),
  ).replace(/</g, "\\u003c");
  return html`<section aria-labelledby="history-heading">
    <h2 id="history-heading">Rows met over time</h2>
    <figure>
      <div
        id="history-chart"
        class="chart"
        role="img"
        aria-label="Chart of rows met per screen, ${history.length} screens; the table below has the same data"
      ></div>
      <script type="application/json" id="history-data">
        ${trusted(data)}
      </script>
      <figcaption>Rows met at each screen of the default branch.</figcaption>
    </figure>
    <details>
      <summary>Screens as a table</summary>
      <table>
        <caption>
          Rows met per screen
        </caption>
        <thead>
          <tr>
            <th scope="col">Screened</th>
            <th scope="col">Commit</th>
            <th scope="col">Rows met</th>
          </tr>
        </thead>
        <tbody>
          ${history.map(
            (point) =>
              html`<tr>
                <td><time datetime="${point.screenedAt}">${point.screenedAt.slice(0, 16).replace("T", " ")}</time></td>
                <td><code>${point.commit.slice(0, 12)}</code></td>
                <td>${point.met} of ${point.rows}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </section>`;
}

function renderResult(result: IndicatorResult, fileBase: string | undefined): SafeHtml {
  return html`<article class="result" aria-labelledby="row-${result.indicator}">
    <h3 id="row-${result.indicator}">${result.indicator}. ${result.title} — ${renderOutcome(result.outcome)}</h3>
    <p>${result.summary}</p>
    ${
      result.criteria !== undefined && result.criteria.length > 0
        ? html`<ul class="criteria">
            ${result.criteria.map((criterion) => html`<li>${renderOutcome(criterion.outcome)} ${criterion.question}</li>`)}
          </ul>`
        : ""
    }
    ${
      result.evidence.length > 0
        ? html`<h4>Evidence</h4>
            <ul class="evidence">
              ${result.evidence.map((evidence) => html`<li>${renderEvidence(evidence, fileBase)}</li>`)}
            </ul>`
        : ""
    }
    ${result.fix !== undefined && !isMet(result.outcome) ? html`<p class="fix"><strong>How to fix:</strong> ${result.fix.text}</p>` : ""}
    ${safeHref(result.docsUrl) === undefined ? "" : html`<p><a href="${safeHref(result.docsUrl)}">DPGA guidance for row ${result.indicator}</a></p>`}
  </article>`;
}

function renderEvidence(evidence: Evidence, fileBase: string | undefined): SafeHtml {
  const parts: SafeHtml[] = [];
  if (evidence.path !== undefined) {
    const label = `${evidence.path}${evidence.line === undefined ? "" : `:${evidence.line}`}`;
    const href =
      fileBase === undefined
        ? undefined
        : `${fileBase}${evidence.path.split("/").map(encodeURIComponent).join("/")}${evidence.line === undefined ? "" : `#L${evidence.line}`}`;
    parts.push(href === undefined ? html`<code>${label}</code>` : html`<a href="${href}"><code>${label}</code></a>`);
  }
  const url = safeHref(evidence.url);
  if (url !== undefined) parts.push(html`<a href="${url}" rel="nofollow noopener">${url}</a>`);
  else if (evidence.url !== undefined) parts.push(html`<code>${evidence.url}</code>`);
  return html`${parts.map((part, index) => html`${index > 0 ? " " : ""}${part}`)} — ${evidence.note}`;
}
