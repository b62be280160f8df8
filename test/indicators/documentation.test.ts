import { resultFor } from "../helpers/screen-memory.js";

const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(" ");

describe("indicator 5: documentation", () => {
  test.each([
    ["substantial README with an install section", "pass", { "README.md": `# Demo\n\n${words(200)}\n\n## Installation\n\nnpm ci\n` }],
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
