// Writes small repositories to temporary folders for tests of the local snapshot and the CLI,
// and removes them after each test.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export type RepoFiles = Record<string, string | Uint8Array>;

/** Registers cleanup with jest and returns a function that writes one repository and gives its root. */
export function useTempRepos(): (files: RepoFiles) => Promise<string> {
  const roots: string[] = [];
  afterEach(async () => {
    for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
  });
  return async (files) => {
    const root = await mkdtemp(join(tmpdir(), "dpg-screener-test-"));
    roots.push(root);
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
    return root;
  };
}
