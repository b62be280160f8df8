// Applies the DPG licence policy to one SPDX expression for one asset type: approved, accepted
// by rule, accepted with a warning, needs review, or rejected with the reason.
import { createRequire } from "node:module";
import spdxLicenseList from "spdx-license-list";
import type { AssetType } from "../core/asset-type.js";
import parseSpdxExpression from "spdx-expression-parse";
import { baseId } from "./base-license-id.js";
import {
  DPG_CONTENT_LICENSES,
  DPG_DATA_LICENSES,
  DPG_LICENSE_POLICY_SOURCE,
  DPG_REJECTED_LICENSES,
  DPG_SOFTWARE_LICENSES,
  CREATIVE_COMMONS_CONTENT_FAMILY,
  NON_COMMERCIAL,
  OPEN_DEFINITION_LICENSES,
} from "./dpg-license-policy.js";

export type PolicyVerdict = "approved" | "warning" | "review" | "rejected";

export interface PolicyJudgement {
  verdict: PolicyVerdict;
  /** One sentence per licence judged, for the report. */
  reasons: string[];
}

const spdxListPackage: unknown = createRequire(import.meta.url)("spdx-license-list/package.json");
const ORDER: Record<PolicyVerdict, number> = { approved: 0, warning: 1, review: 2, rejected: 3 };
const SOFTWARE = new Set(DPG_SOFTWARE_LICENSES.map((id) => id.toLowerCase()));
const CONTENT = new Set(DPG_CONTENT_LICENSES.map((id) => id.toLowerCase()));
const DATA = new Set(DPG_DATA_LICENSES.map((id) => id.toLowerCase()));
const OPEN_DATA = new Set(OPEN_DEFINITION_LICENSES.map((id) => id.toLowerCase()));
const SPDX_LIST_VERSION = (spdxListPackage as { version: string }).version;

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

/**
 * One licence for one asset type, by allow-list: a licence on the list of the type (or accepted
 * by its rule: OSI for software, a Creative Commons family for content, the Open Definition for
 * data) is approved; any other known licence is rejected with the reason. `review` is left for
 * what the screener cannot know: an identifier spdx-license-list does not describe.
 */
export function judgeLicense(id: string, type: AssetType): PolicyJudgement {
  const one = (verdict: PolicyVerdict, reason: string): PolicyJudgement => ({ verdict, reasons: [`${id}: ${reason}`] });
  const rejected = DPG_REJECTED_LICENSES.find((rule) => rule.pattern.test(id));
  if (rejected !== undefined) return one("rejected", rejected.reason);
  const key = listId(id);
  const entry = spdxLicenseList[id] ?? spdxLicenseList[id.replace(/\+$/, "")];
  const osi = entry?.osiApproved === true;
  // A LicenseRef is the project's own licence: on no list, so never acceptable by rule.
  const known = entry !== undefined || /^LicenseRef-/i.test(id);
  const unknown = `not described by spdx-license-list ${SPDX_LIST_VERSION}, so the screener cannot tell whether it is on a list`;
  if (type === "software") {
    if (SOFTWARE.has(key) || SOFTWARE.has(id.toLowerCase()))
      return one("approved", "on the DPGA list of approved software licences");
    if (osi) return one("approved", "OSI-approved (accepted by rule; not on the DPGA's 2022 list)");
    if (!known) return one("review", unknown);
    return one("rejected", "not OSI-approved (spdx-license-list), which the DPG Standard requires for software");
  }
  if (type === "content") {
    if (CONTENT.has(key) && NON_COMMERCIAL.test(id))
      return one("warning", 'accepted for content, but NonCommercial limits reuse (listed as "other acceptable")');
    if (CONTENT.has(key)) return one("approved", "on the DPGA list of approved content licences");
    if (CREATIVE_COMMONS_CONTENT_FAMILY.test(id))
      return NON_COMMERCIAL.test(id)
        ? one("warning", "a NonCommercial Creative Commons licence, accepted for content by rule; NC limits reuse")
        : one(
            "approved",
            "a Creative Commons licence of an accepted family (accepted by rule; not on the DPGA's 2022 list)",
          );
    if (!known) return one("review", unknown);
    if (/^CC-/.test(id))
      return one(
        "rejected",
        "a Creative Commons licence outside the families the DPGA accepts (BY, BY-SA, BY-NC, BY-NC-SA, CC0)",
      );
    return one("rejected", "content must be under a Creative Commons licence the DPGA accepts");
  }
  if (type === "data") {
    if (DATA.has(key)) return one("approved", "on the DPGA list of approved data licences");
    if (OPEN_DATA.has(key))
      return one("approved", "Open Definition-conformant (accepted by rule; not on the DPGA's 2022 list)");
    if (!known) return one("review", unknown);
    if (NON_COMMERCIAL.test(id))
      return one(
        "rejected",
        `NonCommercial is not Open Definition-conformant (it forbids commercial use), which the DPG Standard requires for data (${DPG_LICENSE_POLICY_SOURCE.rules}), and no NC licence is on the DPGA data list (${DPG_LICENSE_POLICY_SOURCE.lists}, ${DPG_LICENSE_POLICY_SOURCE.listsDate}); NC is accepted for content only`,
      );
    if (osi)
      return one(
        "rejected",
        "a software licence; data needs an Open Definition-conformant licence (opendefinition.org)",
      );
    return one("rejected", "not Open Definition-conformant, which the DPG Standard requires for data");
  }
  // AI models (DPG Standard 1.1.7): code, weights and training data must each be open.
  if (SOFTWARE.has(key) || osi) return one("approved", "OSI-approved, acceptable for model code and weights");
  if (DATA.has(key) || OPEN_DATA.has(key))
    return one("approved", "an open data licence, acceptable for weights and training data");
  if (!known) return one("review", unknown);
  if (NON_COMMERCIAL.test(id)) return one("rejected", "NonCommercial weights are not open");
  return one(
    "rejected",
    "neither OSI-approved nor Open Definition-conformant; the DPG Standard requires open code, model and data for AI systems",
  );
}
