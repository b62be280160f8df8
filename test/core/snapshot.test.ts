// The snapshot contract (src/core/snapshot.ts), run against every implementation with the same
// tree: a local folder, a GitHub repository (through the HTTP mock), memory, and a local folder
// served to a worker thread over a MessagePort (how the App's workers read). The engine relies
// on exactly this: the same listing in the same order, every requested path answered, byte caps
// honoured, and the reason a file has no text stated precisely — so a checkout, its GitHub
// repository and a test fixture screen the same.
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { Octokit } from "@octokit/rest";
import type { FileRead, RepositorySnapshot } from "../../src/core/snapshot.js";
import { GitHubSnapshot } from "../../src/snapshot/github-snapshot.js";
import { LocalSnapshot } from "../../src/snapshot/local-snapshot.js";
import { MemorySnapshot } from "../../src/snapshot/memory-snapshot.js";
import { PortSnapshot, serveSnapshot } from "../../src/worker/port-snapshot.js";
import { createGitHubMock, type BlobFile, type GitHubMock } from "../helpers/github-mock.js";
import { useTempRepos, type RepoFiles } from "../helpers/temp-repo.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const BINARY = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]);

/** Opens a snapshot of `files` in one implementation. */
type OpenSnapshot = (files: RepoFiles) => Promise<RepositorySnapshot>;

const writeRepo = useTempRepos();
let github: GitHubMock | undefined;
const ports: MessagePort[] = [];
afterEach(() => {
  github?.verify();
  github = undefined;
  for (const port of ports.splice(0)) port.close();
});

const openLocal: OpenSnapshot = async (files) => LocalSnapshot.open(await writeRepo(files));

const openMemory: OpenSnapshot = async (files) => new MemorySnapshot(files);

/** A local folder as a worker sees it: every answer crosses a MessagePort (structured clone). */
const openOverPort: OpenSnapshot = async (files) => {
  const local = await openLocal(files);
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  serveSnapshot(port1, local);
  return new PortSnapshot(port2, local.metadata);
};

/**
 * GitHub as the mock serves it: the tree gives every blob's size; the GraphQL blob query answers
 * text, or `isBinary` for bytes that are not text (as GitHub does). A blob query is expected only
 * when a read needs one — a listed file within the cap — so a snapshot that fetches a file the
 * tree already rules out, or skips one it must fetch, fails the mock's verify().
 */
const openGitHub: OpenSnapshot = async (files) => {
  const mock = createGitHubMock();
  github = mock;
  const sizes = Object.fromEntries(Object.entries(files).map(([path, content]) => [path, byteLength(content)]));
  const blobs = Object.fromEntries(Object.entries(files).map(([path, content]) => [path, blobOf(content)]));
  mock.tree("o", "r", SHA, sizes);
  const snapshot = new GitHubSnapshot(new Octokit({ auth: "test-token", log: QUIET }), {
    owner: "o",
    repo: "r",
    commit: SHA,
  });
  let listed: ReadonlySet<string> | undefined;
  return {
    metadata: snapshot.metadata,
    listFiles: () => snapshot.listFiles(),
    async readFiles(paths, maxBytes) {
      listed ??= new Set((await snapshot.listFiles()).paths);
      const known = listed;
      if (paths.some((path) => known.has(path) && (sizes[path] ?? 0) <= maxBytes)) mock.blobs(blobs);
      return snapshot.readFiles(paths, maxBytes);
    },
  };
};

function byteLength(content: string | Uint8Array): number {
  return typeof content === "string" ? Buffer.byteLength(content) : content.length;
}

function blobOf(content: string | Uint8Array): BlobFile {
  if (typeof content === "string") return { text: content };
  return content.includes(0)
    ? { text: null, isBinary: true, byteSize: content.length }
    : { text: Buffer.from(content).toString("utf8") };
}

const IMPLEMENTATIONS: [string, OpenSnapshot][] = [
  ["local folder", openLocal],
  ["GitHub", openGitHub],
  ["memory", openMemory],
  ["worker-port", openOverPort],
];

/** One tree with every case the contract names. */
const TREE: RepoFiles = {
  "README.md": "# Hello\n",
  "docs.md": "docs",
  "docs/guide/intro.md": "intro",
  "a-b/c.txt": "c",
  "a.txt": "a",
  "a/b.txt": "b",
  "B.txt": "upper",
  "unicode.md": "héllo wörld",
  "bom.md": "\uFEFF# T\n",
  "empty.txt": "",
  "logo.png": BINARY,
  "exactly-10.txt": "0123456789",
  "over-10.txt": "01234567890",
  ".github/dpg.yml": "name: x\n",
  ".git/HEAD": "ref: refs/heads/main\n",
  "node_modules/left-pad/LICENSE": "MIT",
  "web/node_modules/x/index.js": "x",
  "src/__pycache__/a.pyc": "cache",
};

/** The listing every implementation gives for TREE: code-unit order, unlisted folders left out. */
const LISTING = [
  ".github/dpg.yml",
  "B.txt",
  "README.md",
  "a-b/c.txt",
  "a.txt",
  "a/b.txt",
  "bom.md",
  "docs.md",
  "docs/guide/intro.md",
  "empty.txt",
  "exactly-10.txt",
  "logo.png",
  "over-10.txt",
  "unicode.md",
];

describe.each(IMPLEMENTATIONS)("the %s snapshot keeps the snapshot contract", (_name, open) => {
  test("lists every file once, POSIX and relative, in code-unit order, without unlisted folders", async () => {
    const snapshot = await open(TREE);
    expect(await snapshot.listFiles()).toEqual({ paths: LISTING, truncated: false });
  });

  test("an empty repository lists nothing and is not truncated", async () => {
    expect(await (await open({})).listFiles()).toEqual({ paths: [], truncated: false });
  });

  test("answers every requested path, each with the precise reason when there is no text", async () => {
    const snapshot = await open(TREE);
    const requested = [
      "README.md",
      "unicode.md",
      "bom.md",
      "empty.txt",
      "logo.png",
      "exactly-10.txt",
      "over-10.txt",
      "absent.md",
      "a/absent.txt",
    ];
    const files = await snapshot.readFiles(requested, 10);
    expect([...files.keys()].sort()).toEqual([...requested].sort());
    expect(Object.fromEntries(files)).toEqual<Record<string, FileRead>>({
      "README.md": { kind: "text", text: "# Hello\n", bytes: 8 },
      // `bytes` counts UTF-8 bytes, not characters.
      "unicode.md": { kind: "too-large", bytes: 13 },
      // A byte-order mark is not part of the text, but its bytes count.
      "bom.md": { kind: "text", text: "# T\n", bytes: 7 },
      "empty.txt": { kind: "text", text: "", bytes: 0 },
      "logo.png": { kind: "binary", bytes: BINARY.length },
      // The cap is inclusive: a file of exactly maxBytes is read.
      "exactly-10.txt": { kind: "text", text: "0123456789", bytes: 10 },
      "over-10.txt": { kind: "too-large", bytes: 11 },
      "absent.md": { kind: "missing" },
      "a/absent.txt": { kind: "missing" },
    });
  });

  test("reads UTF-8 text whole when it fits the cap", async () => {
    const snapshot = await open(TREE);
    expect((await snapshot.readFiles(["unicode.md"], 1024)).get("unicode.md")).toEqual({
      kind: "text",
      text: "héllo wörld",
      bytes: 13,
    });
  });

  test("a path the listing never holds reads as missing: unlisted folders, outside the root, absolute", async () => {
    const snapshot = await open(TREE);
    const requested = [".git/HEAD", "node_modules/left-pad/LICENSE", "../README.md", "/etc/hostname", "./README.md"];
    const files = await snapshot.readFiles(requested, 1024);
    expect(Object.fromEntries(files)).toEqual(Object.fromEntries(requested.map((path) => [path, { kind: "missing" }])));
  });

  test("reading nothing answers nothing", async () => {
    const snapshot = await open(TREE);
    expect((await snapshot.readFiles([], 1024)).size).toBe(0);
  });

  test("the listing and the reads are the same when asked twice", async () => {
    const snapshot = await open({ "README.md": "# x\n", LICENSE: "MIT" });
    expect(await snapshot.listFiles()).toEqual(await snapshot.listFiles());
    const first = await snapshot.readFiles(["LICENSE"], 1024);
    expect(await snapshot.readFiles(["LICENSE"], 1024)).toEqual(first);
  });
});
