// Indicator 3: clear ownership. Copyright lines are evidence; the owner must still be declared.
import { defineIndicator, type Evidence } from "../core/indicator.js";
import { licenseFiles } from "../licenses/build-license-facts.js";
import { quoteMatches, readmePaths } from "./shared/community-files.js";
import { QUESTIONS_URL } from "./shared/guidance.js";

const COPYRIGHT_LINE = /^\s*(copyright|\(c\)|©)\s+(\(c\)\s*|©\s*)?\d{4}/im;

export const clearOwnership = defineIndicator({
  id: "3",
  title: "Clear ownership",
  requirement: "Ownership of everything the project produces is clearly defined and documented.",
  automation: "partial",
  remediation: {
    text: "State the owner in a copyright line in LICENSE or NOTICE (\"Copyright 2024 Example Foundation\") and declare the owner's name, organisation type and country in .github/dpg.yml under `owner`.",
    markdown: "State the owner in a copyright line in `LICENSE` or `NOTICE` (`Copyright 2024 Example Foundation`) and declare the owner's name, organisation type and country in `.github/dpg.yml` under `owner`.",
  },
  docsUrl: QUESTIONS_URL,
  files: (paths) => [...licenseFiles(paths), ...readmePaths(paths).slice(0, 1), ...paths.filter((path) => /^(notice|copyright)(\.[a-z]+)?$/i.test(path))],
  evaluate(view) {
    const evidence: Evidence[] = [];
    const candidates = [...licenseFiles(view.listing.paths), ...view.listing.paths.filter((path) => /^(notice|copyright)(\.[a-z]+)?$/i.test(path))];
    for (const path of candidates) {
      const file = view.read(path);
      if (file.kind === "text") evidence.push(...quoteMatches(path, file.text, COPYRIGHT_LINE, 2));
    }
    if (view.metadata.ownerKind !== undefined) evidence.push({ note: `The repository is owned by ${view.metadata.ownerKind === "organization" ? "an organisation" : "a personal account"}.` });
    return {
      outcome: "review",
      summary: evidence.some((item) => item.path !== undefined)
        ? "Copyright statements found; maintainers must confirm the owner, organisation type and country."
        : "No copyright statement found; maintainers must state who owns the project.",
      evidence,
    };
  },
});
