// Typed access to the maintainers' declaration for indicators, and the evidence it carries.
// The declaration module validated the value, so reading it here needs no second check.
import type { Evidence, IndicatorContext, SnapshotView } from "../../core/indicator.js";
import type { Declaration } from "../../declaration/declaration-schema.js";

export function declarationOf(context: IndicatorContext): Declaration {
  return (context.declaration.value ?? {}) as Declaration;
}

/** Where the declaration lives, for evidence notes. */
export function declarationPath(context: IndicatorContext): string {
  return context.declaration.path ?? ".github/dpg.yml";
}

/** Evidence entries for declared links: URLs stay URLs, repository paths become paths. */
export function linkEvidence(links: readonly string[] | undefined, note: string): Evidence[] {
  return (links ?? []).map((link) => (/^https?:\/\//.test(link) ? { url: link, note } : { path: link, note }));
}

/** Declared repository paths that are not in the repository (a contradiction to show). */
export function missingPaths(view: SnapshotView, links: readonly (string | undefined)[]): string[] {
  const paths = new Set(view.listing.paths);
  return links
    .filter((link): link is string => link !== undefined && !/^https?:\/\//.test(link))
    .filter(
      (link) =>
        !paths.has(link.replace(/^\.\//, "")) &&
        !view.listing.paths.some((path) => path.startsWith(`${link.replace(/\/$/, "")}/`)),
    );
}
