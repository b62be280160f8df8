import { readFileSync, writeFileSync } from "node:fs";
import { declarationJsonSchemaText } from "../../src/declaration/declaration-json-schema.js";

const SCHEMA_PATH = new URL("../../schema/dpg.schema.json", import.meta.url);

describe("schema/dpg.schema.json", () => {
  test("is the JSON Schema generated from the zod schema (regenerate with UPDATE_SCHEMA=1 npm test -- test/declaration)", () => {
    const generated = declarationJsonSchemaText();
    if (process.env["UPDATE_SCHEMA"] === "1") writeFileSync(SCHEMA_PATH, generated);
    expect(readFileSync(SCHEMA_PATH, "utf8")).toBe(generated);
  });

  test("describes the declaration and the App's settings as top-level keys", () => {
    const schema = JSON.parse(declarationJsonSchemaText()) as {
      properties: Record<string, unknown>;
      additionalProperties: unknown;
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["sdgs", "owner", "doNoHarm", "exemptions", "issues", "check", "screen"]),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});
