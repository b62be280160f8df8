// Turns schema issues into sentences a maintainer can act on. Zod's own messages speak of
// types and regexes; these speak of the declaration file.
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/** One message per issue (per unknown key for `unrecognized_keys`), with the key it is about. */
export function describeIssue(
  issue: Issue,
  valueAt: (path: readonly PropertyKey[]) => unknown,
): { path: PropertyKey[]; message: string }[] {
  const path = [...issue.path];
  const last = path[path.length - 1];
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ path: [...path, key], message: unknownKeyMessage(path, key) }));
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

function unknownKeyMessage(parent: readonly PropertyKey[], key: string): string {
  if (parent.length === 1 && parent[0] === "exemptions") {
    return key === "2"
      ? "indicator 2 (open licence) cannot be exempted: every digital public good needs an approved open licence"
      : `"${key}" is not an indicator; exemptions are keyed by 1, 3, 4, 5, 6, 7, 8, 9a, 9b or 9c`;
  }
  return `unknown key "${key}"; check its spelling against docs/declaration.md`;
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
