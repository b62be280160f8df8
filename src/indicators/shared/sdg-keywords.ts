// Words that suggest which SDG a project serves, for a suggestion quoted back to the
// maintainers. A suggestion only: relevance is theirs to argue at target level.
import { LineIndex } from "../../core/line-index.js";
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
 * spaces, keeping every offset (and so every line number) of the original text. One pass over
 * the lines for blocks and tables, then searches that never cross a line or backtrack: a README
 * of 500,000 blank lines costs what its size costs.
 */
export function proseOnly(text: string): string {
  const lines = text.split("\n");
  // Where each fence marker next opens or closes, so an unclosed fence is found without a search per fence.
  const fenceLines: Record<string, number[]> = { "```": [], "~~~": [] };
  lines.forEach((line, index) => {
    const marker = line.slice(0, 3);
    if (marker === "```" || marker === "~~~") fenceLines[marker]?.push(index);
  });
  const next: Record<string, number> = { "```": 0, "~~~": 0 };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    const marker = line.slice(0, 3);
    if (marker === "```" || marker === "~~~") {
      const fences = fenceLines[marker] ?? [];
      let position = next[marker] ?? 0;
      while (position < fences.length && (fences[position] ?? 0) <= index) position += 1;
      next[marker] = position;
      const close = fences[position];
      if (close !== undefined) {
        for (let blanked = index; blanked <= close; blanked += 1) lines[blanked] = blankOut(lines[blanked] ?? "");
        next[marker] = position + 1;
        index = close;
        continue;
      }
    }
    if (line.trimStart().startsWith("|")) lines[index] = blankOut(line);
  }
  return lines
    .join("\n")
    .replace(/`[^`\n]*`/g, blankOut)
    .replace(/<[^>\n]*>/g, blankOut)
    .replace(/\bhttps?:\/\/\S+/g, blankOut);
}

/** Spaces for every character but newlines, so offsets and line numbers stay where they were. */
function blankOut(match: string): string {
  return match.replace(/[^\n]/g, " ");
}

/** Fewer hits than this is a passing word ("data corruption"), not what the project is about. */
const MIN_HITS = 2;

/**
 * The SDGs whose words recur in the README's prose, most frequent first, each with the first
 * sentence that mentions them.
 */
export function suggestSdgs(path: string, text: string, limit = 3): SdgSuggestion[] {
  const prose = proseOnly(text);
  const lines = new LineIndex(text);
  const suggestions: SdgSuggestion[] = [];
  for (const [sdg, pattern] of Object.entries(SDG_KEYWORDS)) {
    let first: RegExpExecArray | undefined;
    let hits = 0;
    for (const match of prose.matchAll(new RegExp(pattern.source, "gi"))) {
      first ??= match;
      hits += 1;
    }
    if (first === undefined || hits < MIN_HITS) continue;
    const index = first.index;
    const start = Math.max(prose.lastIndexOf(".", index) + 1, prose.lastIndexOf("\n", index) + 1);
    const endCandidates = [prose.indexOf(".", index), prose.indexOf("\n", index)].filter((found) => found !== -1);
    const end = endCandidates.length > 0 ? Math.min(...endCandidates) : prose.length;
    const sentence = prose.slice(start, end).replace(/\s+/g, " ").trim().slice(0, 160);
    suggestions.push({
      sdg: Number(sdg),
      hits,
      evidence: {
        path,
        line: lines.lineOf(index),
        note: `suggests SDG ${sdg} (${hits} mentions of words like "${first[0]}"): "${sentence}"`,
      },
    });
  }
  return suggestions.sort((a, b) => b.hits - a.hits || a.sdg - b.sdg).slice(0, limit);
}
