// Words that suggest which SDG a project serves, for a suggestion quoted back to the
// maintainers. A suggestion only: relevance is theirs to argue at target level.
import { lineOf } from "../../core/find-files.js";
import type { Evidence } from "../../core/indicator.js";

export const SDG_KEYWORDS: Readonly<Record<number, RegExp>> = {
  1: /\b(poverty|social protection|cash transfers?|financial inclusion)\b/i,
  2: /\b(hunger|food security|agricultur\w*|farmers?|crops?|nutrition)\b/i,
  3: /\b(health ?care|health|clinics?|patients?|hospitals?|disease|medical|immuni[sz]ation|vaccin\w*|epidemi\w*)\b/i,
  4: /\b(education|learners?|students?|teachers?|schools?|literacy|e-?learning|curricul\w*)\b/i,
  5: /\b(gender|women|girls|gender-based violence)\b/i,
  6: /\b(water|sanitation|hygiene)\b/i,
  7: /\b(energy|electricity|solar|renewables?)\b/i,
  8: /\b(employment|jobs?|livelihoods?|small businesses|entrepreneur\w*)\b/i,
  9: /\b(infrastructure|connectivity|broadband|innovation)\b/i,
  10: /\b(inequalit\w*|inclusion|accessibility|disabilit\w*|refugees?|migrants?)\b/i,
  11: /\b(cities|urban|housing|transport|disaster)\b/i,
  13: /\b(climate|emissions?|carbon|greenhouse)\b/i,
  14: /\b(oceans?|marine|fisher\w*|coastal)\b/i,
  15: /\b(biodiversity|forests?|deforestation|land use|ecosystems?|wildlife)\b/i,
  16: /\b(transparency|accountability|justice|corruption|civic|democra\w*|elections?|open government|identity)\b/i,
  17: /\b(open data|partnerships?|statistics|interoperab\w*)\b/i,
};

export interface SdgSuggestion {
  sdg: number;
  /** How many times the SDG's words appear in the README's prose. */
  hits: number;
  evidence: Evidence;
}

/**
 * Blanks out what is not prose — code blocks, inline code, HTML tags, URLs, table rows — with
 * spaces, keeping every offset (and so every line number) of the original text.
 */
export function proseOnly(text: string): string {
  const blank = (match: string) => match.replace(/[^\n]/g, " ");
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/<[^>\n]*>/g, blank)
    .replace(/\bhttps?:\/\/\S+/g, blank)
    .replace(/^\s*\|.*$/gm, blank);
}

/** Fewer hits than this is a passing word ("data corruption"), not what the project is about. */
const MIN_HITS = 2;

/**
 * The SDGs whose words recur in the README's prose, most frequent first, each with the first
 * sentence that mentions them.
 */
export function suggestSdgs(path: string, text: string, limit = 3): SdgSuggestion[] {
  const prose = proseOnly(text);
  const suggestions: SdgSuggestion[] = [];
  for (const [sdg, pattern] of Object.entries(SDG_KEYWORDS)) {
    const matches = [...prose.matchAll(new RegExp(pattern.source, "gi"))];
    const match = matches[0];
    if (match === undefined || matches.length < MIN_HITS) continue;
    const index = match.index ?? 0;
    const start = Math.max(prose.lastIndexOf(".", index) + 1, prose.lastIndexOf("\n", index) + 1);
    const endCandidates = [prose.indexOf(".", index), prose.indexOf("\n", index)].filter((found) => found !== -1);
    const end = endCandidates.length > 0 ? Math.min(...endCandidates) : prose.length;
    const sentence = prose.slice(start, end).replace(/\s+/g, " ").trim().slice(0, 160);
    suggestions.push({
      sdg: Number(sdg),
      hits: matches.length,
      evidence: {
        path,
        line: lineOf(text, index),
        note: `suggests SDG ${sdg} (${matches.length} mentions of words like "${match[0]}"): "${sentence}"`,
      },
    });
  }
  return suggestions.sort((a, b) => b.hits - a.hits || a.sdg - b.sdg).slice(0, limit);
}
