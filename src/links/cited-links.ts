// Every URL a DPGA draft and its declaration cite, each with where it is cited, for the link
// check. Pure: the fetching is check-links.ts.
import type { DpgaDraft } from "../reporters/dpga-entry.js";

export interface CitedLink {
  url: string;
  /** Draft fields ("openlicenses") and declaration keys ("declaration owner.evidence[0]"). */
  citedIn: string[];
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s,<>"'`]+[^\s,<>"'`.;:!?)]/g;
/** A declaration or draft cannot make the check fetch more than this many links. */
export const MAX_CITED_LINKS = 200;

export function citedLinks(draft: DpgaDraft, declaration: unknown): CitedLink[] {
  const links = new Map<string, Set<string>>();
  const cite = (url: string, where: string) => {
    if (!links.has(url) && links.size >= MAX_CITED_LINKS) return;
    let places = links.get(url);
    if (places === undefined) links.set(url, (places = new Set()));
    places.add(where);
  };
  for (const answer of draft.answers) {
    for (const item of answer.evidence) for (const url of item.match(URL_IN_TEXT) ?? []) cite(url, answer.field);
    walk(draft.entry[answer.field], answer.field, cite, false);
  }
  for (const field of ["website", "repositories", "organizations"])
    if (!draft.answers.some((answer) => answer.field === field)) walk(draft.entry[field], field, cite, false);
  walk(declaration, "declaration", cite, true);
  return [...links].map(([url, places]) => ({ url, citedIn: [...places] }));
}

function walk(value: unknown, where: string, cite: (url: string, where: string) => void, keyed: boolean): void {
  if (typeof value === "string") {
    for (const url of value.match(URL_IN_TEXT) ?? []) cite(url, where);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, keyed ? `${where}[${index}]` : where, cite, keyed));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value))
      walk(item, keyed ? `${where}${where === "declaration" ? " " : "."}${key}` : where, cite, keyed);
  }
}
