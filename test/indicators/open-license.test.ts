import { resultFor, screenMemory } from "../helpers/screen-memory.js";
import { filledText, spdxText } from "../fixtures/licenses/spdx-texts.js";

const code = { "src/main.py": "print('hi')\n" };

describe("indicator 2: approved open licence", () => {
  test("an MIT LICENSE passes for software, with the file as evidence", async () => {
    const result = await resultFor("2", { ...code, LICENSE: filledText("MIT") });
    expect(result.outcome).toBe("pass");
    expect(result.summary).toBe("Licensed under MIT, approved for software.");
    expect(result.evidence[0]).toMatchObject({ path: "LICENSE", line: 1 });
  });

  test("no licence anywhere fails with the generic fix", async () => {
    const result = await resultFor("2", code);
    expect(result.outcome).toBe("fail");
    expect(result.summary).toMatch(/^No licence found/);
    expect(result.fix?.markdown).toContain("LICENSE");
  });

  test("the report carries the licence expression and the evidence contract", async () => {
    const report = await screenMemory({ ...code, LICENSE: spdxText("Apache-2.0") });
    expect(report.license).toBe("Apache-2.0");
    expect(report.licenses[0]).toMatchObject({ spdx: "Apache-2.0", path: "LICENSE", method: "text", confidence: 1 });
    expect(report.licenseConflicts).toEqual([]);
  });
});
