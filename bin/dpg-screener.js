#!/usr/bin/env node
// Entry point installed as `dpg-screener`. `npm ci` (prepare) compiles the TypeScript to lib/ and
// bundles the CLI into lib/bundle/ (scripts/build-cli.js), which starts faster; the compiled
// modules in lib/cli/ are the same code, used when the bundle was not built.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = new URL("../lib/bundle/run.js", import.meta.url);
const entry = existsSync(fileURLToPath(bundle)) ? bundle : new URL("../lib/cli/run.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write("dpg-screener: not built yet; run `npm ci` (or `npm run build`) in the dpg-screener folder\n");
  process.exit(2);
}
const { run } = await import(entry.href);
await run(process.argv.slice(2));
