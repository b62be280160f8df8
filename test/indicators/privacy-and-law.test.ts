import { resultFor } from "../helpers/screen-memory.js";

describe("indicator 7: privacy and applicable laws", () => {
  test("a privacy policy naming GDPR is evidence, but compliance must be declared", async () => {
    const result = await resultFor("7", { "PRIVACY.md": "# Privacy\n\nWe follow the GDPR.\n" });
    expect(result.outcome).toBe("review");
    expect(result.evidence).toContainEqual({ path: "PRIVACY.md", line: 3, note: '"We follow the GDPR."' });
  });

  test("declared laws with a policy link are attested", async () => {
    const result = await resultFor("7", {
      ".github/dpg.yml": "privacy:\n  laws: [GDPR]\n  policy: https://example.org/privacy\n",
    });
    expect(result.outcome).toBe("attested");
  });

  test("declared laws without evidence are review", async () => {
    expect((await resultFor("7", { ".github/dpg.yml": "privacy:\n  laws: [GDPR]\n" })).outcome).toBe("review");
  });
});
