// The zod building blocks every declaration section is made of. Kept apart from the assembled
// schema (declaration-schema.ts) because the indicators' sections use them and the assembled
// schema is built from the indicators. Built on first use (see zod.ts).
import { once, zod } from "./zod.js";

/** The DPGA's four answers to "does the product collect, store or distribute …?" (9a and 9b). */
export const HANDLING_LEVELS = ["not-collected", "collected", "stored", "distributed"] as const;

export const declarationFields = once(() => {
  const z = zod();
  /** A public URL or a path inside the repository, e.g. "docs/privacy.md". */
  const evidenceLink = z
    .string()
    .min(1)
    .refine((value) => /^https?:\/\/\S+$/.test(value) || /^(?![a-z][a-z0-9+.-]*:)(?!\/)[^\s]+$/i.test(value), {
      message: "evidence-link",
    })
    .describe("A public http(s) URL, or a path inside this repository such as docs/privacy.md.");
  const evidenceList = z.array(evidenceLink).describe("Links that prove the answer: URLs or repository paths.");
  const text = z.string().min(1);
  const handling = z.enum(HANDLING_LEVELS);
  /** One SDG the product serves (indicator 1). */
  const sdgSchema = z.strictObject({
    number: z.number().int().min(1).max(17).describe("The SDG number, 1 to 17."),
    targets: z
      .array(z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/))
      .optional()
      .describe('SDG targets, e.g. ["3.8", "3.d"].'),
    relevance: text.optional().describe("How the product advances these targets."),
    evidence: evidenceList.optional(),
  });
  return { evidenceLink, evidenceList, text, handling, sdgSchema };
});
