// Trimming by hand, one pass from the end being trimmed. A regex such as /[.,;]+$/ or /\s*$/ is
// retried from every start position of a long run that does not reach the end, which is
// quadratic in the run; these loops look at each character once.

/** Which characters to trim: the characters of a string, or a test of one character. */
export type Trimmed = string | ((character: string) => boolean);

/** True for the characters `\s` matches and String#trim removes (the two sets are the same). */
export function isWhitespace(character: string): boolean {
  return character !== "" && character.trim() === "";
}

function test(trimmed: Trimmed): (character: string) => boolean {
  return typeof trimmed === "string" ? (character) => trimmed.includes(character) : trimmed;
}

/** `text` without its trailing run of `trimmed` characters. */
export function trimTrailing(text: string, trimmed: Trimmed): string {
  const drop = test(trimmed);
  let end = text.length;
  while (end > 0 && drop(text.charAt(end - 1))) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without its leading run of `trimmed` characters. */
export function trimLeading(text: string, trimmed: Trimmed): string {
  const drop = test(trimmed);
  let start = 0;
  while (start < text.length && drop(text.charAt(start))) start += 1;
  return start === 0 ? text : text.slice(start);
}

/** A test that is true for whitespace and for the characters of `characters`. */
export function whitespaceOr(characters: string): (character: string) => boolean {
  return (character) => characters.includes(character) || isWhitespace(character);
}
