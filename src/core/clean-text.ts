// Text quoted from a screened repository ends up in terminals, check runs and issues. Control
// characters (ANSI escapes, OSC hyperlinks, bells) are removed there so a file cannot repaint a
// maintainer's terminal or forge a link. Tabs and newlines survive; other controls become nothing.
// Secret-shaped tokens (a GitHub token on a README line) are redacted there too, so no format repeats one.
import { redactSecrets } from "./secret-rules.js";

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function cleanText(text: string): string {
  return redactSecrets(text.replace(CONTROL, ""));
}

/** A deep copy of a JSON-like value with every string cleaned. */
export function cleanStrings<T>(value: T): T {
  if (typeof value === "string") return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => cleanStrings(item)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanStrings(item)])) as T;
  }
  return value;
}
