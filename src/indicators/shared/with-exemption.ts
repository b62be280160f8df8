// Lets maintainers exempt an indicator in .github/dpg.yml with a reason. An exemption answers
// "does this apply to us?"; it never hides what the screener verified: a row the repository
// demonstrably fails becomes a review showing both sides, and a verified pass stays a pass.
import type { Indicator, IndicatorFinding } from "../../core/indicator.js";
import { declarationPath, exemptionOf } from "./declared.js";

/** The indicator as the registry runs it: exemptible when its definition allows it, unchanged otherwise. */
export function withExemption<I extends Indicator>(indicator: I): I {
  if (!indicator.exemption.allowed) return indicator;
  return {
    ...indicator,
    evaluate(view, context) {
      const exemption = exemptionOf(context, indicator.id);
      const finding = indicator.evaluate(view, context);
      if (exemption === undefined) return finding;
      const declared = {
        path: declarationPath(context),
        note: `exemptions.${indicator.id}.reason: ${exemption.reason}`,
      };
      return applyExemption(finding, exemption.reason, declared);
    },
  };
}

function applyExemption(
  finding: IndicatorFinding,
  reason: string,
  declared: { path: string; note: string },
): IndicatorFinding {
  if (finding.outcome === "fail") {
    const { fix, ...rest } = finding;
    return {
      ...rest,
      outcome: "review",
      summary: `Exempted by the maintainers ("${reason}"), but the screener found: ${finding.summary} A reviewer must decide.`,
      evidence: [declared, ...finding.evidence],
      ...(fix === undefined ? {} : { fix }),
    };
  }
  if (finding.outcome === "pass")
    return {
      ...finding,
      evidence: [
        ...finding.evidence,
        { ...declared, note: `${declared.note} (not needed: the screener verified this row)` },
      ],
    };
  return { outcome: "not-applicable", summary: `Exempted by the maintainers: ${reason}`, evidence: [declared] };
}
