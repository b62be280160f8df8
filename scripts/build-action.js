// Bundles the GitHub Action (src/action/index.ts and everything it imports) into the one file
// action.yml runs, dist/action/index.js, and copies the data files `npm run build` writes
// (lib/data/: the SPDX text index, the SDG goal index) to dist/data/, where the bundled modules
// look for them: without them every run normalised the 700-odd SPDX texts again (1.3 s and
// 165 MiB a run, against 0.3 s). Both are committed, because an Action runs from the repository
// without `npm ci`; test/action/bundle.test.ts fails when either is stale.
// `node scripts/build-action.js` writes them (after `npm run build`); `--check` only compares.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
// Only the name and version reach the bundle: a change to the scripts or dependencies lists
// must not make it stale.
const TOOL = JSON.stringify({ name: pkg.name, version: pkg.version });
export const BUNDLE = resolve(root, "dist/action/index.js");
const BUILT_DATA = resolve(root, "lib/data");
const DATA = resolve(root, "dist/data");

// Modules that read JSON through createRequire(import.meta.url) would look for node_modules
// next to the bundle at run time; as plain require() calls esbuild bundles what they read.
const inlineCreateRequire = {
  name: "inline-create-require",
  setup(context) {
    context.onLoad({ filter: /[/\\]src[/\\].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("createRequire(import.meta.url)")) return undefined;
      const contents = source
        .replaceAll('createRequire(import.meta.url)("../../package.json")', TOOL)
        .replace(/^const require = createRequire\(import\.meta\.url\);$/m, "")
        .replace(/^const (\w+) = createRequire\(import\.meta\.url\);$/m, "const $1 = require;")
        .replaceAll("createRequire(import.meta.url)(", "require(");
      return { contents, loader: "ts" };
    });
  },
};

export async function bundleAction() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["src/action/index.ts"],
    bundle: true,
    platform: "node",
    // ESM builds first: some packages (jsonc-parser) ship a UMD "main" whose require() calls esbuild cannot follow.
    mainFields: ["module", "main"],
    target: "node20",
    format: "esm",
    // Bundled CommonJS dependencies call require() for Node's own modules.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    legalComments: "eof",
    write: false,
    logLevel: "silent",
    plugins: [inlineCreateRequire],
    // The SPDX texts (5 MB) serve only to build the index when its data files are missing; the
    // Action ships them (dist/data/), so the texts stay out.
    external: ["spdx-license-list/full.js"],
    // Paths in the bundle's comments stay those of the checkout, also where its folders are links.
    preserveSymlinks: true,
  });
  return result.outputFiles[0].text;
}

/** The data files as `npm run build` wrote them, by name. */
function builtData() {
  let names;
  try {
    names = readdirSync(BUILT_DATA).sort();
  } catch {
    process.stderr.write("lib/data/ is missing: run `npm run build` first\n");
    process.exit(1);
  }
  return names.map((name) => [name, readFileSync(resolve(BUILT_DATA, name), "utf8")]);
}

function readOr(path, fallback) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return fallback;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await bundleAction();
  const data = builtData();
  if (process.argv.includes("--check")) {
    // A missing bundle or data file is stale too.
    if (readOr(BUNDLE, undefined) !== text) {
      process.stderr.write("dist/action/index.js is stale: run `npm run build:action` and commit it\n");
      process.exit(1);
    }
    const shipped = existsSync(DATA) ? readdirSync(DATA).sort() : [];
    const stale = data.some(([name, content]) => readOr(resolve(DATA, name), undefined) !== content);
    if (stale || shipped.join() !== data.map(([name]) => name).join()) {
      process.stderr.write(
        "dist/data/ differs from lib/data/: run `npm run build && npm run build:action` and commit it\n",
      );
      process.exit(1);
    }
  } else {
    mkdirSync(dirname(BUNDLE), { recursive: true });
    writeFileSync(BUNDLE, text);
    rmSync(DATA, { recursive: true, force: true });
    mkdirSync(DATA, { recursive: true });
    for (const [name, content] of data) writeFileSync(resolve(DATA, name), content);
    process.stdout.write(
      `wrote dist/action/index.js (${Math.round(text.length / 1024)} KiB) and dist/data/ (${data.map(([name]) => name).join(", ")})\n`,
    );
  }
}
