import { resultFor } from "../helpers/screen-memory.js";

const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(" ");

describe("indicator 5: documentation", () => {
  test.each([
    [
      "substantial README with an install section",
      "pass",
      { "README.md": `# Demo\n\n${words(200)}\n\n## Installation\n\nnpm ci\n` },
    ],
    ["short README", "review", { "README.md": "# Demo\n\nA tool.\n" }],
    ["long README without install or usage heading", "review", { "README.md": `# Demo\n\n${words(300)}\n` }],
    ["no README but a docs folder", "review", { "docs/index.md": "# Docs" }],
    ["no README and no docs", "fail", { "src/main.c": "int main(){}" }],
  ] as const)("%s → %s", async (_name, outcome, files) => {
    const result = await resultFor("5", files);
    expect(result.outcome).toBe(outcome);
  });

  test("a README found in docs/ counts and is cited as evidence", async () => {
    const result = await resultFor("5", { "docs/README.md": `# Demo\n\n${words(200)}\n\n## Usage\n\nrun it\n` });
    expect(result.outcome).toBe("pass");
    expect(result.evidence[0]).toMatchObject({ path: "docs/README.md" });
  });

  test("an unmet row carries the generic fix", async () => {
    const result = await resultFor("5", {});
    expect(result.fix?.markdown).toContain("README.md");
  });
});

describe("indicator 5: declared documentation", () => {
  test("declared documentation is attested when the README alone is not enough", async () => {
    const result = await resultFor("5", {
      "README.md": `# Demo\n\n${words(200)}\n\n## Installation\n\nnpm ci\n`,
      ".github/dpg.yml": "documentation:\n  evidence: [https://docs.example.org]\n",
    });
    expect(result.outcome).toBe("attested");
  });

  test("a declared documentation path missing from the repository is review", async () => {
    const result = await resultFor("5", {
      "README.md": "# Demo",
      ".github/dpg.yml": "documentation:\n  evidence: [docs/guide.md]\n",
    });
    expect(result.outcome).toBe("review");
    expect(result.evidence.map((item) => item.note)).toContain("docs/guide.md is declared but not in the repository");
  });

  test("a homepage that is another documentation site is shown next to the declared one", async () => {
    const result = await resultFor(
      "5",
      { "README.md": "# Demo", ".github/dpg.yml": "documentation:\n  evidence: [https://wiki.example.org]\n" },
      { metadata: { homepage: "https://docs.example.org" } },
    );
    expect(result.outcome).toBe("review");
    expect(result.evidence).toContainEqual({
      url: "https://docs.example.org",
      note: "the repository's homepage is a different documentation site",
    });
  });
});

describe("indicator 5: a README that exists but cannot be read", () => {
  test("a README over the byte cap is a review naming its size, never a 'no README' fail", async () => {
    const result = await resultFor("5", { "README.md": "word ".repeat(120_000) });
    expect(result.outcome).toBe("review");
    expect(result.evidence[0]).toEqual({
      path: "README.md",
      note: "README too large to read (600000 bytes), so what it explains is unknown",
    });
  });

  test("a binary README is a review, not a fail", async () => {
    const result = await resultFor("5", { "README.md": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) });
    expect(result.outcome).toBe("review");
    expect(result.evidence[0]?.note).toBe("README not readable as text (binary), so what it explains is unknown");
  });

  test("a UTF-16 README with a byte-order mark is read as text", async () => {
    const text = `# Demo\n\n${"word ".repeat(200)}\n\n## Installation\n\nnpm ci\n`;
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]);
    const result = await resultFor("5", { "README.md": bytes });
    expect(result.outcome).toBe("pass");
  });
});
