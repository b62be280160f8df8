// The exact .github/dpg.yml section a maintainer fills in for each indicator that needs a
// declaration, as each indicator's definition gives it. Placeholders are <in angle brackets>;
// in link fields the schema rejects them, so a copied-but-unfilled section shows up as an
// error rather than as evidence.
import type { IndicatorId } from "../../core/indicator.js";
import { INDICATOR_DEFINITIONS } from "../../indicators/registry.js";

export const DECLARATION_SECTIONS: Readonly<Record<IndicatorId, string>> = Object.fromEntries(
  INDICATOR_DEFINITIONS.flatMap((indicator) =>
    "declaration" in indicator ? [[indicator.id, indicator.declaration.template]] : [],
  ),
);
