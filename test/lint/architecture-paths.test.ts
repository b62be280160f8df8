// docs/ARCHITECTURE.md names exact files; a move or a rename that forgets the document fails here.
// Every backticked path is checked: repository paths (src/…, test/…, scripts/…) as written, and
// the short forms the document uses inside a layer (`reporters/check-run.ts`) under src/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const document = readFileSync(join(root, "docs/ARCHITECTURE.md"), "utf8");

/** Backticked spans that look like a path to a file or folder of this repository. */
function namedPaths(text: string): string[] {
  const spans = [...text.matchAll(/`([^`\s]+)`/g)].map((match) => match[1] ?? "");
  return [
    ...new Set(
      spans
        // A placeholder (<name>) stands for a file to be added.
        .filter((span) => !span.includes("<"))
        // A path in a screened repository (.github/dpg.yml) is not one of ours.
        .filter((span) => !span.startsWith("."))
        // At least a folder and a name: `engine/facts/` or `src/engine/`, not a bare `facts/`.
        .filter((span) => /^[\w-]+\/[\w.*-]+(\/[\w.*-]+)*\/?$/.test(span) && /\.(ts|js|json|md|yml)$|\/$/.test(span)),
    ),
  ];
}

/** The repository paths a named path may mean: as written, or under src/ for a short form. */
function candidates(path: string): string[] {
  return /^(src|test|scripts|schema|docs|bench|dist|bin)\//.test(path) ? [path] : [path, `src/${path}`];
}

/** True when the path exists; a `*` in the file name matches any characters. */
function exists(path: string): boolean {
  if (!path.includes("*")) return existsSync(join(root, path));
  const folder = join(root, dirname(path));
  const name = new RegExp(
    `^${path
      .slice(path.lastIndexOf("/") + 1)
      .replace(/[.]/g, "\\.")
      .replace(/\*/g, ".*")}$`,
  );
  return existsSync(folder) && readdirSync(folder).some((entry) => name.test(entry));
}

test("the document names files", () => {
  expect(namedPaths(document).length).toBeGreaterThan(40);
});

test("every file path docs/ARCHITECTURE.md names exists", () => {
  expect(namedPaths(document).filter((path) => !candidates(path).some(exists))).toEqual([]);
});

test("a path that does not exist is caught", () => {
  expect(
    namedPaths("see `reporters/fix-templates/gone.ts` and `src/engine/`").filter(
      (path) => !candidates(path).some(exists),
    ),
  ).toEqual(["reporters/fix-templates/gone.ts"]);
});
