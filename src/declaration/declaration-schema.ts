// The maintainers' declaration in .github/dpg.yml, mirroring the DPGA application questions
// (STD-2025 standard-questions.md). Every key is optional: declare what you can, when you can.
// Each indicator's section comes from its definition in the registry; only the keys no
// indicator owns (asset types, product, locations) are written here.
import type { z } from "zod";
import { ASSET_TYPES } from "../core/asset-type.js";
import type { DeclarationSection, Indicator } from "../core/indicator.js";
import { INDICATOR_DEFINITIONS } from "../indicators/registry.js";
import { appSettingsShape } from "./app-settings-schema.js";
import { declarationFields } from "./declaration-fields.js";
import { once, zod } from "./zod.js";

const leadingShape = once(() => {
  const z = zod();
  const { evidenceLink, text } = declarationFields();
  return {
    assetTypes: z
      .array(z.enum(ASSET_TYPES))
      .min(1)
      .optional()
      .describe("What the repository holds; overrides detection."),
    product: z
      .strictObject({
        name: text.optional(),
        description: text.optional(),
        website: evidenceLink.optional(),
      })
      .optional()
      .describe("The product as named in the DPGA application."),
  };
});

const trailingShape = once(() => {
  const z = zod();
  const { text } = declarationFields();
  return {
    locations: z
      .strictObject({
        developmentCountries: z.array(text).optional(),
        deploymentCountries: z.array(text).optional(),
      })
      .optional(),
  };
});

/** Descriptions of the keys that hold several indicators' sections. */
const GROUP_DESCRIPTIONS: Partial<Record<string, string>> = {
  doNoHarm: "Indicator 9: do no harm (answered by an authorised representative).",
};

/** The ids maintainers may exempt, in the registry's order. */
export function exemptibleIds(indicators: readonly Indicator[]): string[] {
  return indicators.filter((indicator) => indicator.exemption.allowed).map((indicator) => indicator.id);
}

/** The declaration's keys for a list of indicators: the registry's, or a test's. */
export function declarationShapeOf(indicators: readonly Indicator[]): Record<string, z.ZodType> {
  const z = zod();
  const { text } = declarationFields();
  const sections: Record<string, z.ZodType> = {};
  const groups = new Map<string, Record<string, z.ZodType>>();
  for (const { declaration } of indicators) {
    if (declaration === undefined) continue;
    if (declaration.group === undefined) {
      sections[declaration.key] = declaration.schema;
      continue;
    }
    const group = groups.get(declaration.group) ?? {};
    if (!groups.has(declaration.group)) {
      groups.set(declaration.group, group);
      sections[declaration.group] = z.never(); // holds the group's place in the key order
    }
    group[declaration.key] = declaration.schema;
  }
  for (const [key, shape] of groups) {
    const schema = z.strictObject(shape).optional();
    const description = GROUP_DESCRIPTIONS[key];
    sections[key] = description === undefined ? schema : schema.describe(description);
  }
  const [first, ...rest] = exemptibleIds(indicators);
  return {
    ...leadingShape(),
    ...sections,
    ...trailingShape(),
    exemptions: z
      .partialRecord(first === undefined ? z.never() : z.enum([first, ...rest]), z.strictObject({ reason: text }))
      .optional()
      .describe("Indicators that do not apply, each with the reason shown in the report."),
  };
}

// The declaration's type, derived from the definitions' sections.
type Definitions = (typeof INDICATOR_DEFINITIONS)[number];
type Sections = Definitions extends infer D
  ? D extends { declaration: infer S extends DeclarationSection }
    ? S
    : never
  : never;
type Grouped = Extract<Sections, { group: string }>;
type SectionShape = { [S in Exclude<Sections, Grouped> as S["key"]]: S["schema"] } & {
  [G in Grouped["group"]]: z.ZodOptional<
    z.ZodObject<{ [S in Extract<Grouped, { group: G }> as S["key"]]: S["schema"] }, z.core.$strict>
  >;
};
type DeclarationShape = ReturnType<typeof leadingShape> &
  SectionShape &
  ReturnType<typeof trailingShape> & {
    exemptions: z.ZodOptional<z.ZodType<Partial<Record<string, { reason: string }>>>>;
  };

export const declarationShape = once(() => declarationShapeOf(INDICATOR_DEFINITIONS) as unknown as DeclarationShape);

/** The whole .github/dpg.yml: the declaration plus the GitHub App's settings. */
export const dpgFileSchema = once(() => zod().strictObject({ ...declarationShape(), ...appSettingsShape() }));
export type Declaration = z.infer<ReturnType<typeof dpgFileSchema>>;
