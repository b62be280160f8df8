import { fixtureRepository } from "../helpers/fixture-repository.js";
import { screenMemory } from "../helpers/screen-memory.js";

const screen = (name: string) =>
  screenMemory(fixtureRepository(name), {
    metadata: { name, fullName: `example/${name}`, url: `https://github.com/example/${name}`, commit: "0000000" },
  });
const outcomes = async (name: string) =>
  Object.fromEntries((await screen(name)).results.map((result) => [result.indicator, result.outcome]));

describe("golden reports of fixture repositories", () => {
  test.each([
    "complete-dpg",
    "bare",
    "data-repository",
    "content-collection",
    "ai-model",
    "monorepo",
    "contradictory-declaration",
  ])("%s", async (name) => {
    expect(await screen(name)).toMatchSnapshot();
  });
});

describe("what the golden reports must show", () => {
  test("a complete DPG has nothing failing and no indicator left for review except by licence", async () => {
    const result = await outcomes("complete-dpg");
    expect(
      Object.entries(result).filter(
        ([indicator, outcome]) => indicator !== "2" && !["pass", "attested", "not-applicable"].includes(outcome),
      ),
    ).toEqual([]);
  });

  test("a bare repository fails only documentation", async () => {
    const result = await outcomes("bare");
    expect(
      Object.entries(result)
        .filter(([indicator, outcome]) => outcome === "fail" && indicator !== "2")
        .map(([indicator]) => indicator),
    ).toEqual(["5"]);
  });

  test("an exemption in a data repository is not-applicable with its reason", async () => {
    const report = await screen("data-repository");
    expect(report.results.find((result) => result.indicator === "9c")?.summary).toBe(
      "Exempted by the maintainers: A static dataset; there is no place where users interact.",
    );
  });

  test("the monorepo's closed components are found one folder down", async () => {
    const report = await screen("monorepo");
    const paths = report.results.find((result) => result.indicator === "4")?.evidence.map((item) => item.path);
    expect(paths).toEqual(expect.arrayContaining(["server/docker-compose.yml", "app/pubspec.yaml"]));
  });

  test("a contradictory declaration: the screen runs, problems are listed with lines, contradictions are review", async () => {
    const report = await screen("contradictory-declaration");
    expect(report.declaration.status).toBe("invalid");
    expect(report.declaration.problems.map((problem) => [problem.key, problem.line])).toEqual([
      ["owner.type", 10],
      ["sdgs.0.number", 12],
    ]);
    const result = Object.fromEntries(report.results.map((row) => [row.indicator, row.outcome]));
    expect(result).toMatchObject({ "4": "review", "5": "review", "9a": "fail", "9c": "review" });
    expect(JSON.stringify(report)).not.toContain("fixturevalue123");
  });
});
