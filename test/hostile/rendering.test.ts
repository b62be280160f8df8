// Every renderer that writes markdown to GitHub or prints it, over a report full of injected text,
// checked through a real markdown renderer (markdown-it, HTML allowed and linkify on, which is
// stricter than GitHub): no live link to the attacker, no image, no raw HTML, no mention, no
// issue reference, no secret.
import MarkdownIt from "markdown-it";
import { renderCheckRun } from "../../src/reporters/check-run.js";
import { renderDpgaMarkdown } from "../../src/reporters/dpga.js";
import { renderFixIssue } from "../../src/reporters/fix-issue.js";
import { renderTrackingIssue } from "../../src/reporters/issue.js";
import { renderMarkdown } from "../../src/reporters/markdown.js";
import { codeSpan, escapeMarkdown, markdownLink, safeUrl } from "../../src/core/github-markdown.js";
import { screenMemory } from "../helpers/screen-memory.js";
import type { Report } from "../../src/core/report.js";

const TOKEN = `ghp_${"aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5"}`;
const INJECTION = [
  "@octocat",
  "@octo-org/admins",
  "#1",
  "octo-org/demo#5",
  "GH-7",
  "[Sign in to re-run](https://phish.example/login)",
  "![pixel](https://phish.example/p.png)",
  "<img src=https://phish.example/i.png>",
  "<h1>Urgent</h1>",
  "<details><summary>x</summary></details>",
  "`code` ``",
  "**bold** _it_ ~~gone~~ | cell",
  "\u001b]8;;https://phish.example\u0007link\u001b]8;;\u0007",
].join(" ");
const EVIL_URL = "https://ok.example/>[Sign in](https://phish.example)";

function hostileReport(base: Report): Report {
  const evidence = [
    { path: `docs/a\n# Heading ${INJECTION}/README.md`, line: 3, note: `quoted: "${INJECTION} ${TOKEN}"` },
    { url: EVIL_URL, note: `link ${INJECTION}` },
    { url: "javascript:alert(1)", note: "a script URL" },
  ];
  const fact = (value: string) => ({
    value,
    provenance: "found" as const,
    source: "manifest" as const,
    path: evidence[0]!.path,
    line: 2,
  });
  return {
    ...base,
    repository: { ...base.repository, name: `octo-org/demo ${INJECTION}` },
    product: { name: fact(`Demo ${INJECTION}`), description: fact(`${INJECTION} ${TOKEN}`), website: fact(EVIL_URL) },
    sdgSuggestions: [
      {
        sdg: 3,
        name: "Good Health and Well-being",
        score: 9,
        quotes: [{ source: "readme", path: evidence[0]!.path, line: 4, text: INJECTION }],
      },
    ],
    warnings: [`warning ${INJECTION}`],
    declaration: {
      path: ".github/dpg.yml",
      status: "invalid",
      problems: [{ key: `key ${INJECTION}`, line: 2, message: `unknown key "${INJECTION}"` }],
    },
    results: base.results.map((result) => ({
      ...result,
      outcome: "review",
      summary: `${result.summary} ${INJECTION}`,
      evidence,
      criteria: [{ question: `question ${INJECTION}`, outcome: "review", evidence }],
    })),
  };
}

const md = new MarkdownIt({ html: true, linkify: true });

/** What a reader would see as live: links (with their targets), images, HTML tags, mentions, references, secrets. */
function liveParts(markdown: string): string[] {
  const html = md.render(markdown);
  const found: string[] = [];
  // A bare URL shows its own address (GitHub autolinks those too); a link whose text hides its target does not.
  for (const match of html.matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)) {
    const href = match[1] ?? "";
    const label = (match[2] ?? "").replace(/<[^>]+>/g, "");
    const decode = (text: string) => text.replace(/&amp;/g, "&");
    if (/^javascript:/i.test(href) || (/^https?:\/\/phish\.example/i.test(href) && decode(label) !== decode(href)))
      found.push(`link to ${href} as "${label}"`);
  }
  if (/<img/i.test(html)) found.push("image");
  // The screener's own collapsed sections are <details> too: the injected one is told by its content.
  for (const tag of ["h1>Urgent", "details><summary>x", "summary>x"])
    if (html.includes(`<${tag}`)) found.push(`html <${tag}>`);
  const text = html.replace(/<code[^>]*>[\s\S]*?<\/code>/g, "").replace(/<[^>]+>/g, " ");
  for (const match of text.matchAll(/(^|[^\w\u200b])(@[A-Za-z0-9][\w-]*|#\d+|[\w-]+\/[\w-]+#\d+|GH-\d+)/g))
    found.push(`reference ${match[2] ?? ""}`);
  if (html.includes(TOKEN)) found.push("secret");
  if (html.includes("\u001b")) found.push("control character");
  return found;
}

describe("markdown written to GitHub or printed is inert", () => {
  let report: Report;
  beforeAll(async () => {
    const screened = await screenMemory(
      { "README.md": "# Demo\n", LICENSE: "MIT License\n" },
      { metadata: { fullName: "octo-org/demo", url: "https://github.com/octo-org/demo", commit: "a".repeat(40) } },
    );
    report = hostileReport(screened);
  });

  test("the check run's summary and text", () => {
    const run = renderCheckRun(report, {
      configProblems: [
        { fileLabel: `org .github ${INJECTION}`, url: EVIL_URL, key: `k ${INJECTION}`, line: 1, message: INJECTION },
      ],
    });
    expect(liveParts(run.output.summary)).toEqual([]);
    expect(liveParts(run.output.text ?? "")).toEqual([]);
    expect(run.output.summary).toContain("Sign in to re-run");
  });

  test("the tracking issue, with its DPGA draft", () => {
    const { body } = renderTrackingIssue(report, { checkRunUrl: "https://github.com/o/r/runs/1" });
    expect(liveParts(body)).toEqual([]);
    // The draft is there, collapsed, and its code blocks close before the section does.
    const html = md.render(body);
    const draft = html.slice(html.indexOf("<details>"), html.lastIndexOf("</details>"));
    expect(draft).toContain("<summary>");
    expect(draft).toMatch(/<code class="language-json">&quot;Demo @octocat/);
    expect(html.slice(html.lastIndexOf("</details>"))).not.toMatch(/<\/code><\/pre>/);
    expect(body).not.toContain(TOKEN);
  });

  test("the check run's pointer to the draft in the tracking issue", () => {
    const run = renderCheckRun(report, { trackingIssueUrl: "https://github.com/octo-org/demo/issues?q=label%3Adpg" });
    expect(liveParts(run.output.summary)).toEqual([]);
    expect(md.render(run.output.summary)).toContain(
      '<a href="https://github.com/octo-org/demo/issues?q=label%3Adpg">tracking issue</a>',
    );
  });

  test("every suggested-fix issue", () => {
    for (const result of report.results) expect(liveParts(renderFixIssue(report, result).body)).toEqual([]);
  });

  test("the markdown and DPGA-markdown formats", () => {
    expect(liveParts(renderMarkdown(report))).toEqual([]);
    expect(liveParts(renderDpgaMarkdown(report))).toEqual([]);
  });

  test("file links still link to the screened commit, and safe evidence URLs stay links", () => {
    const screenedLink = renderMarkdown(
      {
        ...report,
        results: [
          {
            ...report.results[0]!,
            evidence: [
              { path: "docs/guide.md", line: 2, note: "n" },
              { url: "https://example.org/policy", note: "p" },
            ],
          },
        ],
      },
      { fileBase: "https://github.com/octo-org/demo/blob/abc/" },
    );
    const html = md.render(screenedLink);
    expect(html).toContain(
      '<a href="https://github.com/octo-org/demo/blob/abc/docs/guide.md#L2"><code>docs/guide.md:2</code></a>',
    );
    expect(html).toContain('<a href="https://example.org/policy">https://example.org/policy</a>');
  });
});

describe("the escaping helpers", () => {
  test("URLs are links only when plain http(s) with nothing that could end the link", () => {
    expect(safeUrl("https://example.org/a?b=c#d")).toBe("https://example.org/a?b=c#d");
    for (const url of [
      EVIL_URL,
      "https://a.example/ x",
      'https://a.example/"',
      "javascript:alert(1)",
      "ftp://a.example/",
      "https://user:pw@a.example/",
      "https://a.example/'",
    ])
      expect(safeUrl(url)).toBeUndefined();
    expect(liveParts(markdownLink("label", EVIL_URL))).toEqual([]);
  });

  test("a code span cannot be closed by backticks in the text, and keeps no newline", () => {
    expect(codeSpan("a`b``c")).toBe("```a`b``c```");
    expect(md.renderInline(codeSpan("x\n# h @me"))).toBe("<code>x # h @me</code>");
  });

  test("a secret-shaped token is redacted, and the screener's own plain code spans are kept", () => {
    expect(escapeMarkdown(`token ${TOKEN} here`)).toBe("token \\[redacted\\] here");
    expect(escapeMarkdown("Declare `owner.name` and `sdgs`")).toBe("Declare `owner.name` and `sdgs`");
    expect(escapeMarkdown("`@octocat`")).toBe("\\`@\u200boctocat\\`");
  });
});
