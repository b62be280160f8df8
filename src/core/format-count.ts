// Counts in messages, with thousands separators as English writes them (12,345).
// Number#toLocaleString loads ICU's number formats on its first call: 15 ms of every CLI run.

/** An integer with a comma every three digits; other numbers as toLocaleString("en") writes them. */
export function formatCount(value: number): string {
  if (!Number.isSafeInteger(value)) return value.toLocaleString("en");
  const digits = String(Math.abs(value));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let index = grouped.length; index < digits.length; index += 3) grouped += `,${digits.slice(index, index + 3)}`;
  return value < 0 ? `-${grouped}` : grouped;
}
