// Turns a licence value written by a person (a manifest field, an SPDX header) into an SPDX
// expression: valid expressions as they are, sloppy ones ("GPLv3", "Apache 2") repaired,
// R DESCRIPTION values ("GPL (>= 2)", "GPL-2 | GPL-3") read with R's own meaning.
import parseSpdxExpression from "spdx-expression-parse";
import { createRequire } from "node:module";
import type CorrectSpdx from "spdx-correct";
import { correctRLicenseValue, isRLicenseValue } from "./r-license-value.js";

const require = createRequire(import.meta.url);
let correctSpdxPackage: typeof CorrectSpdx | undefined;
/** spdx-correct (and the list of ids it reads), loaded on the first value that is not already an expression. */
const correctSpdx: typeof CorrectSpdx = (...args) =>
  (correctSpdxPackage ??= require("spdx-correct") as typeof CorrectSpdx)(...args);

export interface ParsedLicenseValue {
  expression: string;
  /** Every licence identifier in the expression, exceptions excluded. */
  ids: string[];
  /** 1 for a valid SPDX expression; lower when it had to be repaired. */
  confidence: number;
  /** Says how the value was repaired, when it was. */
  note?: string;
}

/** Words that appear in licence names; values without any are not licences. */
const LICENSE_WORDS =
  /licen[cs]e|gpl|\bmit\b|bsd|apache|mpl|mozilla|\bcc|creative|isc|epl|eclipse|eupl|artistic|zlib|boost|unlicense|public domain|odbl|pddl|\d/i;

type ParsedNode = ReturnType<typeof parseSpdxExpression>;

/** Parses `value`, or returns undefined when it is not a recognisable licence. */
export function parseLicenseValue(value: string): ParsedLicenseValue | undefined {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.length > 200) return undefined;
  const valid = tryParse(trimmed);
  if (valid !== undefined) return { expression: render(valid, true), ids: idsOf(valid), confidence: 1 };
  // spdx-correct maps almost anything to some licence; only licence-like words are handed to it.
  if (!LICENSE_WORDS.test(trimmed) || /copyright|all rights/i.test(trimmed)) return undefined;
  const corrected = isRLicenseValue(trimmed) ? correctRLicenseValue(trimmed) : correctWords(trimmed);
  if (corrected === undefined) return undefined;
  const expression = corrected.join(" OR ");
  const parsed = tryParse(expression);
  if (parsed === undefined) return undefined;
  // A value without any version number that came back with one is a guess ("GPL" → GPL-3.0).
  const guessed = !/\d/.test(trimmed) && /\d/.test(expression);
  return {
    expression: render(parsed, true),
    ids: idsOf(parsed),
    confidence: guessed ? 0.6 : 0.85,
    note: `"${trimmed}" read as ${render(parsed, true)}${guessed ? " (the version is a guess)" : ""}`,
  };
}

/** A list such as "MIT, Apache-2.0" or "MIT/Apache-2.0" means a choice between them. */
function correctWords(value: string): string[] | undefined {
  const parts =
    correctSpdx(value, { upgrade: false }) !== null
      ? [value]
      : value
          .split(/,|\/|\bor\b/i)
          .map((part) => part.trim())
          .filter((part) => part !== "");
  const corrected = parts.map((part) => correctSpdx(part, { upgrade: false }));
  return corrected.length === 0 || corrected.some((part) => part === null) ? undefined : (corrected as string[]);
}

function tryParse(value: string): ParsedNode | undefined {
  try {
    return parseSpdxExpression(value);
  } catch {
    return undefined;
  }
}

/** The licence ids in a parsed expression. */
function idsOf(node: ParsedNode): string[] {
  if ("license" in node) return [node.plus === true ? `${node.license}+` : node.license];
  return [...idsOf(node.left), ...idsOf(node.right)];
}

/** Renders a parsed expression back to text, with brackets only where needed. */
export function render(node: ParsedNode, top = false): string {
  if ("license" in node)
    return `${node.license}${node.plus === true ? "+" : ""}${node.exception === undefined ? "" : ` WITH ${node.exception}`}`;
  const text = `${render(node.left)} ${node.conjunction.toUpperCase()} ${render(node.right)}`;
  return top ? text : `(${text})`;
}
