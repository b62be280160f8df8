import js from "@eslint/js";
import tseslint from "typescript-eslint";
import regexp from "eslint-plugin-regexp";

// Modules that do I/O: the file system, processes, the network.
const IO_MODULES = [
  "fs",
  "node:fs",
  "fs/promises",
  "node:fs/promises",
  "child_process",
  "node:child_process",
  "net",
  "node:net",
  "http",
  "node:http",
  "https",
  "node:https",
].map((name) => ({ name, message: "This layer does no I/O: the snapshot (src/snapshot) reads files." }));
const GITHUB_CLIENTS = ["probot", "nock"].map((name) => ({
  name,
  message: "Only src/github talks to GitHub (and src/app to Probot).",
}));
const OCTOKIT = { group: ["@octokit/*"], message: "Only src/github talks to GitHub." };
// A relative import, at any depth, of a layer above the domain modules.
const UPPER_LAYERS = {
  regex: "^(\\.\\.?/)+(.*/)?(snapshot|github|app|cli|engine|queue|store|worker|dashboard)(/|$)",
  message:
    "The domain layers import nothing above them (snapshot, github, app, cli, engine, queue, store, worker, dashboard).",
};

export default tseslint.config(
  { ignores: ["lib/", "node_modules/", "coverage/", "test/fixtures/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] },
  },
  {
    // Only the GitHub port talks to GitHub. The Probot layer (src/app) routes webhook events, and
    // the CLI's remote snapshot builds the one client it hands to the GitHub snapshot.
    files: ["src/**/*.ts"],
    ignores: ["src/github/**", "src/app/**", "src/snapshot/open-remote-snapshot.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [...GITHUB_CLIENTS], patterns: [OCTOKIT] }] },
  },
  {
    // The domain layers are pure: no I/O, no GitHub client, no Probot, nothing from the layers
    // above them, at any depth of relative path.
    files: [
      "src/indicators/**/*.ts",
      "src/reporters/**/*.ts",
      "src/licenses/**/*.ts",
      "src/declaration/**/*.ts",
      "src/manifests/**/*.ts",
      "src/sdg/**/*.ts",
      "src/product/**/*.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [...IO_MODULES, ...GITHUB_CLIENTS], patterns: [OCTOKIT, UPPER_LAYERS] },
      ],
    },
  },
  {
    // The core is the ground every layer stands on: it imports nothing outside src/core.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [...IO_MODULES, ...GITHUB_CLIENTS],
          patterns: [
            OCTOKIT,
            {
              regex: "^\\.\\./",
              message: "src/core imports nothing above it; move the shared type or helper into src/core.",
            },
          ],
        },
      ],
    },
  },
  {
    // Every regular expression over repository text runs in linear time: no pattern whose
    // backtracking, or whose retries at each start position, grows faster than the input.
    files: ["src/**/*.ts"],
    plugins: { regexp },
    rules: { "regexp/no-super-linear-backtracking": "error", "regexp/no-super-linear-move": "error" },
  },
  {
    // One HTTP-mock entry point: tests use test/helpers/github-mock.ts, never nock directly.
    files: ["test/**/*.ts"],
    ignores: ["test/helpers/github-mock.ts"],
    rules: { "no-restricted-imports": ["error", { paths: ["nock"] }] },
  },
);
