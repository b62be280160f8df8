// What a committed credential looks like, as data. The token shapes are taken from the gitleaks
// default rule set (https://github.com/gitleaks/gitleaks, config/gitleaks.toml, MIT licence,
// Copyright (c) 2019 Zachary Rice), reduced to the high-confidence rules with a fixed literal
// prefix, and with every open-ended repetition bounded. Every pattern starts with a literal, so a
// search only tries where that literal occurs and never backtracks further than the bound: one
// pass over any text is linear in its size.
//
// Shared by the secret scan of row 9a and by the redaction of everything quoted out of a
// repository (a README line with a token on it is never repeated in a report).

export interface SecretRule {
  /** The gitleaks rule id the shape comes from. */
  id: string;
  /** What was found, for a finding's note ("a GitHub token"). Never the value. */
  kind: string;
  pattern: RegExp;
  /** Minimum Shannon entropy (bits per character) of the match, as gitleaks sets it; filters "AKIAXXXXXXXXXXXXXXXX". */
  entropy?: number;
}

export const SECRET_RULES: readonly SecretRule[] = [
  { id: "private-key", kind: "a private key", pattern: /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/ },
  {
    id: "aws-access-token",
    kind: "an AWS access key",
    pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/,
    entropy: 3,
  },
  { id: "github-pat", kind: "a GitHub token", pattern: /\bgh[pousr]_[0-9a-zA-Z]{36}\b/, entropy: 3 },
  { id: "github-fine-grained-pat", kind: "a GitHub token", pattern: /\bgithub_pat_\w{82}\b/, entropy: 3 },
  { id: "gitlab-pat", kind: "a GitLab token", pattern: /\bglpat-[\w-]{20}\b/, entropy: 3 },
  {
    id: "slack-token",
    kind: "a Slack token",
    pattern: /\bxox[bpaoesr]-[0-9]{10,13}-[0-9A-Za-z-]{10,200}/,
    entropy: 3,
  },
  {
    id: "slack-webhook-url",
    kind: "a Slack webhook URL",
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,56}/,
  },
  // gitleaks also matches sk_test_: test-mode keys move no money, so only live keys count here.
  {
    id: "stripe-access-token",
    kind: "a Stripe key",
    pattern: /\b(?:sk|rk)_(?:live|prod)_[a-zA-Z0-9]{10,99}\b/,
    entropy: 2,
  },
  { id: "gcp-api-key", kind: "a Google API key", pattern: /\bAIza[\w-]{35}\b/, entropy: 3 },
];

/** Counts of ASCII characters, reused by every call (entropy runs once per candidate on every scanned line). */
const ASCII_COUNTS = new Uint32Array(128);

/** Shannon entropy of a string in bits per character. */
export function shannonEntropy(text: string): number {
  const length = text.length;
  if (length === 0) return 0;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 128) {
      ASCII_COUNTS.fill(0);
      return mixedEntropy(text);
    }
    ASCII_COUNTS[code] = (ASCII_COUNTS[code] ?? 0) + 1;
  }
  let entropy = 0;
  // Each distinct character is added once: its count is cleared as it is used.
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    const count = ASCII_COUNTS[code] ?? 0;
    if (count === 0) continue;
    ASCII_COUNTS[code] = 0;
    const share = count / length;
    entropy -= share * Math.log2(share);
  }
  return entropy;
}

/** The general case, by code point, for text with characters outside ASCII. */
function mixedEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const share = count / text.length;
    entropy -= share * Math.log2(share);
  }
  return entropy;
}

/** gitleaks' own allow-list words: a token shape that says it is an example is not a secret. */
const EXAMPLE_WORDS = /example|sample|dummy|placeholder|redacted|x{6,}/i;

/** The first rule a line matches with a real-looking value, with the match's offset in the line. */
export function findSecret(text: string): { rule: SecretRule; index: number } | undefined {
  // Most lines hold none of the rules' literal prefixes: one search rules them all out.
  if (!ANY_PREFIX.test(text)) return undefined;
  for (const rule of SECRET_RULES) {
    const match = rule.pattern.exec(text);
    if (match === null) continue;
    if (rule.entropy !== undefined && shannonEntropy(match[0]) < rule.entropy) continue;
    if (rule.id !== "private-key" && EXAMPLE_WORDS.test(match[0])) continue;
    return { rule, index: match.index };
  }
  return undefined;
}

/** Every rule's leading literal (kept in step with SECRET_RULES by a test). */
export const ANY_PREFIX =
  /-----BEGIN|A3T|AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|xox[bpaoesr]-|hooks\.slack\.com|[sr]k_(?:live|prod)_|AIza/;

const ANY_SECRET = new RegExp(SECRET_RULES.map((rule) => `(?:${rule.pattern.source})`).join("|"), "g");

/**
 * The text with every secret-shaped token replaced by "[redacted]". Applied to everything quoted
 * from a repository, in every format, so a report never repeats a committed credential.
 */
export function redactSecrets(text: string): string {
  return text.replace(ANY_SECRET, "[redacted]");
}
