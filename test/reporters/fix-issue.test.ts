import { parse } from "yaml";
import { dpgFileSchema } from "../../src/declaration/declaration-schema.js";
import { INDICATOR_IDS } from "../../src/indicators/registry.js";
import { renderFixIssue, wantsFixIssue } from "../../src/reporters/fix-issue.js";
import { fixTemplateFor } from "../../src/reporters/fix-templates/fix-template-for.js";
import { licenseChoicesFor } from "../../src/reporters/fix-templates/license-choices.js";
import { readIssueState, fixIssueMarker } from "../../src/reporters/issue-state.js";
import { buildReport } from "../helpers/build-report.js";

const resultOf = (report: ReturnType<typeof buildReport>, id: string) => {
  const result = report.results.find((candidate) => candidate.indicator === id);
  if (result === undefined) throw new Error(id);
  return result;
};

describe("renderFixIssue", () => {
  test.each(INDICATOR_IDS.map((id) => [id]))("indicator %s: body with its copyable fix (snapshot)", (id) => {
    const report = buildReport({ [id]: id === "2" || id === "5" ? "fail" : "review" });
    const issue = renderFixIssue(report, resultOf(report, id));
    expect(issue.body.startsWith(fixIssueMarker(id))).toBe(true);
    expect(readIssueState(issue.body)).toEqual({ fingerprint: issue.state.fingerprint, unmet: [id] });
    expect(`${issue.title}\n\n${issue.body}`).toMatchSnapshot();
  });

  test("a met indicator renders as met with no unmet rows, ready for closing", () => {
    const report = buildReport();
    const issue = renderFixIssue(report, resultOf(report, "9c"));
    expect(issue.state.unmet).toEqual([]);
    expect(issue.body).toContain("This indicator is met now: Indicator 9c is pass.");
    expect(issue.body).not.toContain("#### Steps");
  });

  test.each([
    ["fail", true],
    ["review", true],
    ["error", false],
    ["pass", false],
    ["attested", false],
    ["not-applicable", false],
  ] as const)("%s wants a fix issue: %s", (outcome, wanted) => {
    expect(wantsFixIssue(resultOf(buildReport({ "2": outcome }), "2"))).toBe(wanted);
  });
});

describe("fix templates", () => {
  /** The declaration section each indicator's fix offers, by id. */
  const DECLARATION_SECTIONS: Record<string, string> = Object.fromEntries(
    INDICATOR_IDS.flatMap((id) => {
      const section = fixTemplateFor(id, ["software"]).declaration;
      return section === undefined ? [] : [[id, section]];
    }),
  );

  test("every declaration section is valid .github/dpg.yml once its placeholders are filled", () => {
    for (const [id, section] of Object.entries(DECLARATION_SECTIONS)) {
      const filled = section.replace(/"<[^"]*>"/g, '"docs/example.md"');
      const parsed = dpgFileSchema().safeParse(parse(filled));
      expect({ id, issues: parsed.success ? [] : parsed.error.issues }).toEqual({ id, issues: [] });
    }
  });

  test("an unfilled placeholder in a link field is rejected, so it cannot pass for evidence", () => {
    expect(dpgFileSchema().safeParse(parse(DECLARATION_SECTIONS["7"] ?? "")).success).toBe(false);
  });

  test("every indicator except the verified licence has a declaration section", () => {
    expect(INDICATOR_IDS.filter((id) => DECLARATION_SECTIONS[id] === undefined)).toEqual(["2"]);
  });

  test("templates contain no code fence that would end the block they are shown in", () => {
    for (const id of INDICATOR_IDS) {
      const template = fixTemplateFor(id, ["software"]);
      for (const text of [template.declaration ?? "", ...template.files.map((file) => file.content)])
        expect(text).not.toContain("```");
    }
  });

  test("licence choices follow the asset types, each licence once", () => {
    expect(licenseChoicesFor(["data"]).map((choice) => choice.spdx)).toEqual(["CC-BY-4.0", "ODbL-1.0", "CC0-1.0"]);
    expect(licenseChoicesFor(["content", "data"]).map((choice) => choice.spdx)).toEqual([
      "CC-BY-4.0",
      "CC-BY-SA-4.0",
      "ODbL-1.0",
      "CC0-1.0",
    ]);
    expect(licenseChoicesFor([]).map((choice) => choice.spdx)).toContain("Apache-2.0");
  });

  test("the code of conduct and the security policy ask for a reporting contact", () => {
    expect(fixTemplateFor("9c", ["software"]).files[0]?.content).toContain("<reporting contact");
    expect(fixTemplateFor("9a", ["software"]).files[0]?.content).toContain("<security contact");
  });
});
