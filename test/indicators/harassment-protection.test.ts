import { resultFor } from "../helpers/screen-memory.js";

const COC = { "CODE_OF_CONDUCT.md": "Report unacceptable behaviour to conduct@example.org." };

describe("indicator 9c: protection from harassment", () => {
  test("a code of conduct with a contact passes its criterion; underage safety is still asked for", async () => {
    const result = await resultFor("9c", COC);
    expect(result.outcome).toBe("review");
    expect(result.criteria?.[0]).toMatchObject({ outcome: "pass", evidence: [{ path: "CODE_OF_CONDUCT.md" }] });
  });

  test("no code of conduct and no declaration is review, not fail", async () => {
    expect((await resultFor("9c", { "README.md": "# x" })).outcome).toBe("review");
  });

  test("declared user interaction without any code of conduct fails", async () => {
    const result = await resultFor("9c", {
      ".github/dpg.yml": "doNoHarm:\n  harassment:\n    userInteraction: true\n",
    });
    expect(result.outcome).toBe("fail");
  });

  test("a declared code of conduct that is not in the repository is a contradiction to review", async () => {
    const result = await resultFor("9c", {
      ".github/dpg.yml":
        "doNoHarm:\n  harassment:\n    userInteraction: true\n    codeOfConduct: CODE_OF_CONDUCT.md\n    underageSafety: No accounts for minors.\n",
    });
    expect(result.outcome).toBe("review");
    expect(result.summary).toContain("CODE_OF_CONDUCT.md");
  });

  test("declared no interaction is attested", async () => {
    expect(
      (await resultFor("9c", { ".github/dpg.yml": "doNoHarm:\n  harassment:\n    userInteraction: false\n" })).outcome,
    ).toBe("attested");
  });

  test("code of conduct plus declared underage safety is attested", async () => {
    const result = await resultFor("9c", {
      ...COC,
      ".github/dpg.yml":
        "doNoHarm:\n  harassment:\n    userInteraction: true\n    underageSafety: Accounts require age 16+.\n",
    });
    expect(result.outcome).toBe("attested");
  });

  test("an exemption is not-applicable with its reason", async () => {
    const result = await resultFor("9c", {
      ".github/dpg.yml": "exemptions:\n  9c:\n    reason: A command-line tool with no users interacting.\n",
    });
    expect(result).toMatchObject({
      outcome: "not-applicable",
      summary: "Exempted by the maintainers: A command-line tool with no users interacting.",
    });
  });
});

describe("fixes that fit the evidence", () => {
  test("with a code of conduct found, the fix never says to add one", async () => {
    const result = await resultFor("9c", { "CODE_OF_CONDUCT.md": "# Code of conduct\nBe kind.\n" });
    expect(result.fix?.text).toBe(
      "Name a contact for reporting harassment in CODE_OF_CONDUCT.md, and declare whether users interact and how underage users are kept safe in .github/dpg.yml under `doNoHarm.harassment`.",
    );
    expect(result.fix?.markdown).toContain("`CODE_OF_CONDUCT.md`");
  });

  test("without a code of conduct, the fix says to add one", async () => {
    const result = await resultFor("9c", { "README.md": "# x" });
    expect(result.fix?.text).toMatch(/^Add CODE_OF_CONDUCT\.md/);
  });
});
