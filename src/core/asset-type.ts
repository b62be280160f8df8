// The four kinds of digital public good the DPGA recognises; licence rules differ per kind.

export const ASSET_TYPES = ["software", "data", "content", "aimodel"] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/** Which asset types a repository holds, and where that came from. */
export interface AssetTypeDecision {
  types: AssetType[];
  source: "declaration" | "option" | "detected";
  /** Why, in one sentence, for the report. */
  reason: string;
  /**
   * Set when detection is unsure of the type, saying why. A licence rejected for an uncertain
   * type but fine for another is then a question for a reviewer, not a failure.
   */
  uncertain?: string;
}

export function isAssetType(value: string): value is AssetType {
  return (ASSET_TYPES as readonly string[]).includes(value);
}
