import { symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  MAX_GIT_CONFIG_BYTES,
  normalizeRemoteUrl,
  parseOriginUrl,
  readOriginRemote,
} from "../../src/snapshot/origin-remote.js";
import { LocalSnapshot } from "../../src/snapshot/local-snapshot.js";
import { renderDpgaJson, renderDpgaMarkdown } from "../../src/reporters/dpga.js";
import { renderText } from "../../src/reporters/text.js";
import { screenRepository } from "../../src/engine/screen-repository.js";
import { useTempRepos } from "../helpers/temp-repo.js";

const repo = useTempRepos();
const TOOL = { tool: { name: "dpg-screener", version: "0" } };

const CONFIG = `[core]
\trepositoryformatversion = 0
[remote "upstream"]
\turl = https://github.com/someone-else/fork.git
[remote "origin"]
\turl = git@github.com:example-org/harvest.git
\tfetch = +refs/heads/*:refs/remotes/origin/*
\turl = https://github.com/example-org/second-url.git
`;

describe("the origin remote in .git/config", () => {
  test.each([
    ['the first url of [remote "origin"], not another remote\'s', CONFIG, "git@github.com:example-org/harvest.git"],
    [
      "the old [remote.origin] syntax",
      "[remote.origin]\nurl = https://git.example.gov/a/b\n",
      "https://git.example.gov/a/b",
    ],
    [
      "a quoted value with a comment after it",
      '[remote "origin"]\n  url = "https://github.com/a/b.git" # mine\n',
      "https://github.com/a/b.git",
    ],
    [
      "CRLF line ends and an upper-case key",
      '[Remote "origin"]\r\n\tURL = https://github.com/a/b\r\n',
      "https://github.com/a/b",
    ],
    ["no origin", '[remote "upstream"]\n\turl = https://github.com/a/b\n', undefined],
    ["an origin without a url", '[remote "origin"]\n\tfetch = x\n[core]\n\turl = https://github.com/a/b\n', undefined],
    [
      "a subsection named Origin (subsections are case-sensitive)",
      '[remote "Origin"]\n\turl = https://github.com/a/b\n',
      undefined,
    ],
    ["not a config at all", "\u0000\u0001 binary junk", undefined],
  ])("%s", (_name, config, url) => {
    expect(parseOriginUrl(config)).toBe(url);
  });

  test.each([
    ["git@github.com:o/r.git", "https://github.com/o/r"],
    ["github.com:o/r", "https://github.com/o/r"],
    ["https://github.com/o/r.git", "https://github.com/o/r"],
    ["https://github.com/o/r/", "https://github.com/o/r"],
    ["https://GitHub.com/Org/Repo.GIT", "https://github.com/Org/Repo"],
    ["ssh://git@github.com/o/r.git", "https://github.com/o/r"],
    ["ssh://git@git.example.gov:2222/group/sub/r.git", "https://git.example.gov/group/sub/r"],
    ["git://github.com/o/r.js", "https://github.com/o/r.js"],
    ["http://git.example.gov:8080/o/r", "http://git.example.gov:8080/o/r"],
    // Credentials are dropped, whatever they hold (an "@" in a token too).
    ["https://x-access-token:ghp_SECRET123@github.com/o/r.git", "https://github.com/o/r"],
    ["https://user:p@ss@github.com/o/r", "https://github.com/o/r"],
    ["/home/me/src/r.git", undefined],
    ["../r", undefined],
    ["file:///srv/git/o/r.git", undefined],
    ["https://github.com/onlyowner", undefined],
    ["https://github.com/o/../r", undefined],
    ["https://github.com/o/r?x=<script>", undefined],
    ["git@localhost:o/r", undefined],
    ["", undefined],
  ])("%s → %s", (remote, url) => {
    expect(normalizeRemoteUrl(remote)).toBe(url);
  });

  test("a checkout's origin becomes the draft's repository, found in .git/config and never linked against", async () => {
    const root = await repo({
      "README.md": "# Harvest\n",
      ".git/config":
        '[remote "origin"]\n\turl = https://x-access-token:ghp_SECRET123@github.com/example-org/harvest.git\n',
    });
    const snapshot = await LocalSnapshot.open(root);
    expect(snapshot.metadata.originRemote).toBe("https://github.com/example-org/harvest");
    const report = await screenRepository(snapshot, TOOL);
    expect(report.repository.url).toBeUndefined();
    const draft = JSON.parse(renderDpgaJson(report)) as {
      repositories: unknown;
      _screener: { answers: { field: string; provenance: string; evidence: string[] }[] };
    };
    expect(draft.repositories).toEqual([{ name: "main", url: "https://github.com/example-org/harvest" }]);
    expect(draft._screener.answers.find((answer) => answer.field === "repositories")).toMatchObject({
      provenance: "found",
      evidence: [".git/config"],
    });
    // Evidence of other answers stays as repository paths: the remote may not hold this commit.
    expect(draft._screener.answers.find((answer) => answer.field === "documentation")?.evidence).toEqual(["README.md"]);
    for (const output of [
      JSON.stringify(report),
      renderDpgaJson(report),
      renderDpgaMarkdown(report),
      renderText(report, { tty: false }),
    ])
      expect(output).not.toContain("SECRET");
  });

  test("without a better name, the origin's repository name is suggested rather than the folder's", async () => {
    const root = await repo({ ".git/config": '[remote "origin"]\n\turl = git@github.com:example-org/harvest.git\n' });
    const draft = JSON.parse(renderDpgaJson(await screenRepository(await LocalSnapshot.open(root), TOOL))) as {
      name: string;
      _screener: { answers: { field: string; provenance: string; evidence: string[] }[] };
    };
    expect(draft.name).toBe("harvest");
    expect(draft._screener.answers.find((answer) => answer.field === "name")).toMatchObject({
      provenance: "suggested",
      evidence: [".git/config"],
    });
  });

  test("without an origin, the repositories question is the maintainers' to answer", async () => {
    const root = await repo({ "README.md": "# Harvest\n", ".git/HEAD": "ref: refs/heads/main\n" });
    const draft = JSON.parse(renderDpgaJson(await screenRepository(await LocalSnapshot.open(root), TOOL))) as {
      repositories: unknown;
    };
    expect(draft.repositories).toEqual([{ name: "main", url: "[MAINTAINERS MUST ANSWER]" }]);
  });

  test("a config past the byte cap is read only up to it, and a url cut by the cap is not used", async () => {
    const padding = `# ${"x".repeat(MAX_GIT_CONFIG_BYTES - 53)}\n`; // the cap falls right after "...../o/long"
    const cut = await repo({
      ".git/config": `${padding}[remote "origin"]\n\turl = https://github.com/o/long-name-cut-here\n`,
    });
    expect(await readOriginRemote(cut)).toBeUndefined();
    const beyond = await repo({
      ".git/config": `${"#".repeat(MAX_GIT_CONFIG_BYTES)}\n[remote "origin"]\n\turl = https://github.com/o/r\n`,
    });
    expect(await readOriginRemote(beyond)).toBeUndefined();
    const within = await repo({
      ".git/config": `${"#".repeat(1000)}\n[remote "origin"]\n\turl = https://github.com/o/r\n`,
    });
    expect(await readOriginRemote(within)).toBe("https://github.com/o/r");
  });

  test("a symbolic link in place of .git or its config is not followed", async () => {
    const target = await repo({ config: '[remote "origin"]\n\turl = https://github.com/o/r\n' });
    const linkedConfig = await repo({ ".git/HEAD": "ref" });
    await symlink(join(target, "config"), join(linkedConfig, ".git", "config"));
    expect(await readOriginRemote(linkedConfig)).toBeUndefined();
    const linkedGit = await repo({ "README.md": "x" });
    await symlink(target, join(linkedGit, ".git"));
    expect(await readOriginRemote(linkedGit)).toBeUndefined();
  });

  test("a worktree's .git file (a gitdir: pointer) is not followed", async () => {
    const root = await repo({ "README.md": "x" });
    await writeFile(join(root, ".git"), "gitdir: /somewhere/else\n");
    expect(await readOriginRemote(root)).toBeUndefined();
  });
});
