import { readFileSync } from "node:fs";
import { GENERATED_FILES } from "../../scripts/generated-files.js";

describe("files generated from the indicator registry", () => {
  test.each(GENERATED_FILES.map((file) => [file.path, file] as const))(
    "%s is up to date (regenerate with npm run generate)",
    (path, file) => {
      const current = readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
      expect(file.generate(current)).toBe(current);
    },
  );

  test("a file without its markers is an error, not a silent no-op", () => {
    const readme = GENERATED_FILES.find((file) => file.path === "README.md");
    expect(() => readme?.generate("# no markers here\n")).toThrow('missing the markers of "indicators"');
  });
});
