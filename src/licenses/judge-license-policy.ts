// Applies the DPG licence policy to one SPDX expression for one asset type: approved, accepted
// by rule, accepted with a warning, needs review, or rejected with the reason.
import spdxLicenseList from "spdx-license-list";
import type { AssetType } from "../core/asset-type.js";
import parseSpdxExpression from "spdx-expression-parse";
import { baseId } from "./base-license-id.js";
import {
  DPG_CONTENT_LICENSES,
  DPG_DATA_LICENSES,
  DPG_REJECTED_LICENSES,
  DPG_SOFTWARE_LICENSES,
  NON_COMMERCIAL,
} from "./dpg-license-policy.js";

export type PolicyVerdict = "approved" | "warning" | "review" | "rejected";

export interface PolicyJudgement {
  verdict: PolicyVerdict;
  /** One sentence per licence judged, for the report. */
  reasons: string[];
}

const ORDER: Record<PolicyVerdict, number> = { approved: 0, warning: 1, review: 2, rejected: 3 };
const SOFTWARE = new Set(DPG_SOFTWARE_LICENSES.map((id) => id.toLowerCase()));
const CONTENT = new Set(DPG_CONTENT_LICENSES.map((id) => id.toLowerCase()));
const DATA = new Set(DPG_DATA_LICENSES.map((id) => id.toLowerCase()));

/** Judges an expression: OR takes the best choice, AND needs every part to be acceptable. */
export function judgeLicenseExpression(expression: string, type: AssetType): PolicyJudgement {
  let tree: ReturnType<typeof parseSpdxExpression>;
  try {
    tree = parseSpdxExpression(expression);
  } catch {
    return judgeLicense(expression, type);
  }
  return judgeNode(tree, type);
}

function judgeNode(node: ReturnType<typeof parseSpdxExpression>, type: AssetType): PolicyJudgement {
  if ("license" in node) return judgeLicense(node.license, type);
  const left = judgeNode(node.left, type);
  const right = judgeNode(node.right, type);
  if (node.conjunction === "or") return ORDER[left.verdict] <= ORDER[right.verdict] ? left : right;
  return {
    verdict: ORDER[left.verdict] >= ORDER[right.verdict] ? left.verdict : right.verdict,
    reasons: [...left.reasons, ...right.reasons],
  };
}

/** The DPGA list's id for an SPDX id: GPL-3.0-or-later and GPL-3.0-only are both "GPL-3.0" there. */
function listId(id: string): string {
  return baseId(id).toLowerCase();
}

export function judgeLicense(id: string, type: AssetType): PolicyJudgement {
  const one = (verdict: PolicyVerdict, reason: string): PolicyJudgement => ({ verdict, reasons: [`${id}: ${reason}`] });
  const rejected = DPG_REJECTED_LICENSES.find((rule) => rule.pattern.test(id));
  if (rejected !== undefined) return one("rejected", rejected.reason);
  const key = listId(id);
  const osi = spdxLicenseList[id]?.osiApproved === true;
  const known = spdxLicenseList[id] !== undefined;
  if (type === "software") {
    if (SOFTWARE.has(key) || SOFTWARE.has(id.toLowerCase()))
      return one("approved", "on the DPGA list of approved software licences");
    if (osi) return one("approved", "OSI-approved (accepted by rule; not on the DPGA's 2022 list)");
    if (known) return one("rejected", "not OSI-approved, which the DPG Standard requires for software");
    return one("review", "not an SPDX licence the screener can judge");
  }
  if (type === "content") {
    if (NON_COMMERCIAL.test(id) && CONTENT.has(key))
      return one("warning", 'accepted for content, but NonCommercial limits reuse (listed as "other acceptable")');
    if (CONTENT.has(key)) return one("approved", "on the DPGA list of approved content licences");
    if (/^CC-/.test(id)) return one("review", "a Creative Commons licence not on the DPGA content list");
    if (known) return one("rejected", "content must be under a Creative Commons licence");
    return one("review", "not an SPDX licence the screener can judge");
  }
  if (type === "data") {
    if (DATA.has(key)) return one("approved", "on the DPGA list of approved data licences");
    if (NON_COMMERCIAL.test(id))
      return one("review", "NonCommercial is not on the DPGA data list, though the registry holds NC data sets");
    if (/^(CC-|ODC|ODbL|PDDL|OGL|etalab|DL-DE|NLOD|CDLA)/i.test(id))
      return one("review", "an open data licence not on the DPGA data list; a reviewer decides");
    if (osi) return one("review", "a software licence used for data; the DPGA expects an Open Definition data licence");
    if (known) return one("rejected", "not an open data licence");
    return one("review", "not an SPDX licence the screener can judge");
  }
  // AI models: code under an OSI licence, weights and data under an open licence.
  if (SOFTWARE.has(key) || osi) return one("approved", "OSI-approved, acceptable for model code and weights");
  if (DATA.has(key)) return one("approved", "an open data licence, acceptable for weights and training data");
  if (NON_COMMERCIAL.test(id)) return one("rejected", "NonCommercial weights are not open");
  return one("review", "not a licence the screener can judge for an AI model");
}
