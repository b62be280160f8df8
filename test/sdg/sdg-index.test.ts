import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeSdgIndex } from "../../src/data-files/write-data-files.js";
import {
  buildSdgIndex,
  indexFromData,
  SDG_INDEX_FILE,
  SDG_INDEX_FORMAT,
  sdgIndex,
  sdgIndexFileText,
  sdgIndexSource,
} from "../../src/sdg/sdg-index.js";

const fresh = buildSdgIndex();
const builtDir = fileURLToPath(new URL("../../lib/data/", import.meta.url));

describe("the SDG goal index built at build time", () => {
  test("the test run loads the data file its global setup wrote, and it holds the index built from the texts", () => {
    expect(sdgIndexSource()).toBe("data file");
    expect(sdgIndex().documents).toEqual(fresh.documents);
    expect(sdgIndex().postings).toEqual(fresh.postings);
    expect(sdgIndex().postings.size).toBeGreaterThan(1000);
  });

  test("the script writes the file a freshly built index would be", () => {
    const dir = mkdtempSync(join(tmpdir(), "dpg-sdg-index-"));
    try {
      writeSdgIndex(dir);
      const text = readFileSync(join(dir, SDG_INDEX_FILE), "utf8");
      expect(text).toBe(sdgIndexFileText(fresh));
      expect(indexFromData(JSON.parse(text))?.postings).toEqual(fresh.postings);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a data file of another format, built from other texts or damaged is not used", () => {
    const data = JSON.parse(sdgIndexFileText(fresh)) as { format: number; inputs: string };
    expect(indexFromData(data)).toBeDefined();
    expect(indexFromData({ ...data, format: SDG_INDEX_FORMAT + 1 })).toBeUndefined();
    expect(indexFromData({ ...data, inputs: "built-from-older-texts" })).toBeUndefined();
    expect(indexFromData({ ...data, postings: "not a list" })).toBeUndefined();
    expect(indexFromData({ ...data, postings: [["health", "3,1.5"]] })).toBeUndefined();
    expect(indexFromData({ ...data, postings: [[3, [3, 1.5]]] })).toBeUndefined();
    expect(indexFromData({ ...data, postings: [["health", [3, "1.5"]]] })).toBeUndefined();
    expect(indexFromData(null)).toBeUndefined();
  });

  (existsSync(join(builtDir, SDG_INDEX_FILE)) ? test : test.skip)(
    "the data file `npm run build` wrote matches a freshly built index (rebuild after changing the texts)",
    () => {
      expect(readFileSync(join(builtDir, SDG_INDEX_FILE), "utf8")).toBe(sdgIndexFileText(fresh));
    },
  );
});
