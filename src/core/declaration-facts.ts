// What the maintainers declared in .github/dpg.yml, as the engine sees it. Filled by the
// declaration module; an absent file is a normal state, not an error.

export interface DeclarationProblem {
  /** Dotted key path inside the file, e.g. "sdgs.0.number". */
  key: string;
  line?: number;
  message: string;
}

export interface DeclarationFacts {
  /** Where the declaration was read from, when there is one. */
  path?: string;
  status: "absent" | "valid" | "invalid";
  /** Every problem found; with status "invalid" the rejected parts are ignored. */
  problems: DeclarationProblem[];
  /** The accepted declaration, as parsed (shape owned by src/declaration). */
  value?: Record<string, unknown>;
}
