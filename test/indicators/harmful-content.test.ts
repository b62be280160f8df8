import { resultFor } from "../helpers/screen-memory.js";

describe("indicator 9b: inappropriate and illegal content", () => {
  test("without a declaration it is review", async () => {
    expect((await resultFor("9b", {})).outcome).toBe("review");
  });

  test("declared: content not collected is attested", async () => {
    expect(
      (await resultFor("9b", { ".github/dpg.yml": "doNoHarm:\n  harmfulContent:\n    content: not-collected\n" }))
        .outcome,
    ).toBe("attested");
  });

  test("declared moderation with a policy in the repository is attested", async () => {
    const result = await resultFor("9b", {
      "MODERATION.md": "# Moderation",
      ".github/dpg.yml":
        "doNoHarm:\n  harmfulContent:\n    content: stored\n    moderation: Reports reviewed within 48 hours.\n    policy: MODERATION.md\n",
    });
    expect(result.outcome).toBe("attested");
  });

  test("a declared policy path that does not exist is review", async () => {
    const result = await resultFor("9b", {
      ".github/dpg.yml":
        "doNoHarm:\n  harmfulContent:\n    content: stored\n    moderation: Reports reviewed within 48 hours.\n    policy: MODERATION.md\n",
    });
    expect(result.outcome).toBe("review");
  });
});
