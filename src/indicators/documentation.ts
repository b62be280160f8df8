// Indicator 5: documentation. A README with real substance is verifiable; whether a stranger
// can run the project from it is a reviewer's judgement.
import { defineIndicator, type Evidence } from "../core/indicator.js";
import { firstText, readmePaths } from "./shared/community-files.js";
import { DOCUMENTATION_GUIDANCE_URL } from "./shared/guidance.js";

/** Below this many words a README is a stub, not documentation. */
export const SUBSTANTIAL_README_WORDS = 150;
const INSTALL_HEADING = /^#{1,4}\s*.*\b(install|installation|getting started|quick ?start|setup|set up|usage|run|deploy|build)/im;

export const documentation = defineIndicator({
  id: "5",
  title: "Documentation",
  requirement: "The project has documentation of its source code, use cases and/or functional requirements.",
  automation: "partial",
  remediation: {
    text: "Write a README that says what the project is, how to install and run it, how to deploy it and how to contribute; link fuller documentation (a docs/ folder or site).",
    markdown: `Write a \`README.md\` that says what the project is, how to install and run it, how to deploy it and how to contribute; link fuller documentation (a \`docs/\` folder or site). See the [DPGA documentation guidance](${DOCUMENTATION_GUIDANCE_URL}).`,
  },
  docsUrl: DOCUMENTATION_GUIDANCE_URL,
  files: (paths) => readmePaths(paths).slice(0, 1),
  evaluate(view) {
    const readme = firstText(view, readmePaths(view.listing.paths));
    const hasDocsFolder = view.listing.paths.some((path) => /^(docs?|documentation)\//i.test(path));
    const evidence: Evidence[] = [];
    if (hasDocsFolder) evidence.push({ path: "docs/", note: "documentation folder" });
    if (view.metadata.homepage) evidence.push({ url: view.metadata.homepage, note: "project homepage" });
    if (readme === undefined) {
      if (hasDocsFolder) return { outcome: "review", summary: "No README, but a documentation folder exists; add a README that points to it.", evidence };
      return { outcome: "fail", summary: "No README and no documentation folder found.", evidence };
    }
    const words = readme.text.split(/\s+/).filter(Boolean).length;
    evidence.unshift({ path: readme.path, note: `README of ${words} words` });
    const install = INSTALL_HEADING.exec(readme.text);
    if (words >= SUBSTANTIAL_README_WORDS && install !== null) {
      return { outcome: "pass", summary: `${readme.path} is substantial (${words} words) and explains how to install or run the project.`, evidence };
    }
    return {
      outcome: "review",
      summary: words < SUBSTANTIAL_README_WORDS
        ? `${readme.path} is short (${words} words); a reviewer will ask for installation, usage and deployment instructions.`
        : `${readme.path} has no installation or usage section that the screener could find.`,
      evidence,
    };
  },
});
