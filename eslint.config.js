import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["lib/", "node_modules/", "coverage/", "test/fixtures/"] },
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
    // The core and the indicators stay pure: no file system, no GitHub client, no Probot.
    files: [
      "src/core/**/*.ts",
      "src/indicators/**/*.ts",
      "src/reporters/**/*.ts",
      "src/licenses/**/*.ts",
      "src/declaration/**/*.ts",
      "src/manifests/**/*.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["fs", "node:fs", "fs/promises", "node:fs/promises", "probot", "@octokit/rest", "nock"],
          patterns: ["../snapshot/*", "../github/*", "../app/*", "../cli/*"],
        },
      ],
    },
  },
  {
    // One HTTP-mock entry point: tests use test/helpers/github-mock.ts, never nock directly.
    files: ["test/**/*.ts"],
    ignores: ["test/helpers/github-mock.ts"],
    rules: { "no-restricted-imports": ["error", { paths: ["nock"] }] },
  },
);
