// HTML that is escaped by construction: every value interpolated into `html` is escaped unless it
// is itself the result of `html`. Repository text (names, summaries, evidence) is hostile, and
// this is the only way the dashboard's pages are built.

const SAFE = Symbol("safe-html");

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let index = 0; index < values.length; index += 1) out += render(values[index]) + (strings[index + 1] ?? "");
  return { [SAFE]: true, value: out };
}

/** Marks text that is already HTML (only for constants of this code base, never repository text). */
export function trusted(value: string): SafeHtml {
  return { [SAFE]: true, value };
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** An http(s) URL safe to put in `href`, or undefined (javascript:, data:, malformed...). */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  if (typeof value === "object" && SAFE in value) return (value as SafeHtml).value;
  return escapeHtml(String(value));
}
