// The token shapes of row 9a and of redaction: each rule finds its own shape behind the one-search
// prefilter, and the entropy used to tell real tokens from "AKIAXXXXXXXXXXXXXXXX" is Shannon's.
import { describe, expect, it } from "@jest/globals";
import { ANY_PREFIX, findSecret, redactSecrets, SECRET_RULES, shannonEntropy } from "../../src/core/secret-rules.js";

/** Made-up values in each rule's shape, varied enough to pass its entropy floor. */
const MIXED = "R8x2Kq7Lm4Np9Ts1Vw6Yz3Bc5Df0Gh2Jk8Mn4Pq7Rs1Tu5Vw9Xy3Za6Bc0De4Fg8Hi2Jk6Lm0No4Pq8Rs2Tu6";
const SAMPLES: Record<string, string> = {
  "private-key": "-----BEGIN OPENSSH PRIVATE KEY-----",
  "aws-access-token": "AKIAQ3EGRT7KZ2MWX4PD",
  "github-pat": `ghp_${MIXED.slice(0, 36)}`,
  "github-fine-grained-pat": `github_pat_${MIXED.slice(0, 82)}`,
  "gitlab-pat": `glpat-${MIXED.slice(0, 20)}`,
  "slack-token": `xoxb-1234567890-${MIXED.slice(0, 24)}`,
  "slack-webhook-url": `https://hooks.slack.com/services/${MIXED.slice(0, 44)}`,
  "stripe-access-token": `sk_live_${MIXED.slice(0, 24)}`,
  "gcp-api-key": `AIza${MIXED.slice(0, 35)}`,
};

function referenceEntropy(text: string): number {
  const characters = [...text];
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) entropy -= (count / text.length) * Math.log2(count / text.length);
  return entropy;
}

describe("secret rules", () => {
  it.each(SECRET_RULES.map((rule) => [rule.id, rule] as const))("%s is found behind the prefilter", (id, rule) => {
    const sample = SAMPLES[id];
    expect(sample).toBeDefined();
    const line = `config: value=${sample ?? ""} # trailing`;
    expect(ANY_PREFIX.test(line)).toBe(true);
    expect(findSecret(line)?.rule).toBe(rule);
    expect(redactSecrets(line)).not.toContain(sample);
  });

  it("finds nothing on a line without any rule's prefix, and skips low-entropy and example tokens", () => {
    expect(findSecret(`const token = "${"a1B2".repeat(20)}"; // password secret api_key`)).toBeUndefined();
    expect(findSecret("AKIAXXXXXXXXXXXXXXXX")).toBeUndefined();
    expect(findSecret(`ghp_EXAMPLE${MIXED.slice(0, 29)}`)).toBeUndefined();
  });

  it("computes Shannon entropy in bits per character, for ASCII and other text alike", () => {
    for (const text of ["", "a", "aaaa", "abcd", "a1B2a1B2xyz", MIXED, "pässwörd€€", "日本語のテキスト", "x😀y😀"])
      expect(shannonEntropy(text)).toBeCloseTo(referenceEntropy(text), 10);
    // The shared counts are left clean between calls, whatever stopped the previous one.
    expect(shannonEntropy("ab€")).toBeCloseTo(referenceEntropy("ab€"), 10);
    expect(shannonEntropy("ab")).toBe(1);
  });
});
