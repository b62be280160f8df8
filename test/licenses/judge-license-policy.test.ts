import { judgeLicense, judgeLicenseExpression } from "../../src/licenses/judge-license-policy.js";

describe("licence policy: an allow-list per asset type", () => {
  test.each([
    ["MIT", "approved", /DPGA list/],
    ["GPL-3.0-or-later", "approved", /DPGA list/],
    ["BlueOak-1.0.0", "approved", /OSI-approved \(accepted by rule/],
    ["FSL-1.1-ALv2", "rejected", /not OSI-approved/],
    ["CC-BY-4.0", "rejected", /not OSI-approved/],
    ["WTFPL", "rejected", /not OSI-approved/],
    ["BUSL-1.1", "rejected", /Business Source License/],
    ["SSPL-1.0", "rejected", /Server Side Public License/],
    ["Elastic-2.0", "rejected", /Elastic License/],
    ["CC-BY-NC-ND-4.0", "rejected", /NoDerivatives/],
    ["LicenseRef-Acme-Proprietary", "rejected", /not OSI-approved/],
    ["Not-A-Known-Licence-9", "review", /not described by spdx-license-list/],
  ] as const)("software: %s is %s", (id, verdict, reason) => {
    const judged = judgeLicense(id, "software");
    expect(judged.verdict).toBe(verdict);
    expect(judged.reasons[0]).toMatch(reason);
  });

  test.each([
    ["CC-BY-SA-4.0", "approved", /DPGA list/],
    ["CC-BY-NC-4.0", "warning", /NonCommercial/],
    ["CC-BY-3.0-DE", "approved", /accepted family/],
    ["CC-BY-NC-SA-2.0-UK", "warning", /NonCommercial/],
    ["CC-BY-ND-4.0", "rejected", /NoDerivatives/],
    ["CC-PDDC", "rejected", /outside the families/],
    ["MIT", "rejected", /Creative Commons/],
    ["GFDL-1.3-only", "rejected", /Creative Commons/],
  ] as const)("content: %s is %s", (id, verdict, reason) => {
    const judged = judgeLicense(id, "content");
    expect(judged.verdict).toBe(verdict);
    expect(judged.reasons[0]).toMatch(reason);
  });

  test.each([
    ["ODbL-1.0", "approved", /DPGA list/],
    ["DL-DE-BY-2.0", "approved", /Open Definition-conformant \(accepted by rule/],
    ["OGL-Canada-2.0", "approved", /Open Definition/],
    ["CC-BY-NC-4.0", "rejected", /NonCommercial is not Open Definition-conformant/],
    ["MIT", "rejected", /a software licence; data needs/],
    ["CC-BY-ND-4.0", "rejected", /NoDerivatives/],
    ["CDLA-Permissive-2.0", "rejected", /not Open Definition-conformant/],
  ] as const)("data: %s is %s", (id, verdict, reason) => {
    const judged = judgeLicense(id, "data");
    expect(judged.verdict).toBe(verdict);
    expect(judged.reasons[0]).toMatch(reason);
  });

  test.each([
    ["Apache-2.0", "approved", /OSI-approved/],
    ["CC-BY-4.0", "approved", /open data licence/],
    ["FSL-1.1-ALv2", "rejected", /neither OSI-approved nor Open Definition-conformant/],
    ["LicenseRef-OpenRAIL-M", "rejected", /RAIL/],
    ["CC-BY-NC-4.0", "rejected", /NonCommercial weights/],
  ] as const)("AI model: %s is %s", (id, verdict, reason) => {
    const judged = judgeLicense(id, "aimodel");
    expect(judged.verdict).toBe(verdict);
    expect(judged.reasons[0]).toMatch(reason);
  });

  test.each(["software", "content", "data", "aimodel"] as const)(
    "an all-rights-reserved notice is rejected for %s",
    (type) => {
      expect(judgeLicense("LicenseRef-all-rights-reserved", type)).toMatchObject({
        verdict: "rejected",
        reasons: [expect.stringMatching(/grants no licence/)],
      });
    },
  );

  test("OR takes the best choice and AND needs every part", () => {
    expect(judgeLicenseExpression("SSPL-1.0 OR AGPL-3.0-only", "software").verdict).toBe("approved");
    const both = judgeLicenseExpression("SSPL-1.0 AND Elastic-2.0", "software");
    expect(both.verdict).toBe("rejected");
    expect(both.reasons).toHaveLength(2);
  });
});
