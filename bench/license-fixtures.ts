// Licence fixtures built from public licence texts (spdx-license-list's texts and the public
// layouts of the FSF, Creative Commons and BUSL distributions; no repository's files), each a
// small software repository. `bench:corpus` screens the non-eligible controls among them; this
// script writes them all to disk for `bench:licenses` and `bench:license-texts`:
//   npx tsx bench/license-fixtures.ts OUT_DIR
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  abridgedCreativeCommons,
  creativeCommonsDeedByNcNd,
  extraTermsPreamble,
  filledBusl,
  fsfLgpl3,
  GNU_GPL3_OR_LATER_NOTICE,
} from "../test/fixtures/licenses/public-texts.js";
import { filledText, spdxText } from "../test/fixtures/licenses/spdx-texts.js";

export interface LicenseFixture {
  name: string;
  files: Record<string, string>;
  /** The licence expression the screener should report. */
  license: string;
  /** Row 2's outcome for software, and for a control the reason its summary must give. */
  outcome: "pass" | "fail";
  reason?: RegExp;
  /** A product the DPG Standard rejects: must fail row 2 with the reason. */
  control: boolean;
}

const code = { "src/main.py": "print('hello')\n" };

export const LICENSE_FIXTURES: readonly LicenseFixture[] = [
  {
    name: "fsf-lgpl-3.0",
    files: { ...code, COPYING: spdxText("GPL-3.0-only"), "COPYING.LESSER": fsfLgpl3() },
    license: "LGPL-3.0-only",
    outcome: "pass",
    control: false,
  },
  {
    name: "apache-filled-appendix",
    files: { ...code, LICENSE: filledText("Apache-2.0", "Example Org") },
    license: "Apache-2.0",
    outcome: "pass",
    control: false,
  },
  {
    name: "bsd-3-named-owner",
    files: { ...code, LICENSE: filledText("BSD-3-Clause").replace("the copyright holder", "Example Org") },
    license: "BSD-3-Clause",
    outcome: "pass",
    control: false,
  },
  {
    name: "mit-long-preamble",
    files: { ...code, LICENSE: `${extraTermsPreamble(30)}${filledText("MIT")}` },
    license: "MIT",
    outcome: "pass",
    control: false,
  },
  {
    name: "gnu-notice-header-file",
    files: { ...code, "LICENSE-header.txt": GNU_GPL3_OR_LATER_NOTICE },
    license: "GPL-3.0-or-later",
    outcome: "pass",
    control: false,
  },
  {
    name: "agpl-readme-or-later",
    files: {
      ...code,
      LICENSE: spdxText("AGPL-3.0-only"),
      "README.md": `# Clinic\n\n${GNU_GPL3_OR_LATER_NOTICE.replace(/GNU General Public License/g, "GNU Affero General Public License")}`,
    },
    license: "AGPL-3.0-or-later",
    outcome: "pass",
    control: false,
  },
  {
    name: "apache-readme-boilerplate",
    files: {
      ...code,
      LICENSE: spdxText("Apache-2.0"),
      "README.md":
        '# Tool\n\n## License\n\nLicensed under the Apache License, Version 2.0 (the "License");\nSee the License for the specific language governing permissions and\nlimitations under the License.\n',
    },
    license: "Apache-2.0",
    outcome: "pass",
    control: false,
  },
  {
    name: "control-busl-filled",
    files: { ...code, LICENSE: filledBusl() },
    license: "BUSL-1.1",
    outcome: "fail",
    reason: /Business Source License is source-available/,
    control: true,
  },
  {
    name: "control-sspl-and-elastic",
    files: { ...code, LICENSE: `${spdxText("SSPL-1.0")}\n\n${spdxText("Elastic-2.0")}` },
    license: "SSPL-1.0 AND Elastic-2.0",
    outcome: "fail",
    reason: /Server Side Public License.*Elastic License/,
    control: true,
  },
  {
    name: "control-fsl-text",
    files: { ...code, "LICENSE.md": spdxText("FSL-1.1-ALv2") },
    license: "FSL-1.1-ALv2",
    outcome: "fail",
    reason: /FSL-1.1-ALv2: not OSI-approved/,
    control: true,
  },
  {
    name: "control-fsl-sentence",
    files: {
      ...code,
      "LICENSE.md": "This project is licensed under the Functional Source License, Version 1.1, ALv2 Future License.\n",
    },
    license: "FSL-1.1-ALv2",
    outcome: "fail",
    reason: /FSL-1.1-ALv2: not OSI-approved/,
    control: true,
  },
  {
    name: "control-cc-by-nc-nd-software",
    files: { ...code, LICENSE: spdxText("CC-BY-NC-ND-4.0") },
    license: "CC-BY-NC-ND-4.0",
    outcome: "fail",
    reason: /NoDerivatives/,
    control: true,
  },
  {
    name: "control-cc-by-nc-nd-abridged",
    files: { ...code, LICENSE: abridgedCreativeCommons("CC-BY-NC-ND-4.0") },
    license: "CC-BY-NC-ND-4.0",
    outcome: "fail",
    reason: /NoDerivatives/,
    control: true,
  },
  {
    name: "control-cc-by-nc-nd-deed",
    files: { ...code, "LICENSE.md": creativeCommonsDeedByNcNd() },
    license: "CC-BY-NC-ND-4.0",
    outcome: "fail",
    reason: /NoDerivatives/,
    control: true,
  },
  {
    name: "control-all-rights-reserved",
    files: { ...code, LICENSE: "Copyright (c) 2024 Example Org. All rights reserved.\n" },
    license: "LicenseRef-all-rights-reserved",
    outcome: "fail",
    reason: /grants no licence/,
    control: true,
  },
];

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const out = process.argv[2];
  if (out === undefined) {
    console.error("usage: npx tsx bench/license-fixtures.ts OUT_DIR");
    process.exit(2);
  }
  for (const fixture of LICENSE_FIXTURES) {
    for (const [path, text] of Object.entries(fixture.files)) {
      const full = join(out, fixture.name, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
  console.log(`wrote ${LICENSE_FIXTURES.length} fixtures to ${out}`);
}
