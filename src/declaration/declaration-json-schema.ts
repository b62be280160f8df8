// The JSON Schema of .github/dpg.yml, generated from the zod schema so editors can offer
// completion and checking; schema/dpg.schema.json is this output, kept in step by a test.
import { zod } from "./zod.js";
import { dpgFileSchema } from "./declaration-schema.js";

export function declarationJsonSchema(): Record<string, unknown> {
  return {
    ...zod().toJSONSchema(dpgFileSchema(), { io: "input", target: "draft-2020-12" }),
    title: "DPG Screener declaration (.github/dpg.yml)",
    description:
      "What the maintainers declare about the Digital Public Goods Standard, plus the GitHub App's settings. Every key is optional. See docs/declaration.md.",
  };
}

/** The schema as committed: two-space JSON with a final newline. */
export function declarationJsonSchemaText(): string {
  return `${JSON.stringify(declarationJsonSchema(), null, 2)}\n`;
}
