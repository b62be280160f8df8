import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { identifyLicenseText } from "../../src/licenses/identify-license-text.js";
import {
  buildIndexData,
  licenseIndexSource,
  loadedIndexParts,
  META_FILE,
  WORDS_FILE,
  INDEX_FORMAT,
  wordsFileText,
} from "../../src/licenses/spdx-license-index.js";
import { writeLicenseIndex } from "../../src/data-files/write-data-files.js";
import { readDataFileRange } from "../../src/data-files/read-data-file.js";
import { spdxText } from "../fixtures/licenses/spdx-texts.js";

const fresh = buildIndexData();
const builtDir = fileURLToPath(new URL("../../lib/data/", import.meta.url));

describe("the SPDX text index built at build time", () => {
  test("an exact text is identified from the hash index alone, without loading the words", () => {
    expect(identifyLicenseText(spdxText("Apache-2.0"))).toMatchObject({ spdx: "Apache-2.0", confidence: 1 });
    expect(loadedIndexParts()).toEqual({ exact: true, words: false });
    // A text with a preamble needs the similarity match, which loads the words.
    expect(identifyLicenseText(`Our project notes come first here.\n\n${spdxText("Apache-2.0")}`)).toMatchObject({
      spdx: "Apache-2.0",
    });
    expect(loadedIndexParts()).toEqual({ exact: true, words: true });
  });

  test("the script writes data files that match a freshly built index", () => {
    const dir = mkdtempSync(join(tmpdir(), "dpg-license-index-"));
    try {
      writeLicenseIndex(dir);
      expect(JSON.parse(readFileSync(join(dir, META_FILE), "utf8"))).toEqual(fresh.meta);
      expect(readFileSync(join(dir, WORDS_FILE), "utf8")).toBe(wordsFileText(fresh));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  (existsSync(join(builtDir, META_FILE)) ? test : test.skip)(
    "the data files `npm run build` wrote match a freshly built index (rebuild after changing the normaliser)",
    () => {
      expect(JSON.parse(readFileSync(join(builtDir, META_FILE), "utf8"))).toEqual(fresh.meta);
      expect(readFileSync(join(builtDir, WORDS_FILE), "utf8")).toBe(wordsFileText(fresh));
    },
  );

  test("each licence's words are read on their own, from the byte range the small file gives", () => {
    const ranged = fresh.meta.templates.filter((template) => template.wordsAt !== undefined);
    // Every whole text has its range; a variant is a prefix of its base and has none.
    expect(ranged).toHaveLength(fresh.meta.templates.filter((template) => template.prefixOf === undefined).length);
    fresh.meta.templates.forEach((template, index) => {
      if (template.wordsAt === undefined) return;
      expect(readDataFileRange(WORDS_FILE, ...template.wordsAt)).toBe(fresh.words[index]);
    });
  });

  test("a range past the end of a data file, or of a missing file, reads as nothing", () => {
    const size = Buffer.byteLength(wordsFileText(fresh));
    expect(readDataFileRange(WORDS_FILE, size - 4, 4)).toBe(wordsFileText(fresh).slice(-4));
    expect(readDataFileRange(WORDS_FILE, size - 4, 5)).toBeUndefined();
    expect(readDataFileRange("no-such-file.txt", 0, 1)).toBeUndefined();
  });

  test("the index records its format and the spdx-license-list version, and holds the shipped variants", () => {
    expect(fresh.meta.format).toBe(INDEX_FORMAT);
    expect(fresh.meta.spdxLicenseList).toMatch(/^\d+\.\d+\.\d+$/);
    const variants = fresh.meta.templates.filter((template) => template.variant !== undefined).map((t) => t.id);
    expect(variants).toEqual(expect.arrayContaining(["LGPL-3.0-only", "BUSL-1.1", "Apache-2.0"]));
    expect(fresh.words).toHaveLength(fresh.meta.templates.length);
  });
});

test("the test run loads the data files its global setup built, as the CLI loads lib/data", () => {
  expect(process.env["DPG_SCREENER_DATA_DIR"]).toMatch(/dpg-screener-data-/);
  expect(licenseIndexSource()).toBe("data file");
});
