import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { renderDpgaJson, renderDpgaMarkdown } from "../../src/reporters/dpga.js";
import { copyrightHolder, TO_ANSWER } from "../../src/reporters/dpga-entry.js";
import { INDICATOR_DEFINITIONS } from "../../src/indicators/registry.js";
import { fixtureRepository } from "../helpers/fixture-repository.js";
import { screenMemory } from "../helpers/screen-memory.js";

const schema = JSON.parse(
  readFileSync(new URL("../../schema/dpga-draft.schema.json", import.meta.url), "utf8"),
) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

type Answer = { field: string; indicator: string; answered: boolean; provenance: string; evidence: string[] };
type Draft = Record<string, unknown> & { _screener: { answers: Answer[] } };

const screen = (name: string, url = `https://github.com/example/${name}`) =>
  screenMemory(fixtureRepository(name), { metadata: { name, fullName: `example/${name}`, url, commit: "abc123" } });
const draftOf = async (report: Awaited<ReturnType<typeof screen>>) => JSON.parse(renderDpgaJson(report)) as Draft;
const answerOf = (draft: Draft, field: string) => draft._screener.answers.find((answer) => answer.field === field);

const MIT = (await import("spdx-license-list/full.js")).default["MIT"]?.licenseText ?? "";
/** A repository without a declaration that says a lot about itself. */
const UNDECLARED = {
  "README.md":
    "# Harvest Planner\n\nHarvest Planner helps smallholder farmers plan crops and improve food security.\n\n## Install\n\nRun it.\n",
  LICENSE: MIT.replace("<year>", "2024").replace("<copyright holders>", "Harvest Foundation"),
  "package.json": JSON.stringify({
    name: "harvest-planner",
    description: "Crop planning for smallholder farmers",
    homepage: "https://harvest.example.org",
    license: "MIT",
    dependencies: { express: "^4.0.0" },
  }),
  "CODE_OF_CONDUCT.md": "# Code of conduct\n\nReport problems to conduct@harvest.example.org.\n",
  "SECURITY.md": "# Security\n\nReport vulnerabilities to security@harvest.example.org.\n",
  "docs/index.md": "# Documentation\n\nHow to run Harvest Planner.\n",
  "src/index.js": "",
};

describe("the DPGA application draft", () => {
  test("a complete declaration fills the registry fields, marked declared, with evidence links", async () => {
    const draft = await draftOf(await screen("complete-dpg"));
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
    expect(answerOf(draft, "sdgs")).toMatchObject({
      provenance: "declared",
      evidence: ["https://harvest.example.org/impact"],
    });
    expect((draft["organizations"] as { contact_email: string }[])[0]?.contact_email).toBe(TO_ANSWER);
    expect(validate(draft)).toBe(true);
  });

  test("with nothing in the repository, only the repository (its address, a suggested name, the owning account) is pre-filled; every other question is marked", async () => {
    const draft = await draftOf(await screen("bare"));
    expect(
      draft._screener.answers.filter((answer) => answer.answered).map((answer) => [answer.field, answer.provenance]),
    ).toEqual([
      ["name", "suggested"],
      ["repositories", "found"],
      ["clearOwnership", "suggested"],
    ]);
    const markdown = renderDpgaMarkdown(await screen("bare"));
    expect(markdown).toContain(`> ⚠️ **${TO_ANSWER}**`);
    expect(markdown).toContain(
      "## sdgs (indicator 1: Relevance to the Sustainable Development Goals — screener: review)",
    );
    expect(validate(draft)).toBe(true);
  });

  test("without a declaration, what the repository shows is pre-filled as found or suggested, with links at the commit", async () => {
    const report = await screenMemory(UNDECLARED, {
      metadata: {
        name: "harvest",
        fullName: "harvest-org/harvest",
        url: "https://github.com/harvest-org/harvest",
        commit: "c0ffee",
      },
    });
    const draft = await draftOf(report);
    const blob = "https://github.com/harvest-org/harvest/blob/c0ffee/";
    expect(draft).toMatchObject({
      name: "Harvest Planner",
      description: "Crop planning for smallholder farmers",
      website: "https://harvest.example.org",
      openlicenses: [{ openLicense: "MIT", openLicenseEvidenceURLs: `${blob}LICENSE, ${blob}package.json` }],
      clearOwnership: [
        {
          clearOwnershipName: "Harvest Foundation",
          clearOwnershipURL: expect.stringMatching(
            /^https:\/\/github\.com\/harvest-org\/harvest\/blob\/c0ffee\/LICENSE#L\d+$/,
          ),
        },
      ],
      sdgs: { sdg: expect.arrayContaining(["SDG2: Zero Hunger"]), relevance: expect.stringContaining(TO_ANSWER) },
      protectionFromHarassment: {
        facilitatesUserInteraction: TO_ANSWER,
        harassmentPolicy: `Code of conduct: ${blob}CODE_OF_CONDUCT.md`,
      },
      dataPrivacySecurity: { collectsPII: TO_ANSWER, dataPrivacySecurity: `Security policy: ${blob}SECURITY.md` },
      locations: { developmentCountries: [TO_ANSWER] },
    });
    expect((draft["sdgs"] as { sdg: string[] }).sdg[0]).toBe("SDG2: Zero Hunger");
    expect(draft["documentation"]).toContain(`${blob}README.md`);
    const provenance = Object.fromEntries(draft._screener.answers.map((answer) => [answer.field, answer.provenance]));
    expect(provenance).toMatchObject({
      name: "suggested", // a README title
      description: "found", // package.json
      openlicenses: "found",
      clearOwnership: "found",
      sdgs: "suggested",
      platformIndependence: "suggested",
      documentation: "found",
      protectionFromHarassment: "found",
      locations: "unanswered",
    });
    expect(draft._screener.answers.filter((answer) => answer.answered).length).toBeGreaterThanOrEqual(10);
    expect(validate(draft)).toBe(true);
  });

  test("each answer names the indicator whose registry definition lists its field, and every such field is answered", async () => {
    const draft = await draftOf(await screen("bare"));
    const fieldIndicator = new Map<string, string>(
      INDICATOR_DEFINITIONS.flatMap((indicator) =>
        indicator.dpgaFields.map((field): [string, string] => [field, indicator.id]),
      ),
    );
    for (const answer of draft._screener.answers)
      expect([answer.field, answer.indicator]).toEqual([answer.field, fieldIndicator.get(answer.field) ?? "general"]);
    const answered = new Set(draft._screener.answers.map((answer) => answer.field));
    expect([...fieldIndicator.keys()].filter((field) => !answered.has(field))).toEqual([]);
  });

  test("badges, pictures and HTML before a README's title are neither its name nor its description", async () => {
    const readme = [
      "[![Build](https://img.shields.io/badge/build-passing-green)](https://ci.example.org/harvest)",
      "[![DPG Badge](https://img.shields.io/badge/Verified-DPG%20(Since%202022)-3333AB)](https://digitalpublicgoods.net)",
      '<a href="https://sponsor.example.org"><img alt="Sponsored by a very generous company" src="x.png"></a>',
      "Frontend Test Coverage: [![codecov](https://codecov.io/gh/x/y/badge.svg)](https://codecov.io/gh/x/y)",
      "",
      "# Harvest Planner (beta)",
      "### Welcome to our Readme!",
      "Harvest Planner helps smallholder farmers plan their crops.",
      "",
    ].join("\n");
    const draft = await draftOf(await screenMemory({ ...UNDECLARED, "README.md": readme, "package.json": "{}" }));
    expect(draft["name"]).toBe("Harvest Planner (beta)");
    expect(draft["description"]).toBe("Harvest Planner helps smallholder farmers plan their crops.");
  });

  test("links on GitHub Enterprise Server point at that server, at the screened commit", async () => {
    const report = await screenMemory(UNDECLARED, {
      metadata: {
        name: "harvest",
        fullName: "farm/harvest",
        url: "https://git.example.gov/farm/harvest",
        commit: "c0ffee",
      },
    });
    const draft = await draftOf(report);
    expect(answerOf(draft, "openlicenses")?.evidence).toEqual([
      "https://git.example.gov/farm/harvest/blob/c0ffee/LICENSE",
      "https://git.example.gov/farm/harvest/blob/c0ffee/package.json",
    ]);
  });

  test("closed components are listed with a request for their open alternatives", async () => {
    const report = await screenMemory({
      ...UNDECLARED,
      "package.json": '{"name":"x","license":"MIT","dependencies":{"firebase":"^10.0.0"}}',
    });
    const draft = await draftOf(report);
    expect(draft["platformIndependence"]).toEqual({
      isPlatformIndependent: "Yes",
      openAlternatives: [expect.stringMatching(/^firebase.*: \[MAINTAINERS MUST ANSWER\] \(an open alternative/)],
    });
    expect(answerOf(draft, "platformIndependence")?.provenance).toBe("found");
  });

  test("repository text in the markdown draft stays inert: it cannot close the code block around it", async () => {
    const report = await screenMemory({
      ...UNDECLARED,
      "package.json": JSON.stringify({ name: "x", description: "Crops ```` @everyone <img src=x onerror=alert(1)>" }),
    });
    const markdown = renderDpgaMarkdown(report);
    const description = markdown.split("## description")[1]?.split("## ")[0] ?? "";
    expect(description).toContain('`````json\n"Crops ```` @everyone <img src=x onerror=alert(1)>"\n`````\n');
  });
});

describe("copyright holders", () => {
  test.each([
    ["Copyright (c) 2015-2024 Example Foundation. All rights reserved.", "Example Foundation"],
    ['"Copyright 2020 The Kolibri Authors"', "The Kolibri Authors"],
    ["© 2021 by Ministry of Health", "Ministry of Health"],
    ["Copyright (C) 2019, Jane Doe <jane@example.org>", "Jane Doe"],
    ["Copyright", undefined],
  ])("%s", (line, holder) => {
    expect(copyrightHolder(line)).toBe(holder);
  });
});

describe("the licence answer of the DPGA draft", () => {
  type LicenseDraft = {
    openlicenses: { openLicense: string; openLicenseEvidenceURLs: string }[];
    _screener: { answers: Answer[] };
  };
  const licenseDraftOf = async (files: Record<string, string>) =>
    JSON.parse(renderDpgaJson(await screenMemory(files))) as LicenseDraft;
  const licenseAnswer = (draft: LicenseDraft) =>
    draft._screener.answers.find((answer) => answer.field === "openlicenses");

  test("a rejected licence is not an answer", async () => {
    const draft = await licenseDraftOf({ "package.json": '{"name": "x", "license": "UNLICENSED"}', "src/a.js": "" });
    expect(draft.openlicenses).toEqual([{ openLicense: TO_ANSWER, openLicenseEvidenceURLs: TO_ANSWER }]);
    expect(licenseAnswer(draft)?.answered).toBe(false);
  });

  test("a licence a reviewer must still confirm (sources disagree) is suggested with the reason, and a disagreeing manifest is not cited for it", async () => {
    const files = { LICENSE: MIT, "package.json": '{"name": "x", "license": "Apache-2.0"}', "src/a.js": "" };
    const draft = await licenseDraftOf(files);
    expect(draft.openlicenses).toEqual([{ openLicense: "MIT", openLicenseEvidenceURLs: "LICENSE" }]);
    expect(licenseAnswer(draft)).toMatchObject({ answered: true, provenance: "suggested", evidence: ["LICENSE"] });
    const markdown = renderDpgaMarkdown(await screenMemory(files));
    const section = markdown.slice(markdown.indexOf("## openlicenses"), markdown.indexOf("## sdgs"));
    expect(section).toContain(
      "Answer suggested by the screener: confirm or correct it. Screener: Licensed under MIT, but a reviewer must confirm: Sources disagree: package.json:1 says Apache-2.0 (manifest), but the licence found is MIT.",
    );
  });

  test("a verified licence is answered with the files that state it", async () => {
    const draft = await licenseDraftOf({
      LICENSE: MIT,
      "package.json": '{"name": "x", "license": "MIT"}',
      "src/a.js": "",
    });
    expect(draft.openlicenses).toEqual([{ openLicense: "MIT", openLicenseEvidenceURLs: "LICENSE, package.json" }]);
  });
});
