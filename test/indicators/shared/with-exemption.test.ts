import { resultFor } from "../../helpers/screen-memory.js";

const exempt = (id: string, reason: string) => `exemptions:\n  "${id}":\n    reason: ${reason}\n`;

describe("exemptions in .github/dpg.yml", () => {
  test("an exemption of a row that needs a declaration makes it not-applicable with the reason", async () => {
    const result = await resultFor("9b", { ".github/dpg.yml": exempt("9b", "The product stores no user content.") });
    expect(result).toMatchObject({
      outcome: "not-applicable",
      summary: "Exempted by the maintainers: The product stores no user content.",
    });
    expect(result.evidence).toEqual([
      { path: ".github/dpg.yml", note: "exemptions.9b.reason: The product stores no user content." },
    ]);
  });

  test("an exemption never hides a verified failure: committed credentials become a review showing both sides", async () => {
    const files = {
      ".github/dpg.yml": exempt("9a", "No personal data."),
      "server.key":
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAfixturefixturefixture\n-----END RSA PRIVATE KEY-----\n",
    };
    const result = await resultFor("9a", files);
    expect(result.outcome).toBe("review");
    expect(result.summary).toMatch(
      /^Exempted by the maintainers \("No personal data\."\), but the screener found: .+ A reviewer must decide\.$/,
    );
    expect(result.evidence[0]).toEqual({ path: ".github/dpg.yml", note: "exemptions.9a.reason: No personal data." });
    expect(result.evidence.some((evidence) => evidence.path === "server.key")).toBe(true);
    expect(JSON.stringify(result)).not.toContain("fixturefixture");
  });

  test("an exemption of a missing README does not turn the failure into not-applicable", async () => {
    const result = await resultFor("5", {
      ".github/dpg.yml": exempt("5", "Docs are elsewhere."),
      "main.py": "print(1)",
    });
    expect(result.outcome).toBe("review");
    expect(result.fix).toBeDefined();
  });

  test("a row the screener verified stays a pass, and the exemption is noted", async () => {
    const result = await resultFor("6", {
      ".github/dpg.yml": exempt("6", "No data."),
      "api/openapi.yaml": "openapi: 3.0.0\n",
    });
    expect(result.outcome).toBe("pass");
    expect(result.evidence.at(-1)?.note).toBe(
      "exemptions.6.reason: No data. (not needed: the screener verified this row)",
    );
  });
});
