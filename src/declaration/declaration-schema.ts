// The maintainers' declaration in .github/dpg.yml, mirroring the DPGA application questions
// (STD-2025 standard-questions.md). Every key is optional: declare what you can, when you can.
import { z } from "zod";
import { ASSET_TYPES } from "../core/asset-type.js";
import { appSettingsShape } from "./app-settings-schema.js";

/** A public URL or a path inside the repository, e.g. "docs/privacy.md". */
export const evidenceLink = z
  .string()
  .min(1)
  .refine((value) => /^https?:\/\/\S+$/.test(value) || /^(?![a-z][a-z0-9+.-]*:)(?!\/)[^\s]+$/i.test(value), {
    message: "evidence-link",
  })
  .describe("A public http(s) URL, or a path inside this repository such as docs/privacy.md.");
export const evidenceList = z.array(evidenceLink).describe("Links that prove the answer: URLs or repository paths.");
const text = z.string().min(1);

/** The DPGA's four answers to "does the product collect, store or distribute …?" (9a and 9b). */
export const HANDLING_LEVELS = ["not-collected", "collected", "stored", "distributed"] as const;
const handling = z.enum(HANDLING_LEVELS);

export const sdgSchema = z.strictObject({
  number: z.number().int().min(1).max(17).describe("The SDG number, 1 to 17."),
  targets: z
    .array(z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/))
    .optional()
    .describe('SDG targets, e.g. ["3.8", "3.d"].'),
  relevance: text.optional().describe("How the product advances these targets."),
  evidence: evidenceList.optional(),
});

export const declarationShape = {
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
  sdgs: z.array(sdgSchema).optional().describe("Indicator 1: the most relevant SDGs."),
  owner: z
    .strictObject({
      name: text.optional(),
      type: z
        .enum(["government", "multilateral", "non-profit", "academic", "company", "community", "individual", "other"])
        .optional(),
      country: text.optional().describe("Country where the owner is legally registered."),
      ownsEverything: z.boolean().optional().describe("Does the owner own all the code, content and data?"),
      evidence: evidenceList.optional().describe("Copyright, trademark or parent-organisation pages."),
      rightsEvidence: evidenceList
        .optional()
        .describe("If not all owned: licence agreements or a Contributor License Agreement."),
    })
    .optional()
    .describe("Indicator 3: clear ownership."),
  platformIndependence: z
    .strictObject({
      coreTechnologies: z.array(text).optional(),
      closedComponents: z
        .boolean()
        .optional()
        .describe("Does any mandatory component have a licence more restrictive than the product's?"),
      openAlternatives: z
        .array(z.strictObject({ component: text, alternative: text, evidence: evidenceList.optional() }))
        .optional(),
      evidence: evidenceList.optional(),
    })
    .optional()
    .describe("Indicator 4: platform independence."),
  documentation: z
    .strictObject({ evidence: evidenceList.optional() })
    .optional()
    .describe("Indicator 5: where the documentation is."),
  nonPersonalData: z
    .strictObject({
      collected: z
        .boolean()
        .optional()
        .describe("Does the product collect, use or generate non-personal data or content?"),
      exportMechanism: text.optional().describe("How that data can be exported or imported in open formats."),
      evidence: evidenceList.optional(),
    })
    .optional()
    .describe("Indicator 6: mechanism for extracting data and content."),
  privacy: z
    .strictObject({
      laws: z.array(text).optional().describe("Privacy and other laws the product complies with."),
      policy: evidenceLink.optional().describe("Privacy policy, terms of service or legal documents."),
      evidence: evidenceList.optional(),
    })
    .optional()
    .describe("Indicator 7: privacy and applicable laws (answered by an authorised representative)."),
  standards: z
    .strictObject({
      openStandards: z.array(z.strictObject({ name: text, evidence: evidenceList.optional() })).optional(),
      bestPractices: z.array(z.strictObject({ name: text, evidence: evidenceList.optional() })).optional(),
    })
    .optional()
    .describe("Indicator 8: standards and best practices."),
  doNoHarm: z
    .strictObject({
      dataPrivacySecurity: z
        .strictObject({
          personalData: handling
            .optional()
            .describe("9a: is personal data not collected, collected, stored, or distributed?"),
          personalDataTypes: z.array(text).optional(),
          protection: text.optional().describe("How privacy, security and integrity are protected."),
          evidence: evidenceList.optional(),
        })
        .optional(),
      harmfulContent: z
        .strictObject({
          content: handling.optional().describe("9b: is content not collected, collected, stored, or distributed?"),
          contentTypes: z.array(text).optional(),
          moderation: text
            .optional()
            .describe(
              "How inappropriate and illegal content is detected, moderated, reported and removed, and how fast.",
            ),
          policy: evidenceLink.optional(),
        })
        .optional(),
      harassment: z
        .strictObject({
          userInteraction: z.boolean().optional().describe("9c: can users or contributors interact with each other?"),
          codeOfConduct: evidenceLink.optional(),
          reportingProcess: text.optional(),
          underageSafety: text.optional().describe("How underage users are kept safe."),
          evidence: evidenceList.optional(),
        })
        .optional(),
    })
    .optional()
    .describe("Indicator 9: do no harm (answered by an authorised representative)."),
  locations: z
    .strictObject({
      developmentCountries: z.array(text).optional(),
      deploymentCountries: z.array(text).optional(),
    })
    .optional(),
  exemptions: z
    .partialRecord(z.enum(["1", "3", "4", "5", "6", "7", "8", "9a", "9b", "9c"]), z.strictObject({ reason: text }))
    .optional()
    .describe("Indicators that do not apply, each with the reason shown in the report."),
};

/** The whole .github/dpg.yml: the declaration plus the GitHub App's settings. */
export const dpgFileSchema = z.strictObject({ ...declarationShape, ...appSettingsShape });
export type Declaration = z.infer<typeof dpgFileSchema>;
