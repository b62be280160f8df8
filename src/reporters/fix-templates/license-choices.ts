// A short list of widely used approved licences per asset type, each with a link to its full
// text, so a maintainer without a licence can pick one without research (indicator 2).
import type { AssetType } from "../../core/asset-type.js";

export interface LicenseChoice {
  spdx: string;
  /** When to pick it, in a few words. */
  when: string;
}

/** Choices per asset type: OSI-approved for software, Creative Commons or Open Definition for the rest. */
export const LICENSE_CHOICES: Record<AssetType, readonly LicenseChoice[]> = {
  software: [
    { spdx: "Apache-2.0", when: "permissive, with an explicit patent grant" },
    { spdx: "MIT", when: "permissive and very short" },
    { spdx: "MPL-2.0", when: "changes to your files stay open, other files may be closed" },
    { spdx: "GPL-3.0-or-later", when: "all derived software stays open" },
    { spdx: "AGPL-3.0-or-later", when: "like GPL, and also for software offered as a service" },
  ],
  content: [
    { spdx: "CC-BY-4.0", when: "reuse with attribution" },
    { spdx: "CC-BY-SA-4.0", when: "reuse with attribution, adaptations under the same licence" },
  ],
  data: [
    { spdx: "CC-BY-4.0", when: "reuse with attribution" },
    { spdx: "ODbL-1.0", when: "databases; derived databases stay open" },
    { spdx: "CC0-1.0", when: "no conditions at all" },
  ],
  aimodel: [
    { spdx: "Apache-2.0", when: "model weights and code, permissive with a patent grant" },
    { spdx: "MIT", when: "model weights and code, permissive and very short" },
  ],
};

/** The licence's full text on the SPDX licence list. */
export function licenseTextUrl(spdx: string): string {
  return `https://spdx.org/licenses/${spdx}.html`;
}

/** The choices for these asset types, each licence once, in a stable order. */
export function licenseChoicesFor(assetTypes: readonly AssetType[]): LicenseChoice[] {
  const seen = new Set<string>();
  const choices: LicenseChoice[] = [];
  for (const type of assetTypes.length > 0 ? assetTypes : (["software"] as const)) {
    for (const choice of LICENSE_CHOICES[type]) {
      if (seen.has(choice.spdx)) continue;
      seen.add(choice.spdx);
      choices.push(choice);
    }
  }
  return choices;
}
