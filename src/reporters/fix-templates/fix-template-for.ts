// Which files, licence choices, declaration section and steps make up the suggested fix of
// each indicator. Data lives in the sibling files; this module only assembles it.
import type { AssetType } from "../../core/asset-type.js";
import type { IndicatorId } from "../../core/indicator.js";
import { CODE_OF_CONDUCT_TEMPLATE } from "./code-of-conduct.js";
import { DECLARATION_SECTIONS } from "./declaration-sections.js";
import { licenseChoicesFor, type LicenseChoice } from "./license-choices.js";
import { README_OUTLINE_TEMPLATE } from "./readme-outline.js";
import { SECURITY_POLICY_TEMPLATE } from "./security-policy.js";

/** A file to add, with a template to copy. */
export interface FileTemplate {
  path: string;
  /** Language of the fenced code block. */
  language: string;
  content: string;
}

export interface FixTemplate {
  files: FileTemplate[];
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

export function fixTemplateFor(indicator: IndicatorId, assetTypes: readonly AssetType[]): FixTemplate {
  const declaration = DECLARATION_SECTIONS[indicator];
  const declarationSteps = declaration === undefined ? [] : [DECLARE_STEP, EXEMPT_STEP];
  const withDeclaration = (template: Omit<FixTemplate, "declaration">): FixTemplate =>
    declaration === undefined ? template : { ...template, declaration };
  switch (indicator) {
    case "2":
      return withDeclaration({
        files: [],
        licenseChoices: licenseChoicesFor(assetTypes),
        steps: [
          "Pick one licence from the list below (ask everyone who owns the work to agree).",
          "Save its full text, unchanged, as `LICENSE` at the repository root.",
          'Name the same licence in every package manifest (for example `"license": "Apache-2.0"` in `package.json`).',
          COMMIT_STEP,
        ],
      });
    case "3":
      return withDeclaration({
        files: [],
        licenseChoices: [],
        steps: [
          "Put a copyright line naming the owner in `LICENSE` or a `NOTICE` file, such as `Copyright 2025 <owner's legal name>`.",
          ...declarationSteps,
          COMMIT_STEP,
        ],
      });
    case "5":
      return withDeclaration({
        files: [{ path: "README.md", language: "markdown", content: README_OUTLINE_TEMPLATE }],
        licenseChoices: [],
        steps: [
          "Fill in each section of the README outline below; a reviewer must be able to install and run the project from it alone.",
          ...declarationSteps,
          COMMIT_STEP,
        ],
      });
    case "9a":
      return withDeclaration({
        files: [{ path: "SECURITY.md", language: "markdown", content: SECURITY_POLICY_TEMPLATE }],
        licenseChoices: [],
        steps: [
          "Add `SECURITY.md` from the template below and replace each `<placeholder>`.",
          ...declarationSteps,
          COMMIT_STEP,
        ],
      });
    case "9c":
      return withDeclaration({
        files: [{ path: "CODE_OF_CONDUCT.md", language: "markdown", content: CODE_OF_CONDUCT_TEMPLATE }],
        licenseChoices: [],
        steps: [
          "Add `CODE_OF_CONDUCT.md` from the template below and replace the reporting contact.",
          ...declarationSteps,
          COMMIT_STEP,
        ],
      });
    default:
      return withDeclaration({ files: [], licenseChoices: [], steps: [...declarationSteps, COMMIT_STEP] });
  }
}
