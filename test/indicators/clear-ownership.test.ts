import { resultFor } from "../helpers/screen-memory.js";

const DECLARED = "owner:\n  name: Example Foundation\n  type: non-profit\n  country: Kenya\n  evidence: [https://example.org/about]\n";

describe("indicator 3: clear ownership", () => {
  test("copyright lines, CODEOWNERS and a CLA are evidence; the owner must still be declared", async () => {
    const result = await resultFor("3", { LICENSE: "MIT License\n\nCopyright (c) 2024 Example Foundation\n", ".github/CODEOWNERS": "* @example/core", "CLA.md": "Sign this." });
    expect(result.outcome).toBe("review");
    expect(result.criteria?.filter((criterion) => criterion.outcome === "pass").map((criterion) => criterion.question)).toEqual([
      "Who holds the copyright?", "Who maintains the project (CODEOWNERS, MAINTAINERS, GOVERNANCE)?", "Is there a Contributor License Agreement or a DCO?",
    ]);
    expect(result.evidence[0]).toMatchObject({ path: "LICENSE", line: 3 });
  });

  test("a complete owner declaration is attested", async () => {
    const result = await resultFor("3", { LICENSE: "Copyright 2024 Example Foundation\n", ".github/dpg.yml": DECLARED });
    expect(result.outcome).toBe("attested");
  });

  test("a partial declaration names what is missing", async () => {
    const result = await resultFor("3", { ".github/dpg.yml": "owner:\n  name: Example Foundation\n" });
    expect(result.outcome).toBe("review");
    expect(result.criteria?.at(-1)?.evidence?.[0]?.note).toBe("Declare `owner.type`, `owner.country`, `owner.evidence`.");
  });
});
