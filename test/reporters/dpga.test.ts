import { renderDpgaJson, renderDpgaMarkdown } from "../../src/reporters/dpga.js";
import { TO_ANSWER } from "../../src/reporters/dpga-entry.js";
import { fixtureRepository } from "../helpers/fixture-repository.js";
import { screenMemory } from "../helpers/screen-memory.js";

const screen = (name: string) =>
  screenMemory(fixtureRepository(name), {
    metadata: { name, url: `https://github.com/example/${name}`, commit: "abc123" },
  });

describe("the DPGA application draft", () => {
  test("a complete declaration fills the registry fields, with evidence links", async () => {
    const draft = JSON.parse(renderDpgaJson(await screen("complete-dpg"))) as Record<string, unknown> & {
      _screener: { answers: { field: string; answered: boolean; evidence: string[] }[] };
    };
    expect(draft).toMatchObject({
      name: "Harvest Health",
      categories: ["Open Software"],
      sdgs: { sdg: ["SDG3: Good Health and Well-being"] },
      platformIndependence: { isPlatformIndependent: "No", openAlternatives: [] },
      dataPrivacySecurity: { collectsPII: "PII data is collected and stored but NOT distributed." },
      userContent: { contentManagement: "Content is NOT collected NOT stored and NOT distributed." },
      protectionFromHarassment: { facilitatesUserInteraction: "Yes" },
      privacy: [
        {
          privacyCompliance: "Kenya Data Protection Act 2019",
          privacyComplianceURL: "https://github.com/example/complete-dpg/blob/abc123/PRIVACY.md",
        },
      ],
    });
    expect(draft._screener.answers.find((answer) => answer.field === "sdgs")?.evidence).toEqual([
      "https://harvest.example.org/impact",
    ]);
    expect((draft["organizations"] as { contact_email: string }[])[0]?.contact_email).toBe(TO_ANSWER);
  });

  test("without a declaration every question is marked for the maintainers", async () => {
    const draft = JSON.parse(renderDpgaJson(await screen("bare"))) as {
      _screener: { answers: { field: string; answered: boolean }[] };
    };
    expect(draft._screener.answers.filter((answer) => answer.answered).map((answer) => answer.field)).toEqual([]);
    const markdown = renderDpgaMarkdown(await screen("bare"));
    expect(markdown).toContain(`> ⚠️ **${TO_ANSWER}**`);
    expect(markdown).toContain(
      "## sdgs (indicator 1: Relevance to the Sustainable Development Goals — screener: review)",
    );
  });
});

describe("the licence answer of the DPGA draft", () => {
  type Draft = {
    openlicenses: { openLicense: string; openLicenseEvidenceURLs: string }[];
    _screener: { answers: { field: string; answered: boolean; evidence: string[] }[] };
  };
  const draftOf = async (files: Record<string, string>) =>
    JSON.parse(renderDpgaJson(await screenMemory(files))) as Draft;
  const licenseAnswer = (draft: Draft) => draft._screener.answers.find((answer) => answer.field === "openlicenses");

  test("a rejected licence is not an answer", async () => {
    const draft = await draftOf({ "package.json": '{"name": "x", "license": "UNLICENSED"}', "src/a.js": "" });
    expect(draft.openlicenses).toEqual([{ openLicense: TO_ANSWER, openLicenseEvidenceURLs: TO_ANSWER }]);
    expect(licenseAnswer(draft)?.answered).toBe(false);
  });

  test("a licence a reviewer must still confirm (sources disagree) is not answered, and a disagreeing manifest is not cited for it", async () => {
    const mit = (await import("spdx-license-list/full.js")).default["MIT"]?.licenseText ?? "";
    const draft = await draftOf({
      LICENSE: mit,
      "package.json": '{"name": "x", "license": "Apache-2.0"}',
      "src/a.js": "",
    });
    expect(licenseAnswer(draft)?.answered).toBe(false);
    expect(licenseAnswer(draft)?.evidence).toEqual(["LICENSE"]);
  });

  test("a verified licence is answered with the files that state it", async () => {
    const mit = (await import("spdx-license-list/full.js")).default["MIT"]?.licenseText ?? "";
    const draft = await draftOf({ LICENSE: mit, "package.json": '{"name": "x", "license": "MIT"}', "src/a.js": "" });
    expect(draft.openlicenses).toEqual([{ openLicense: "MIT", openLicenseEvidenceURLs: "LICENSE, package.json" }]);
  });
});
