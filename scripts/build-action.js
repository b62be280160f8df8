// Bundles the GitHub Action (src/action/index.ts and everything it imports) into the one file
// action.yml runs: dist/action/index.js. The bundle is committed, because an Action runs from
// the repository without `npm ci`; test/action/bundle.test.ts fails when it is stale.
// `node scripts/build-action.js` writes it; `--check` only compares.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
// Only the name and version reach the bundle: a change to the scripts or dependencies lists
// must not make it stale.
const TOOL = JSON.stringify({ name: pkg.name, version: pkg.version });
export const BUNDLE = resolve(root, "dist/action/index.js");

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
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await bundleAction();
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(BUNDLE, "utf8");
    } catch {
      // a missing bundle is stale too
    }
    if (current !== text) {
      process.stderr.write("dist/action/index.js is stale: run `npm run build:action` and commit it\n");
      process.exit(1);
    }
  } else {
    mkdirSync(dirname(BUNDLE), { recursive: true });
    writeFileSync(BUNDLE, text);
    process.stdout.write(`wrote dist/action/index.js (${Math.round(text.length / 1024)} KiB)\n`);
  }
}
