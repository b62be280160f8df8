// What a shared fact is: established once per screen from the files it asks for, before any
// indicator runs, and handed to every indicator through the IndicatorContext.
import type { AssetType } from "../core/asset-type.js";
import type { IndicatorContext, SnapshotView } from "../core/indicator.js";

export type FactKey = keyof IndicatorContext;

/** What a fact may take from the screen's options besides the files. */
export interface FactOptions {
  /** Asset types given on the command line. */
  assetTypes?: readonly AssetType[];
}

export interface Fact<K extends FactKey = FactKey, N extends FactKey = FactKey> {
  /** The IndicatorContext field this fact fills. */
  key: K;
  /** Facts this one is built from; they come earlier in the registry. */
  needs: readonly N[];
  /** The paths this fact will read, chosen from the listing. */
  files(paths: readonly string[]): readonly string[];
  build(view: SnapshotView, facts: Pick<IndicatorContext, N>, options: FactOptions): IndicatorContext[K];
  /**
   * What the screen uses when `build` throws: a fact that cannot be established costs the rows
   * that depend on it, never the report. `message` is the error's message.
   */
  fallback(message: string): IndicatorContext[K];
}

/** Identity helper so each fact module gets full type checking at its definition. */
export function defineFact<K extends FactKey, N extends FactKey = never>(fact: Fact<K, N>): Fact<K, N> {
  return fact;
}
