// Bundles the CLI (src/cli/run.ts and its worker, and everything of this repository they import)
// into lib/bundle/, which bin/dpg-screener.js runs when it is there. Node's module loader resolved,
// read and compiled ~120 small modules on every start, a third of a screen's CPU time; a bundle is a
// few files. Dependencies stay external (loaded from node_modules when first used, as before), and
// every dynamic import stays a separate chunk, so a command still loads only what it needs.
// `npm run build` runs this after tsc; lib/ is not committed.
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/**
 * Two folders below the root, like lib/cli/: the bundled modules find the repository's
 * package.json at ../../package.json and the data files at ../data/ (lib/data), as compiled ones do.
 */
export const BUNDLE_DIR = resolve(root, "lib/bundle");

const require = createRequire(import.meta.url);

// A dependency's JSON file is bundled: esbuild drops the `with { type: "json" }` of an external
// import, without which Node refuses to load it.
const bundleJson = {
  name: "bundle-json",
  setup(context) {
    context.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({
      path: require.resolve(args.path, { paths: [args.resolveDir] }),
    }));
  },
};

export async function bundleCli() {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ["src/cli/run.ts", "src/cli/screen-worker.ts"],
    bundle: true,
    splitting: true,
    packages: "external",
    platform: "node",
    target: "node20",
    format: "esm",
    outdir: BUNDLE_DIR,
    sourcemap: true,
    logLevel: "warning",
    plugins: [bundleJson],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleCli();
  process.stdout.write(`wrote ${BUNDLE_DIR}\n`);
}
