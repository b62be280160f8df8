// What a shared fact is: established once per screen from the files it asks for, before any
// indicator runs, and handed to every indicator through the IndicatorContext. The context's
// fields are the facts of the registry (facts/registry.ts), so a fact is declared only here.
import type { AssetType } from "../core/asset-type.js";
import type { SnapshotView } from "../core/indicator.js";

/** What a fact may take from the screen's options besides the files. */
export interface FactOptions {
  /** Asset types given on the command line. */
  assetTypes?: readonly AssetType[];
}

/** What another fact sees of a fact it needs: its key and the type of its value. */
export interface NeededFact {
  readonly key: string;
  fallback(message: string): unknown;
}

/** The values of some facts, by key: what a fact's builder gets, and (for all) the IndicatorContext. */
export type FactValues<Facts extends readonly NeededFact[]> = {
  [F in Facts[number] as F["key"]]: ReturnType<F["fallback"]>;
};

export interface Fact<
  K extends string = string,
  V = unknown,
  Needs extends readonly NeededFact[] = readonly NeededFact[],
> {
  /** The IndicatorContext field this fact fills. */
  key: K;
  /** Facts this one is built from; they come earlier in the registry. */
  needs: Needs;
  /** The paths this fact will read, chosen from the listing. */
  files(paths: readonly string[]): readonly string[];
  build(view: SnapshotView, facts: FactValues<Needs>, options: FactOptions): V;
  /**
   * What the screen uses when `build` throws: a fact that cannot be established costs the rows
   * that depend on it, never the report. `message` is the error's message.
   */
  fallback(message: string): NoInfer<V>;
}

/** Identity helper so each fact module gets full type checking; the value's type is `build`'s. */
export function defineFact<const K extends string, V, const Needs extends readonly NeededFact[] = readonly []>(
  fact: Fact<K, V, Needs>,
): Fact<K, V, Needs> {
  return fact;
}
