// Loads a fixture repository under test/fixtures/repos/<name> into memory for a screen.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { MemoryFiles } from "../../src/snapshot/memory-snapshot.js";

export const FIXTURE_REPOS = fileURLToPath(new URL("../fixtures/repos/", import.meta.url));

export function fixtureRepository(name: string): MemoryFiles {
  const root = join(FIXTURE_REPOS, name);
  const files: MemoryFiles = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[relative(root, full).split("\\").join("/")] = readFileSync(full, "utf8");
    }
  };
  walk(root);
  return files;
}
