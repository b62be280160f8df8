// Removes the data files test/global-setup.js built for this run.
import { rmSync } from "node:fs";

export default function globalTeardown() {
  const dir = process.env.DPG_SCREENER_DATA_DIR;
  if (dir !== undefined && dir.includes("dpg-screener-data-")) rmSync(dir, { recursive: true, force: true });
}
