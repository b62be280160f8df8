// One screen reads at most MAX_BYTES_READ bytes of text, whatever the repository holds: the shared
// facts' files first, the rest said to be unread where it matters, never passed over.
import { describe, expect, it } from "@jest/globals";
import { MAX_BYTES_READ, readWithinBudget, screenRepository } from "../../src/engine/screen-repository.js";
import { MemorySnapshot } from "../../src/snapshot/memory-snapshot.js";

const LICENSE = `MIT License

Copyright (c) 2024 Example

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`;

describe("the screen's read budget", () => {
  it("keeps a file while the bytes before it are within budget, whatever the batches", async () => {
    const files = Object.fromEntries(Array.from({ length: 250 }, (_, index) => [`f${index}.txt`, "x".repeat(10)]));
    const snapshot = new MemorySnapshot(files);
    const paths = Object.keys(files);
    const { files: read, unread } = await readWithinBudget(snapshot, paths, 1_005);
    // 100 files of 10 bytes are 1,000 bytes, under budget, so the 101st is read; the 102nd is not.
    expect(read.get("f100.txt")).toMatchObject({ kind: "text" });
    expect(read.get("f101.txt")).toEqual({
      kind: "unreadable",
      reason: "not read: the screen's 1005-byte read budget was spent on the files before it",
    });
    expect(unread).toBe(149);
    expect(read.size).toBe(250);
  });

  it("asks for no more batches once the budget is spent", async () => {
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`f${index}.txt`, "x".repeat(10)]));
    const snapshot = new MemorySnapshot(files);
    const asked: number[] = [];
    const read = snapshot.readFiles.bind(snapshot);
    snapshot.readFiles = async (paths, maxBytes) => (asked.push(paths.length), read(paths, maxBytes));
    await readWithinBudget(snapshot, Object.keys(files), 500);
    expect(asked).toEqual([100]);
  });

  it("screens a repository of 40 half-megabyte sources with the licence read and the unread files said", async () => {
    const source = `const value = compute(); // token handling\n`.repeat(Math.floor((500 * 1024) / 43));
    const files: Record<string, string> = { LICENSE, "README.md": "# Clinic records\n" };
    for (let index = 0; index < 40; index += 1) files[`src/part${index}.js`] = source;
    const report = await screenRepository(new MemorySnapshot(files), { tool: { name: "t", version: "1" } });
    expect(MAX_BYTES_READ).toBe(16 * 1024 * 1024);
    expect(report.license).toBe("MIT");
    const warning = report.warnings.find((text) => text.includes("read budget"));
    expect(warning).toMatch(/^\d+ of \d+ files were not read: the screen's 16 MiB read budget was spent/);
    const secrets = report.results.find((result) => result.indicator === "9a");
    expect(JSON.stringify(secrets)).toContain("read budget was spent");
    expect(secrets?.outcome).not.toBe("pass");
  });
});
