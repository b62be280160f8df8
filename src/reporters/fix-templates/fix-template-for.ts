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

export interface FixTemplateOptions {
  /** The paths the finding's evidence lists: a file found there is not offered again. */
  evidencePaths?: readonly string[];
  /** The indicator definitions; the registry's by default. */
  definitions?: readonly Indicator[];
}

/** The fix of `indicator` for these asset types, for a finding whose evidence lists `evidencePaths`. */
export function fixTemplateFor(
  indicator: IndicatorId,
  assetTypes: readonly AssetType[],
  options: FixTemplateOptions = {},
): FixTemplate {
  const definitions: readonly Indicator[] = options.definitions ?? INDICATOR_DEFINITIONS;
  const definition = definitions.find((candidate) => candidate.id === indicator);
  const own = definition?.fixTemplate;
  const declaration = definition?.declaration?.template;
  const declarationSteps =
    declaration === undefined ? [] : [DECLARE_STEP, ...(definition?.exemption.allowed === true ? [EXEMPT_STEP] : [])];
  // A fix names only what is missing: a file the evidence lists is never offered as one to add.
  const present =
    own?.present === undefined
      ? undefined
      : (options.evidencePaths ?? []).find((path) => own.present?.path.test(path) === true);
  const ownSteps =
    present === undefined
      ? (own?.steps ?? [])
      : (own?.present?.whenPresent ?? []).map((step) => step.replaceAll("{path}", present));
  const template: FixTemplate = {
    files: present === undefined ? (own?.files ?? []) : [],
    licenseChoices: own?.licenseChoices === true ? licenseChoicesFor(assetTypes) : [],
    steps: [...ownSteps, ...declarationSteps, COMMIT_STEP],
  };
  return declaration === undefined ? template : { ...template, declaration };
}
