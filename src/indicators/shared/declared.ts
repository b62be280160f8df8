// Typed access to the maintainers' declaration for indicators, and the evidence it carries.
// The declaration module validated the value, so reading it here needs no second check.
import type { z } from "zod";
import type { DeclarationSection, Evidence, IndicatorContext, SnapshotView } from "../../core/indicator.js";

/** The indicator's own section of the declaration, typed by its schema; undefined when not declared. */
export function declaredSection<S extends DeclarationSection>(
  context: IndicatorContext,
  section: S,
): z.output<S["schema"]> | undefined {
  const value: Record<string, unknown> = context.declaration.value ?? {};
  const holder = section.group === undefined ? value : value[section.group];
  if (typeof holder !== "object" || holder === null) return undefined;
  return (holder as Record<string, unknown>)[section.key] as z.output<S["schema"]> | undefined;
}

/** The exemption the maintainers declared for an indicator, if any. */
export function exemptionOf(context: IndicatorContext, id: string): { reason: string } | undefined {
  const exemptions = context.declaration.value?.["exemptions"];
  if (typeof exemptions !== "object" || exemptions === null) return undefined;
  return (exemptions as Partial<Record<string, { reason: string }>>)[id];
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
