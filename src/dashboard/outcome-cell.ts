// An outcome as the dashboard shows it: a symbol and a word, with a colour class on top — never
// colour alone (WCAG 1.4.1). Table cells use one word so 11 rows fit a screen; the full label
// stays in the cell's title and on the repository page.
import type { Outcome } from "../core/outcome.js";
import { OUTCOME_LABEL, OUTCOME_SYMBOL } from "../reporters/outcome-labels.js";
import { html, type SafeHtml } from "./html.js";

const SHORT_LABEL: Record<Outcome, string> = {
  pass: "met",
  fail: "missing",
  review: "review",
  attested: "declared",
  "not-applicable": "n/a",
  error: "error",
};

export function renderOutcome(outcome: Outcome | undefined, options: { short?: boolean } = {}): SafeHtml {
  if (outcome === undefined) return html`<span class="outcome none">not screened</span>`;
  const label = options.short === true ? SHORT_LABEL[outcome] : OUTCOME_LABEL[outcome];
  return html`<span class="outcome ${outcome}" title="${OUTCOME_LABEL[outcome]}"
    ><span aria-hidden="true">${OUTCOME_SYMBOL[outcome]}</span> ${label}</span
  >`;
}
