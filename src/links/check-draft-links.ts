// `--check-links`: checks every URL a report's DPGA draft and declaration cite, and says which
// are broken, with their status and where they are cited.
import type { Report } from "../core/report.js";
import { buildDpgaDraft } from "../reporters/dpga-entry.js";
import { checkLinks, type LinkCheckOptions, type LinkStatus } from "./check-links.js";
import { citedLinks } from "./cited-links.js";

export interface CheckedLink extends LinkStatus {
  citedIn: string[];
}

export async function checkDraftLinks(report: Report, options: LinkCheckOptions = {}): Promise<CheckedLink[]> {
  const cited = citedLinks(buildDpgaDraft(report), report.declaration.value);
  const statuses = await checkLinks(
    cited.map((link) => link.url),
    options,
  );
  return cited.map((link, index) => ({ ...(statuses[index] as LinkStatus), citedIn: link.citedIn }));
}

/** One line per broken link, for the terminal: the URL, what it answered, and where it is cited. */
export function describeBrokenLinks(name: string, links: readonly CheckedLink[]): string[] {
  const broken = links.filter((link) => !link.ok);
  if (broken.length === 0) return [`${name}: all ${links.length} cited links answer`];
  return [
    `${name}: ${broken.length} of ${links.length} cited links are broken:`,
    ...broken.map(
      (link) =>
        `  ${link.url} — ${[link.status === undefined ? undefined : `HTTP ${link.status}`, link.error].filter(Boolean).join(", ")} — cited in ${link.citedIn.join("; ")}`,
    ),
  ];
}
