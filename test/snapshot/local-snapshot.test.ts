import { mkdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { LocalSnapshot, TargetError } from "../../src/snapshot/local-snapshot.js";
import { useTempRepos } from "../helpers/temp-repo.js";

const repo = useTempRepos();

describe("LocalSnapshot", () => {
  test("lists files with POSIX paths, skipping .git and node_modules", async () => {
    const root = await repo({
      "README.md": "x",
      "src/a.ts": "a",
      ".git/HEAD": "ref",
      "node_modules/x/index.js": "x",
      ".github/workflows/ci.yml": "on: push",
    });
    const listing = await (await LocalSnapshot.open(root)).listFiles();
    expect(listing).toEqual({ paths: [".github/workflows/ci.yml", "README.md", "src/a.ts"], truncated: false });
  });

  test("leaves out what the root .gitignore names plainly (build output, a local .env), as the repository would", async () => {
    const root = await repo({
      ".gitignore": "# build\n/lib/\ncoverage/\n/.env\n*.log\n!lib/keep.js\nsrc/generated\n",
      "lib/index.js": "built",
      "lib/keep.js": "built",
      "packages/a/coverage/lcov.info": "x",
      ".env": "DB_PASSWORD=local",
      "debug.log": "x",
      "src/generated/api.ts": "x",
      "src/lib/util.ts": "x",
      "src/.env": "x",
    });
    const listing = await (await LocalSnapshot.open(root)).listFiles();
    // "/lib/" and "/.env" are anchored at the root; "coverage/" matches at any depth; a glob line
    // ("*.log") is not read, so its file stays listed; a negation cannot re-include below an ignored folder.
    expect(listing.paths).toEqual([".gitignore", "debug.log", "src/.env", "src/lib/util.ts"]);
  });

  test("a .gitignore that is a link, or absent, changes nothing", async () => {
    const root = await repo({ "elsewhere.txt": "/lib/\n", "lib/index.js": "x" });
    await symlink(join(root, "elsewhere.txt"), join(root, ".gitignore"));
    const listing = await (await LocalSnapshot.open(root)).listFiles();
    expect(listing.paths).toEqual([".gitignore", "elsewhere.txt", "lib/index.js"]);
  });

  test("reads text, and says distinctly when a file is binary, too large or missing", async () => {
    const root = await repo({
      "a.txt": "héllo",
      "b.bin": new Uint8Array([0x89, 0x50, 0x00, 0x01]),
      "big.txt": "x".repeat(2000),
    });
    const files = await (await LocalSnapshot.open(root)).readFiles(["a.txt", "b.bin", "big.txt", "nope.txt"], 1000);
    expect(files.get("a.txt")).toEqual({ kind: "text", text: "héllo", bytes: 6 });
    expect(files.get("b.bin")).toEqual({ kind: "binary", bytes: 4 });
    expect(files.get("big.txt")).toEqual({ kind: "too-large", bytes: 2000 });
    expect(files.get("nope.txt")).toEqual({ kind: "missing" });
  });

  test("decodes non-UTF-8 text as Windows-1252 instead of failing", async () => {
    const root = await repo({ "latin1.txt": new Uint8Array([0x63, 0x61, 0x66, 0xe9]) });
    const file = (await (await LocalSnapshot.open(root)).readFiles(["latin1.txt"], 1000)).get("latin1.txt");
    expect(file).toEqual({ kind: "text", text: "café", bytes: 4 });
  });

  test("never reads through a symlink that leaves the root, and lists it so its row can say so", async () => {
    const outside = await repo({ "secret.txt": "do not read" });
    const root = await repo({ "README.md": "x" });
    await symlink(join(outside, "secret.txt"), join(root, "LICENSE"));
    await symlink(outside, join(root, "linked-dir"));
    const snapshot = await LocalSnapshot.open(root);
    expect((await snapshot.listFiles()).paths).toEqual(["LICENSE", "README.md"]);
    expect((await snapshot.readFiles(["LICENSE"], 1000)).get("LICENSE")).toEqual({
      kind: "unreadable",
      reason: "symbolic link pointing outside the repository",
    });
    expect((await snapshot.readFiles(["../secret.txt"], 1000)).get("../secret.txt")).toEqual({ kind: "missing" });
  });

  test("follows a symlink to a file inside the root, and survives symlink loops", async () => {
    const root = await repo({ "docs/LICENSE.md": "MIT" });
    await symlink("docs/LICENSE.md", join(root, "LICENSE"));
    await symlink("loop-b", join(root, "loop-a"));
    await symlink("loop-a", join(root, "loop-b"));
    await mkdir(join(root, "dir"));
    await symlink("..", join(root, "dir", "up"));
    const snapshot = await LocalSnapshot.open(root);
    expect((await snapshot.listFiles()).paths).toEqual(["LICENSE", "docs/LICENSE.md"]);
    expect((await snapshot.readFiles(["LICENSE"], 1000)).get("LICENSE")).toMatchObject({ kind: "text", text: "MIT" });
  });

  test("stops listing at the file cap and marks the listing truncated", async () => {
    const files = Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => [`f${String(index).padStart(2, "0")}.txt`, "x"]),
    );
    const root = await repo(files);
    const listing = await (await LocalSnapshot.open(root, { maxFiles: 10 })).listFiles();
    expect(listing.paths).toHaveLength(10);
    expect(listing).toMatchObject({ truncated: true, truncatedReason: "more than 10 files" });
  });

  test("stops descending at the depth cap and says so", async () => {
    const deep = `${Array.from({ length: 8 }, (_, index) => `d${index}`).join("/")}/deep.txt`;
    const root = await repo({ "top.txt": "x", [deep]: "x" });
    const listing = await (await LocalSnapshot.open(root, { maxDepth: 3 })).listFiles();
    expect(listing.paths).toEqual(["top.txt"]);
    expect(listing).toMatchObject({ truncated: true, truncatedReason: "folders deeper than 3 levels were not listed" });
  });

  test("skips FIFOs and other special files instead of hanging on them", async () => {
    const root = await repo({ "README.md": "x" });
    const { execFileSync } = await import("node:child_process");
    execFileSync("mkfifo", [join(root, "pipe")]);
    expect((await (await LocalSnapshot.open(root)).listFiles()).paths).toEqual(["README.md"]);
  });

  test.each([["a path that does not exist", "/nonexistent/dpg-screener-test", "no such file or folder"]])(
    "refuses %s with a clear message",
    async (_name, target, message) => {
      await expect(LocalSnapshot.open(target)).rejects.toThrow(new TargetError(`${target}: ${message}`));
    },
  );

  test("refuses a file with a message saying a folder is needed", async () => {
    const root = await repo({ "file.txt": "x" });
    const target = join(root, "file.txt");
    await expect(LocalSnapshot.open(target)).rejects.toThrow(
      `${target}: is a file, not a folder; give the folder of a checkout`,
    );
  });

  test("an empty folder lists nothing", async () => {
    const root = await repo({});
    expect(await (await LocalSnapshot.open(root)).listFiles()).toEqual({ paths: [], truncated: false });
  });
});
