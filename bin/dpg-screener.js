#!/usr/bin/env node
// Entry point installed as `dpg-screener`. The TypeScript is compiled to lib/ by `npm ci` (prepare).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../lib/cli/run.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write("dpg-screener: not built yet; run `npm ci` (or `npm run build`) in the dpg-screener folder\n");
  process.exit(2);
}
const { run } = await import(entry.href);
await run(process.argv.slice(2));
