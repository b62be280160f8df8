import { checkUnTexts, SDG_GOALS } from "../../src/sdg/sdg-goals.js";
import { MAX_SDG_INPUT_CHARS, suggestSdgs } from "../../src/sdg/suggest-sdgs.js";
import unTexts from "../../src/sdg/un-sdg-texts.json" with { type: "json" };
import { manifestPurpose, readSdgSources } from "../../src/sdg/sdg-sources.js";
import { proseSegments } from "../../src/sdg/prose-segments.js";
import { terms } from "../../src/sdg/terms.js";
import { buildBm25Index, scoreQuery } from "../../src/sdg/bm25.js";

describe("the UN goal texts", () => {
  test("all 17 goals are there in order, with the registry's short names and official titles", () => {
    expect(SDG_GOALS.map((goal) => goal.number)).toEqual(Array.from({ length: 17 }, (_, index) => index + 1));
    expect(SDG_GOALS[2]).toMatchObject({
      name: "Good Health and Well-being",
      title: "Ensure healthy lives and promote well-being for all at all ages",
    });
    expect(SDG_GOALS[11]?.name).toBe("Responsible Consumption and Production");
    for (const goal of SDG_GOALS) expect(Object.keys(goal.targets).length).toBeGreaterThan(0);
  });

  test("a broken data file fails loudly on load, naming what is wrong", () => {
    const goals = unTexts.goals;
    expect(() => checkUnTexts({ about: "x", goals })).toThrow(
      "un-sdg-texts.json: about, source and goals are required",
    );
    expect(() => checkUnTexts({ ...unTexts, goals: goals.slice(1) })).toThrow(
      "un-sdg-texts.json: there must be 17 goals",
    );
    const swapped = [goals[1], goals[0], ...goals.slice(2)];
    expect(() => checkUnTexts({ ...unTexts, goals: swapped })).toThrow(
      "un-sdg-texts.json: goal 1 is malformed (goals must be numbered 1 to 17 in order)",
    );
    const badTarget = goals.map((goal, index) => (index === 4 ? { ...goal, targets: { "5.x1": "text" } } : goal));
    expect(() => checkUnTexts({ ...unTexts, goals: badTarget })).toThrow("goal 5 is malformed");
    const noTitle = goals.map((goal, index) => (index === 16 ? { ...goal, title: "" } : goal));
    expect(() => checkUnTexts({ ...unTexts, goals: noTitle })).toThrow("goal 17 is malformed");
  });
});

describe("BM25", () => {
  test("a rarer shared term weighs more, and a document with more of a term scores higher", () => {
    const index = buildBm25Index(
      new Map([
        [
          1,
          new Map([
            ["water", 3],
            ["all", 1],
          ]),
        ],
        [
          2,
          new Map([
            ["water", 1],
            ["all", 1],
          ]),
        ],
        [
          3,
          new Map([
            ["energy", 2],
            ["all", 1],
          ]),
        ],
      ]),
    );
    const scores = scoreQuery(index, new Map([["water", 1]]));
    expect(scores.get(1)).toBeGreaterThan(scores.get(2) ?? 0);
    expect(scores.get(3)).toBe(0);
    const all = scoreQuery(index, new Map([["all", 1]])).get(1) ?? 0;
    expect(all).toBeLessThan(scoreQuery(index, new Map([["energy", 1]])).get(3) ?? 0);
  });
});

describe("terms", () => {
  test("stems, drops stop words and generic software words, keeps neighbouring pairs", () => {
    expect(terms("Patients of rural clinics")).toEqual(["patient", "rural", "patient rural", "clinic", "rural clinic"]);
    expect(terms("Install the app with Docker")).toEqual([]);
    // "production" and "data" count only next to another word.
    expect(terms("production deployment")).toEqual(["product deploy"]);
    expect(terms("open data")).toEqual(["open data"]);
  });
});

describe("prose segments", () => {
  test("code fences, tables, HTML, inline code and URLs are not prose; lines are kept", () => {
    const text = [
      "# Title", //                      1
      "```", //                          2
      "health health", //                3
      "```", //                          4
      "| health | school |", //          5
      "See `health()` <b>now</b> at https://example.org/health. Second sentence!", // 6
    ].join("\n");
    expect(proseSegments(text)).toEqual([
      { line: 1, text: "Title" },
      { line: 6, text: "See now at ." },
      { line: 6, text: "Second sentence!" },
    ]);
  });

  test("an unclosed fence hides the rest, a different fence does not close it", () => {
    expect(proseSegments("Intro words\n~~~\nhealth\n```\nhealth\n")).toEqual([{ line: 1, text: "Intro words" }]);
  });
});

describe("suggestSdgs", () => {
  test("ranks goals with score, name and the quoted sentences with file and line", () => {
    const suggestions = suggestSdgs([
      {
        kind: "readme",
        path: "README.md",
        text: "# Harvest\n\nHelps smallholder farmers plan crops and improve food security.\n",
      },
      { kind: "description", text: "Crop planning for farmers" },
    ]);
    expect(suggestions[0]).toMatchObject({ sdg: 2, name: "Zero Hunger" });
    expect(suggestions[0]?.score).toBeGreaterThan(suggestions[1]?.score ?? 0);
    expect(suggestions[0]?.quotes).toContainEqual({
      source: "readme",
      path: "README.md",
      line: 3,
      text: "Helps smallholder farmers plan crops and improve food security.",
    });
    expect(suggestions[0]?.quotes).toContainEqual({ source: "description", text: "Crop planning for farmers" });
  });

  test("words the official targets use, not only curated terms, suggest a goal (SDG 12 included)", () => {
    const [first] = suggestSdgs([
      {
        kind: "readme",
        path: "README.md",
        text: "Reduce waste generation through prevention, recycling and reuse of materials.",
      },
    ]);
    expect(first?.sdg).toBe(12);
  });

  test("a single passing word suggests nothing; a text about nothing suggests nothing", () => {
    expect(
      suggestSdgs([{ kind: "readme", path: "README.md", text: "It may cause data corruption in beta builds." }]),
    ).toEqual([]);
    expect(suggestSdgs([{ kind: "readme", path: "README.md", text: "Run npm install, then npm start." }])).toEqual([]);
    expect(suggestSdgs([])).toEqual([]);
  });

  test("the word ecosystem alone does not suggest Life on Land", () => {
    const suggestions = suggestSdgs([
      { kind: "readme", path: "README.md", text: "A plugin ecosystem for the editor. The ecosystem has many plugins." },
    ]);
    expect(suggestions.map((suggestion) => suggestion.sdg)).not.toContain(15);
  });

  test("input past the cap is not read, so hostile input stays bounded", () => {
    const padding = "lorem ipsum dolor. ".repeat(Math.ceil(MAX_SDG_INPUT_CHARS / 19));
    const suggestions = suggestSdgs([
      { kind: "readme", path: "README.md", text: padding },
      { kind: "docs", path: "docs/index.md", text: "Patients, clinics and hospitals; health workers and vaccination." },
    ]);
    expect(suggestions).toEqual([]);
  });

  test("at most five suggestions, quotes at most 200 characters, two per goal", () => {
    const long = `Health ${"patients clinics hospitals ".repeat(30)}.`;
    const text = [
      long,
      "Schools and teachers.",
      "Farmers and crops.",
      "Water and sanitation.",
      "Energy and solar.",
      "Climate and weather.",
      "Cities and housing.",
      "Health again for patients.",
    ].join("\n");
    const suggestions = suggestSdgs([{ kind: "readme", path: "README.md", text }]);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    for (const suggestion of suggestions) {
      expect(suggestion.quotes.length).toBeLessThanOrEqual(2);
      for (const quote of suggestion.quotes) expect(quote.text.length).toBeLessThanOrEqual(200);
    }
  });
});

describe("words with a software sense", () => {
  test("batch jobs and pipeline jobs do not suggest Decent Work; job seekers do", () => {
    const jobs = suggestSdgs([
      {
        kind: "readme",
        path: "README.md",
        text: "Scheduler jobs run the pipeline. Failed jobs are retried; each job writes its business report.",
      },
    ]);
    expect(jobs.map((suggestion) => suggestion.sdg)).not.toContain(8);
    expect(terms("job seekers")).toEqual(["seeker", "job seeker"]);
  });
});

describe("manifests as a source", () => {
  test.each([
    [
      "package.json",
      JSON.stringify({ description: "Crop planning", keywords: ["food-security", "farmers"] }),
      "Crop planning. food security, farmers.",
    ],
    ["composer.json", '{"description": "Clinic records."}', "Clinic records."],
    [
      "pyproject.toml",
      '[project]\nname = "x"\ndescription = "Water quality"\nkeywords = ["sanitation", "wells"]\n',
      "Water quality. sanitation, wells.",
    ],
    [
      "pom.xml",
      "<project><parent><description>Parent</description></parent><description>Health claims</description></project>",
      "Health claims.",
    ],
    [
      "DESCRIPTION",
      "Package: x\nTitle: Malaria Models\nDescription: Models of malaria spread.\n",
      "Malaria Models. Models of malaria spread.",
    ],
    ["package.json", "{not json", ""],
    ["package.json", '{"name": "x"}', ""],
  ])("%s: %s", (path, text, purpose) => {
    expect(manifestPurpose(path, text)).toBe(purpose);
  });

  test("a manifest's description and keywords suggest a goal, quoted with the manifest's path", () => {
    const view = {
      listing: { paths: ["package.json", "index.js"], truncated: false },
      metadata: {},
      read: () => ({
        kind: "text" as const,
        text: JSON.stringify({ description: "Nutrition and food security for smallholder farmers" }),
        bytes: 60,
      }),
    };
    const [first] = suggestSdgs(readSdgSources(view as never));
    expect(first?.sdg).toBe(2);
    expect(first?.quotes[0]).toMatchObject({ source: "manifest", path: "package.json" });
  });
});
