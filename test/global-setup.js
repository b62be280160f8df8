// Builds the data files (SPDX text index, SDG goal index) once per test run (as `npm run build` does for lib/),
// so each test file loads them instead of normalising ~730 texts in memory.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), "dpg-screener-data-"));
  execFileSync(process.execPath, ["--import", "tsx", "src/data-files/write-data-files.ts", dir], {
    stdio: "ignore",
  });
  process.env.DPG_SCREENER_DATA_DIR = dir;
}
