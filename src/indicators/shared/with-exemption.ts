// Lets maintainers exempt an indicator in .github/dpg.yml with a reason; the exemption
// becomes `not-applicable` with that reason, in one place for every indicator.
import type { Indicator } from "../../core/indicator.js";
import { declarationOf, declarationPath } from "./declared.js";

export function withExemption(indicator: Indicator): Indicator {
  return {
    ...indicator,
    evaluate(view, context) {
      const exemptions: Partial<Record<string, { reason: string }>> = declarationOf(context).exemptions ?? {};
      const exemption = exemptions[indicator.id];
      if (exemption === undefined) return indicator.evaluate(view, context);
      return {
        outcome: "not-applicable",
        summary: `Exempted by the maintainers: ${exemption.reason}`,
        evidence: [{ path: declarationPath(context), note: `exemptions.${indicator.id}.reason` }],
      };
    },
  };
}
