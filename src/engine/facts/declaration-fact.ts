// The maintainers' declaration (.github/dpg.yml), parsed and validated once per screen.
import type { DeclarationFacts } from "../../core/declaration-facts.js";
import { buildDeclarationFacts, declarationFiles } from "../../declaration/build-declaration-facts.js";
import { defineFact } from "../fact.js";

export const declarationFact = defineFact({
  key: "declaration",
  needs: [],
  files: declarationFiles,
  build: (view) => buildDeclarationFacts(view),
  fallback: (message): DeclarationFacts => ({
    status: "invalid",
    problems: [{ key: "", message: `the declaration could not be read: ${message}` }],
  }),
});
