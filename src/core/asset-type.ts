// The four kinds of digital public good the DPGA recognises; licence rules differ per kind.

export const ASSET_TYPES = ["software", "data", "content", "aimodel"] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/** Which asset types a repository holds, and where that came from. */
export interface AssetTypeDecision {
  types: AssetType[];
  source: "declaration" | "option" | "detected";
  /** Why, in one sentence, for the report. */
  reason: string;
}

export function isAssetType(value: string): value is AssetType {
  return (ASSET_TYPES as readonly string[]).includes(value);
}
