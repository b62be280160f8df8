// Indicator 8: standards and best practices. Signals of practice (CI, tests, contribution
// guide) are visible; which standards the project follows is declared.
import { defineIndicator, type Evidence } from "../core/indicator.js";
import { findFiles } from "../core/find-files.js";
import { CONTRIBUTING } from "./shared/community-files.js";
import { QUESTIONS_URL } from "./shared/guidance.js";

export const standardsAndPractices = defineIndicator({
  id: "8",
  title: "Adherence to standards and best practices",
  requirement: "The project follows relevant open standards, best practices and principles, with evidence.",
  automation: "partial",
  remediation: {
    text: "List the open standards and best practices the project follows, each with evidence (a validator, a test suite, a CI workflow), in .github/dpg.yml under `standards`.",
    markdown: "List the open standards and best practices the project follows, each with evidence (a validator, a test suite, a CI workflow), in `.github/dpg.yml` under `standards`.",
  },
  docsUrl: QUESTIONS_URL,
  files: () => [],
  evaluate(view) {
    const paths = view.listing.paths;
    const evidence: Evidence[] = [];
    const workflows = paths.filter((path) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) || /^(\.gitlab-ci\.yml|\.travis\.yml|Jenkinsfile|\.circleci\/config\.yml)$/.test(path));
    if (workflows.length > 0) evidence.push({ path: workflows[0], note: `continuous integration (${workflows.length} workflow file(s))` });
    const tests = paths.find((path) => /(^|\/)(tests?|__tests__|spec)\//i.test(path) || /\.(test|spec)\.[a-z]+$/i.test(path));
    if (tests !== undefined) evidence.push({ path: tests, note: "automated tests" });
    const contributing = findFiles(paths, CONTRIBUTING)[0];
    if (contributing !== undefined) evidence.push({ path: contributing, note: "contribution guide" });
    return {
      outcome: "review",
      summary: `${evidence.length} best-practice signal(s) found; maintainers must list the standards and practices they follow.`,
      evidence,
    };
  },
});
