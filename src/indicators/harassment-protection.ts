// Indicator 9c: protection from harassment. A code of conduct with a reporting contact is
// verifiable; underage-user safety is declared.
import { defineIndicator } from "../core/indicator.js";
import { findFiles } from "../core/find-files.js";
import { CODE_OF_CONDUCT } from "./shared/community-files.js";
import { QUESTIONS_URL } from "./shared/guidance.js";

export const harassmentProtection = defineIndicator({
  id: "9c",
  title: "Do no harm: protection from harassment",
  requirement: "If users or contributors interact, people can protect themselves from harassment, and underage users are kept safe.",
  automation: "partial",
  remediation: {
    text: "Add CODE_OF_CONDUCT.md (e.g. the Contributor Covenant) with a contact for reporting, and declare underage-user safety in .github/dpg.yml under `doNoHarm.harassment`.",
    markdown: "Add `CODE_OF_CONDUCT.md` (e.g. the [Contributor Covenant](https://www.contributor-covenant.org/)) with a contact for reporting, and declare underage-user safety in `.github/dpg.yml` under `doNoHarm.harassment`.",
  },
  docsUrl: QUESTIONS_URL,
  files: (paths) => findFiles(paths, CODE_OF_CONDUCT).slice(0, 1),
  evaluate(view) {
    const path = findFiles(view.listing.paths, CODE_OF_CONDUCT)[0];
    if (path === undefined) {
      return { outcome: "review", summary: "No code of conduct found; if users or contributors interact, one is required.", evidence: [] };
    }
    const file = view.read(path);
    const hasContact = file.kind === "text" && /[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\/\S+/.test(file.text);
    return {
      outcome: hasContact ? "pass" : "review",
      summary: hasContact ? `${path} exists and names a way to report.` : `${path} exists but names no contact for reporting.`,
      evidence: [{ path, note: "code of conduct" }],
    };
  },
});
