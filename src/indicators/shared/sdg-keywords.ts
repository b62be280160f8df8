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
  evidence: Evidence;
}

/** At most one quoted sentence per SDG, for the SDGs whose words appear. */
export function suggestSdgs(path: string, text: string, limit = 4): SdgSuggestion[] {
  const suggestions: SdgSuggestion[] = [];
  for (const [sdg, pattern] of Object.entries(SDG_KEYWORDS)) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const start = Math.max(text.lastIndexOf(".", match.index) + 1, text.lastIndexOf("\n", match.index) + 1);
    const endCandidates = [text.indexOf(".", match.index), text.indexOf("\n", match.index)].filter((index) => index !== -1);
    const end = endCandidates.length > 0 ? Math.min(...endCandidates) : text.length;
    const sentence = text.slice(start, end).trim().slice(0, 160);
    suggestions.push({ sdg: Number(sdg), evidence: { path, line: lineOf(text, match.index), note: `suggests SDG ${sdg} ("${match[0]}"): "${sentence}"` } });
  }
  return suggestions.slice(0, limit);
}
