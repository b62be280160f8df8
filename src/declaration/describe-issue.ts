// Turns schema issues into sentences a maintainer can act on. Zod's own messages speak of
// types and regexes; these speak of the declaration file.
import type { z } from "zod";
import type { Indicator } from "../core/indicator.js";
import { allIndicators } from "../indicators/registry.js";

type Issue = z.core.$ZodIssue;

/** One message per issue (per unknown key for `unrecognized_keys`), with the key it is about. */
export function describeIssue(
  issue: Issue,
  valueAt: (path: readonly PropertyKey[]) => unknown,
  indicators: readonly Indicator[] = allIndicators,
): { path: PropertyKey[]; message: string }[] {
  const path = [...issue.path];
  const last = path[path.length - 1];
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ path: [...path, key], message: unknownKeyMessage(path, key, indicators) }));
    case "invalid_type": {
      const found = valueAt(path);
      if (found === undefined) {
        if (last === "reason") return [{ path, message: "an exemption needs a reason; it is shown in the report" }];
        return [{ path, message: `\`${String(last)}\` is required here` }];
      }
      return [{ path, message: `expected ${article(issue.expected)}, found ${describeValue(found)}` }];
    }
    case "too_small":
      if (issue.origin === "array")
        return [{ path, message: `list at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}` }];
      if (issue.origin === "string") return [{ path, message: "must not be empty" }];
      return [{ path, message: `must be at least ${String(issue.minimum)}` }];
    case "too_big":
      return [{ path, message: `must be at most ${String(issue.maximum)}` }];
    case "invalid_format":
      if (path.includes("targets")) return [{ path, message: 'an SDG target is written like "3.8" or "3.d"' }];
      return [{ path, message: `not a valid ${issue.format}` }];
    case "invalid_value":
      return [{ path, message: `must be one of: ${issue.values.map(String).join(", ")}` }];
    case "custom":
      if (issue.message === "evidence-link")
        return [{ path, message: "evidence must be an http(s) URL or a path inside the repository (no leading /)" }];
      return [{ path, message: issue.message }];
    default:
      return [{ path, message: issue.message }];
  }
}

function unknownKeyMessage(parent: readonly PropertyKey[], key: string, indicators: readonly Indicator[]): string {
  if (parent.length === 1 && parent[0] === "exemptions") {
    const exemption = indicators.find((indicator) => indicator.id === key)?.exemption;
    if (exemption !== undefined && !exemption.allowed)
      return `indicator ${key} (${exemption.name}) cannot be exempted: ${exemption.why}`;
    const ids = indicators.filter((indicator) => indicator.exemption.allowed).map((indicator) => indicator.id);
    return `"${key}" is not an indicator; exemptions are keyed by ${oneOf(ids)}`;
  }
  return `unknown key "${key}"; check its spelling against docs/declaration.md`;
}

/** "1, 3 or 4". */
function oneOf(items: readonly string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function article(expected: string): string {
  if (expected === "object") return "a mapping of keys to values";
  if (expected === "array") return "a list";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}
