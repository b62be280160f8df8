// The DPG Standard's licence rules per asset type, as data with their sources and dates, so a
// change of policy is an edit here and not a hunt through code. See docs/licenses.md.

export const DPG_LICENSE_POLICY_SOURCE = {
  lists: "DPGAlliance/publicgoods-candidates help-center/licenses.md (approved SPDX lists per type)",
  listsDate: "2022-09-20",
  rules:
    "DPG Standard indicator 2 (github.com/DPGAlliance/dpg-standard, standard.md) and dpg-resources wiki 2. Open Licensing",
  osi: "spdx-license-list's osiApproved flag (the SPDX licence list's isOsiApproved)",
  openDefinition: "okfn/licenses licenses.csv at 00c3a740 (od_conformance = approved), ids mapped to SPDX",
  aiModels:
    "DPG Standard 1.1.7 (2025-06-26, dpg-standard#193): code, model and data are mandatory components; RAIL licences not accepted (DPGA CoP AI recommendations)",
  reviewed: "2026-12-01",
} as const;

/** Software: OSI-approved. The DPGA list uses pre-2018 ids (GPL-3.0 for -only and -or-later). */
export const DPG_SOFTWARE_LICENSES: readonly string[] = [
  "0BSD",
  "AAL",
  "AFL-3.0",
  "AGPL-3.0",
  "Apache-1.1",
  "Apache-2.0",
  "APL-1.0",
  "APSL-2.0",
  "Artistic-1.0",
  "Artistic-2.0",
  "BSD-1-Clause",
  "BSD-2-Clause",
  "BSD-2-Clause-Patent",
  "BSD-3-Clause",
  "BSD-3-Clause-LBNL",
  "BSL-1.0",
  "CAL-1.0",
  "CAL-1.0-Combined-Work-Exception",
  "CATOSL-1.1",
  "CDDL-1.0",
  "CECILL-2.1",
  "CNRI-Python",
  "CPAL-1.0",
  "CPL-1.0",
  "ECL-1.0",
  "ECL-2.0",
  "EFL-1.0",
  "EFL-2.0",
  "Entessa",
  "EPL-1.0",
  "EPL-2.0",
  "EUDatagrid",
  "EUPL-1.2",
  "Fair",
  "Frameworx-1.0",
  "GPL-2.0",
  "GPL-3.0",
  "HPND",
  "IPA",
  "IPL-1.0",
  "ISC",
  "LGPL-2.1",
  "LGPL-3.0",
  "LiLiQ-P-1.1",
  "LiLiQ-R-1.1",
  "LiLiQ-Rplus-1.1",
  "LPL-1.0",
  "LPL-1.02",
  "LPPL-1.3c",
  "MirOS",
  "MIT",
  "MIT-0",
  "Motosoto",
  "MPL-1.0",
  "MPL-1.1",
  "MPL-2.0",
  "MPL-2.0-no-copyleft-exception",
  "MS-PL",
  "MS-RL",
  "MulanPSL-2.0",
  "Multics",
  "NASA-1.3",
  "Naumen",
  "NCSA",
  "NGPL",
  "Nokia",
  "NPOSL-3.0",
  "NTP",
  "OCLC-2.0",
  "OFL-1.1",
  "OFL-1.1-no-RFN",
  "OFL-1.1-RFN",
  "OGTSL",
  "OLDAP-2.8",
  "OSET-PL-2.1",
  "OSL-1.0",
  "OSL-2.1",
  "OSL-3.0",
  "PHP-3.0",
  "PHP-3.01",
  "PostgreSQL",
  "Python-2.0",
  "QPL-1.0",
  "RPL-1.1",
  "RPL-1.5",
  "RPSL-1.0",
  "RSCPL",
  "SimPL-2.0",
  "Sleepycat",
  "SPL-1.0",
  "UCL-1.0",
  "Unicode-DFS-2015",
  "Unicode-DFS-2016",
  "Unlicense",
  "UPL-1.0",
  "VSL-1.0",
  "W3C",
  "Watcom-1.0",
  "Xnet",
  "wxWindows",
  "Zlib",
  "ZPL-2.0",
];

/** Content: Creative Commons, NonCommercial accepted ("other acceptable"), never NoDerivatives. */
export const DPG_CONTENT_LICENSES: readonly string[] = [
  "CC-BY-1.0",
  "CC-BY-2.0",
  "CC-BY-2.5",
  "CC-BY-3.0",
  "CC-BY-3.0-AT",
  "CC-BY-3.0-US",
  "CC-BY-4.0",
  "CC-BY-NC-1.0",
  "CC-BY-NC-2.0",
  "CC-BY-NC-2.5",
  "CC-BY-NC-3.0",
  "CC-BY-NC-3.0-US",
  "CC-BY-NC-4.0",
  "CC-BY-NC-SA-1.0",
  "CC-BY-NC-SA-2.0",
  "CC-BY-NC-SA-2.5",
  "CC-BY-NC-SA-3.0",
  "CC-BY-NC-SA-3.0-US",
  "CC-BY-NC-SA-4.0",
  "CC-BY-SA-1.0",
  "CC-BY-SA-2.0",
  "CC-BY-SA-2.5",
  "CC-BY-SA-3.0",
  "CC-BY-SA-3.0-AT",
  "CC-BY-SA-3.0-US",
  "CC-BY-SA-4.0",
  "CC0-1.0",
  "CC-BY-3.0-IGO",
  "CC-BY-NC-3.0-IGO",
  "CC-BY-NC-SA-3.0-IGO",
  "CC-BY-SA-3.0-IGO",
];

/** Data: Open Definition licences on the DPGA list; OGL-UK-3.0 is in the nominee schema enum only. */
export const DPG_DATA_LICENSES: readonly string[] = [
  "CC-BY-4.0",
  "CC-BY-SA-4.0",
  "CC0-1.0",
  "ODbL-1.0",
  "ODC-By-1.0",
  "PDDL-1.0",
  "CC-BY-3.0-IGO",
  "CC-BY-SA-3.0-IGO",
  "OGL-UK-3.0",
];

/**
 * Open Definition-conformant licences (od_conformance "approved" in okfn/licenses), by SPDX id.
 * okfn ids that differ: ODC-BY-1.0 → ODC-By-1.0, ODC-PDDL-1.0 → PDDL-1.0, OGL-TW-1.0 →
 * OGDL-Taiwan-1.0, OGL-DE-BY-2.0 → DL-DE-BY-2.0, OGL-DE-ZERO-2.0 → DL-DE-ZERO-2.0. Approved
 * licences without an SPDX id (Against-DRM, DSL, FAL-1.3, Talis, the data.gov.uk rights) and the
 * GFDL variant, whose SPDX counterpart is not the same grant, are left out.
 */
export const OPEN_DEFINITION_LICENSES: readonly string[] = [
  "CC-BY-4.0",
  "CC-BY-SA-4.0",
  "CC0-1.0",
  "ODC-By-1.0",
  "PDDL-1.0",
  "ODbL-1.0",
  "OGL-Canada-2.0",
  "OGL-UK-2.0",
  "OGL-UK-3.0",
  "OGDL-Taiwan-1.0",
  "DL-DE-BY-2.0",
  "DL-DE-ZERO-2.0",
  "MirOS",
];

/**
 * Creative Commons families the DPGA accepts for content: BY, BY-SA and CC0 recommended, BY-NC
 * and BY-NC-SA "other acceptable"; any version or port of these families is accepted by rule.
 */
export const CREATIVE_COMMONS_CONTENT_FAMILY =
  /^(CC-BY|CC-BY-SA|CC-BY-NC|CC-BY-NC-SA)-\d\.\d(-[A-Z]{2,3})?$|^CC0-1\.0$/;

/** Licences the DPGA rejects for every asset type, with the reason the report gives. */
export const DPG_REJECTED_LICENSES: readonly { pattern: RegExp; reason: string }[] = [
  {
    pattern: /^SSPL-/,
    reason: "the Server Side Public License is not OSI-approved (source-available, not open source)",
  },
  { pattern: /^BUSL-|^BSL-1\.1$/, reason: "the Business Source License is source-available, not open source" },
  { pattern: /^Elastic-/, reason: "the Elastic License is source-available, not open source" },
  { pattern: /RSAL/i, reason: "the Redis Source Available License is not open source" },
  { pattern: /Commons-Clause/i, reason: "the Commons Clause forbids selling the software, so the licence is not open" },
  { pattern: /^PolyForm-/, reason: "PolyForm licences restrict use (non-commercial, small business) and are not open" },
  {
    pattern: /^Hippocratic-|ethical/i,
    reason: "ethical-source licences restrict fields of use and are not OSI-approved",
  },
  {
    pattern: /^CC-BY(-NC)?-ND-|^CC-BY-ND-/,
    reason: "NoDerivatives licences block translations and adaptations; the DPGA excludes them since 2020",
  },
  { pattern: /rail/i, reason: "Responsible AI (RAIL/OpenRAIL) licences restrict use and are not accepted" },
  { pattern: /all-rights-reserved|UNLICENSED/i, reason: '"all rights reserved" grants no licence' },
  { pattern: /non-commercial-restriction/i, reason: "an added non-commercial restriction makes the licence not open" },
];

/** NonCommercial Creative Commons licences: accepted for content with a warning, rejected for data and AI models. */
export const NON_COMMERCIAL = /^CC-BY-NC-/;
