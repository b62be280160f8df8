// A typical small repository for App tests and the benchmark: community files from the CLI
// fixture, a manifest, a declaration and ~200 source files that no indicator needs to read.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BlobFile } from "./github-mock.js";

const documented = fileURLToPath(new URL("../fixtures/cli/documented/", import.meta.url));

export const HEAD_SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";

export const DECLARATION = `# DPG declaration and App settings
sdgs:
  - number: 4
    relevance: Offline learning for schools without connectivity.
check:
  failOn: fail
# Keeps these check-run tests free of issue side effects; test/app/issues*.test.ts tests those.
issues:
  mode: off
`;

export function typicalFiles(extra: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = {
    "README.md": readFileSync(`${documented}README.md`, "utf8"),
    LICENSE: readFileSync(`${documented}LICENSE`, "utf8"),
    "SECURITY.md": readFileSync(`${documented}SECURITY.md`, "utf8"),
    "CODE_OF_CONDUCT.md": readFileSync(`${documented}CODE_OF_CONDUCT.md`, "utf8"),
    "docs/architecture.md": readFileSync(`${documented}docs/architecture.md`, "utf8"),
    "package.json": JSON.stringify(
      { name: "demo", version: "1.0.0", license: "MIT", dependencies: { express: "^4.0.0" } },
      null,
      2,
    ),
    ".github/dpg.yml": DECLARATION,
  };
  for (let index = 0; index < 200; index += 1)
    files[`src/module-${String(index).padStart(3, "0")}.js`] = `export const value${index} = ${index};\n`;
  return { ...files, ...extra };
}

/** Tree sizes (what the git-tree request returns). */
export function treeOf(files: Record<string, string>): Record<string, number> {
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [path, Buffer.byteLength(text)]));
}

/** GraphQL blob answers for the same files. */
export function blobsOf(files: Record<string, string>): Record<string, BlobFile> {
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [path, { text }]));
}
