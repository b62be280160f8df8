// The suggested fix of an indicator, assembled from its definition: its own steps and file
// templates (`fixTemplate`), licence choices when it asks for them, its declaration section,
// and the steps every fix ends with. Nothing here is per indicator, so a new indicator's fix
// follows from its module and its registry line.
import type { AssetType } from "../../core/asset-type.js";
import type { FileTemplate, Indicator, IndicatorId } from "../../core/indicator.js";
import { INDICATOR_DEFINITIONS } from "../../indicators/registry.js";
import { licenseChoicesFor, type LicenseChoice } from "./license-choices.js";

export interface FixTemplate {
  files: readonly FileTemplate[];
  licenseChoices: LicenseChoice[];
  /** The `.github/dpg.yml` section to fill, as YAML. */
  declaration?: string;
  steps: string[];
}

const COMMIT_STEP =
  "Commit to the default branch. The screener checks again on the next push; comment `/dpg recheck` to check at once.";
const DECLARE_STEP =
  "Copy the section below into `.github/dpg.yml` (create the file if needed; every key is optional), replace each `<placeholder>`, and delete what does not apply.";
const EXEMPT_STEP =
  "If this indicator does not apply to the project, say why instead, under `exemptions` in `.github/dpg.yml`.";

/** The fix of `indicator` for these asset types; `definitions` defaults to the registry's. */
export function fixTemplateFor(
  indicator: IndicatorId,
  assetTypes: readonly AssetType[],
  definitions: readonly Indicator[] = INDICATOR_DEFINITIONS,
): FixTemplate {
  const definition = definitions.find((candidate) => candidate.id === indicator);
  const own = definition?.fixTemplate;
  const declaration = definition?.declaration?.template;
  const declarationSteps =
    declaration === undefined ? [] : [DECLARE_STEP, ...(definition?.exemption.allowed === true ? [EXEMPT_STEP] : [])];
  const template: FixTemplate = {
    files: own?.files ?? [],
    licenseChoices: own?.licenseChoices === true ? licenseChoicesFor(assetTypes) : [],
    steps: [...(own?.steps ?? []), ...declarationSteps, COMMIT_STEP],
  };
  return declaration === undefined ? template : { ...template, declaration };
}
