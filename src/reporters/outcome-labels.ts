// Words and symbols for outcomes, shared by every reporter so the CLI, the check run and the
// issues say the same thing.
import type { Outcome } from "../core/outcome.js";

/** Short human label, e.g. for a table cell. */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  pass: "met",
  fail: "missing",
  review: "needs a declaration or review",
  attested: "declared",
  "not-applicable": "not applicable",
  error: "error",
};

/** Symbols for GitHub markdown (emoji render everywhere GitHub shows markdown). */
export const OUTCOME_EMOJI: Record<Outcome, string> = {
  pass: "✅",
  fail: "❌",
  review: "📝",
  attested: "☑️",
  "not-applicable": "➖",
  error: "⚠️",
};

/** Symbols for a terminal. */
export const OUTCOME_SYMBOL: Record<Outcome, string> = {
  pass: "✔",
  fail: "✘",
  review: "?",
  attested: "✔",
  "not-applicable": "–",
  error: "!",
};
