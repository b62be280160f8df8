// Finding the next stop character for a scanner that asks from positions that only move forward.
// Asked again from inside a stretch it has already read, it answers from that stretch; so a
// scanner asking from each of n positions reads the text once in all, not n times.

/**
 * A function giving, for a position, the index of the first character at or after it that
 * `isStop` accepts (the text's length when there is none). Linear in the text over all calls as
 * long as the positions asked do not decrease; still right, only slower, when they do.
 */
export function nextIndexFinder(text: string, isStop: (character: string) => boolean): (from: number) => number {
  let readFrom = 0;
  let found = -1;
  return (from) => {
    if (from >= readFrom && from <= found) return found;
    let index = from;
    while (index < text.length && !isStop(text.charAt(index))) index += 1;
    readFrom = from;
    found = index;
    return index;
  };
}
