// Filled-in parameter blocks that some licences put before their terms, which SPDX's copy of
// the text leaves out. SPDX's matching guidelines treat such fields as replaceable text; here
// the block is taken out before matching (lines kept blank, so line numbers hold) and its
// values are reported, so "Licensor: Acme" never lowers the match of the terms.

export interface ParameterBlock {
  /** The licence whose texts carry this block. */
  spdx: string;
  /** 1-based lines of the block in the file. */
  fromLine: number;
  toLine: number;
  /** "Licensor: Acme Corp", "Change Date: 2028-01-01", one per field found. */
  values: string[];
}

interface BlockSpec {
  spdx: string;
  /** The heading line that opens the block. */
  heading: RegExp;
  /** Field names, one at the start of a line followed by a colon. */
  fields: RegExp;
  /** A line that ends the block (not part of it): the licence's title or its terms. */
  end: RegExp;
}

/**
 * The Business Source License 1.1 as MariaDB publishes it (mariadb.com/bsl11): a "Parameters"
 * block (Licensor, Licensed Work, Additional Use Grant, Change Date, Change License) and a
 * "Notice" paragraph come before the "Business Source License 1.1" terms.
 */
const BLOCKS: readonly BlockSpec[] = [
  {
    spdx: "BUSL-1.1",
    heading: /^[\s#*_-]*parameters[\s#*_:-]*$/i,
    fields: /^[\s*_-]*(licensor|licensed work|additional use grant|change date|change license)[\s*_]*:\s*(?!\s)(.*)$/i,
    end: /^[\s#*_-]*(business source license\b|terms[\s#*_:-]*$)/i,
  },
];

/** Lines after the heading within which the first field must appear. */
const FIRST_FIELD_WITHIN = 4;
/** A block longer than this is not a parameter block. */
const MAX_BLOCK_LINES = 400;

/** The text with parameter blocks blanked out, and the blocks found. Linear in the text. */
export function extractParameterBlocks(text: string): { text: string; blocks: ParameterBlock[] } {
  if (!/parameters/i.test(text)) return { text, blocks: [] };
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: ParameterBlock[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    const spec = BLOCKS.find((candidate) => candidate.heading.test(line));
    if (spec === undefined) continue;
    const firstField = lines
      .slice(index + 1, index + 1 + FIRST_FIELD_WITHIN)
      .findIndex((candidate) => spec.fields.test(candidate));
    if (firstField < 0) continue;
    const values: string[] = [];
    let end = index + 1;
    while (end < lines.length && end - index < MAX_BLOCK_LINES && !spec.end.test(lines[end] ?? "")) {
      const field = spec.fields.exec(lines[end] ?? "");
      if (field !== null) values.push(`${field[1] ?? ""}: ${(field[2] ?? "").trim().slice(0, 80)}`);
      end += 1;
    }
    if (end >= lines.length || end - index >= MAX_BLOCK_LINES) continue;
    blocks.push({ spdx: spec.spdx, fromLine: index + 1, toLine: end, values });
    for (let blank = index; blank < end; blank += 1) lines[blank] = "";
    index = end;
  }
  return blocks.length === 0 ? { text, blocks } : { text: lines.join("\n"), blocks };
}
