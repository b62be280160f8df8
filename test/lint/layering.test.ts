// The layering rule in eslint.config.js really fails: each wrong import below is reported on the
// file it would be written in, and the imports each layer may make are not. (That the tree itself
// passes is `npm run lint`, run by CI.)
import { ESLint } from "eslint";

const eslint = new ESLint({ cwd: new URL("../..", import.meta.url).pathname });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === "no-restricted-imports")
    .map((message) => message.message);
}

describe("the layering rule", () => {
  test.each([
    ["src/indicators/shared/x.ts", 'import { MemorySnapshot } from "../../snapshot/memory-snapshot.js";'],
    ["src/indicators/x.ts", 'import { screenRepository } from "../engine/screen-repository.js";'],
    ["src/indicators/shared/x.ts", 'import { Octokit } from "@octokit/core";'],
    ["src/licenses/x.ts", 'import { readFileSync } from "node:fs";'],
    ["src/declaration/x.ts", 'import { readFile } from "fs/promises";'],
    ["src/reporters/fix-templates/x.ts", 'import { request } from "node:https";'],
    ["src/reporters/x.ts", 'import { ensureTrackingIssue } from "../github/ensure-tracking-issue.js";'],
    ["src/manifests/x.ts", 'import { execFile } from "node:child_process";'],
    ["src/product/x.ts", 'import { readFile } from "node:fs/promises";'],
    ["src/sdg/x.ts", 'import { screenRepository } from "../engine/screen-repository.js";'],
    ["src/indicators/x.ts", 'import { Probot } from "probot";'],
    ["src/core/x.ts", 'import { allIndicators } from "../indicators/registry.js";'],
    ["src/core/x.ts", 'import { createServer } from "node:net";'],
    ["src/engine/x.ts", 'import { Octokit } from "@octokit/rest";'],
    ["src/cli/x.ts", 'import { Octokit } from "@octokit/rest";'],
  ])("%s: %s is an error", async (filePath, code) => {
    expect(
      await restrictedImports(filePath, `${code}\nexport const used = [${code.match(/\{ (\w+) \}/)?.[1]}];\n`),
    ).toHaveLength(1);
  });

  test.each([
    ["src/indicators/shared/x.ts", 'import { findFiles } from "../../core/find-files.js";'],
    ["src/indicators/x.ts", 'import { buildLicenseFacts } from "../licenses/build-license-facts.js";'],
    ["src/core/x.ts", 'import { isMet } from "./outcome.js";'],
    ["src/reporters/x.ts", 'import { allIndicators } from "../indicators/registry.js";'],
    ["src/engine/x.ts", 'import { MemorySnapshot } from "../snapshot/memory-snapshot.js";'],
    ["src/github/x.ts", 'import { Octokit } from "@octokit/rest";'],
    ["src/snapshot/local-snapshot-x.ts", 'import { readFileSync } from "node:fs";'],
  ])("%s: %s is allowed", async (filePath, code) => {
    expect(
      await restrictedImports(filePath, `${code}\nexport const used = [${code.match(/\{ (\w+) \}/)?.[1]}];\n`),
    ).toEqual([]);
  });
});
