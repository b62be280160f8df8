// Finds committed private keys and credentials. Candidates are chosen by file name only and
// capped, and a finding names the path and line, never the secret itself.
import { basename, isVendored } from "../../core/find-files.js";
import type { Evidence, SnapshotView } from "../../core/indicator.js";

export const MAX_SECRET_CANDIDATES = 20;

const CANDIDATE = /^(\.env(\.[\w-]+)?|[\w.-]+\.(pem|key|p12|pfx|keystore|jks)|id_(rsa|dsa|ecdsa|ed25519)|credentials\.json|service[-_]?account[\w.-]*\.json|\.pypirc|\.npmrc)$/i;
const TEMPLATE = /\.(example|sample|template|dist|defaults?|tpl|test|ci|dev|local\.example)$/i;
/** Test keys, examples and docs are fakes by design; flagging them would be noise. */
const NOT_REAL = /(^|\/)(docs?|[^/]*(tests?|spec|fixtures?|examples?|samples?|demo|mocks?|testdata|devenv|localtest)[^/]*)\//i;

const PRIVATE_KEY = /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/;
const SECRET_ASSIGNMENT = /^\s*(?:export\s+)?([A-Z0-9_]*(?:SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?|AUTH)[A-Z0-9_]*)\s*=\s*["']?([^"'\s#]+)/i;
const PLACEHOLDER = /^(changeme|change_me|xxx+|\*+|<.*>|\$\{.*\}|\$\w+|your[\w-]*|example|dummy|test|secret|password|none|null|false|true|todo|replace[\w-]*)$/i;
const NPM_TOKEN = /_authToken\s*=\s*(?!\$\{)[^\s]{8,}/;

export function secretCandidates(paths: readonly string[]): string[] {
  return paths.filter((path) => CANDIDATE.test(basename(path)) && !TEMPLATE.test(basename(path)) && !isVendored(path) && !NOT_REAL.test(path))
    .slice(0, MAX_SECRET_CANDIDATES);
}

/** One evidence item per committed secret: path, line, and the kind of secret. */
export function committedSecrets(view: SnapshotView): Evidence[] {
  const found: Evidence[] = [];
  for (const path of secretCandidates(view.listing.paths)) {
    const file = view.read(path);
    if (file.kind !== "text") continue;
    const lines = file.text.split("\n");
    const keyLine = lines.findIndex((line) => PRIVATE_KEY.test(line) || /"private_key"\s*:\s*"-----BEGIN/.test(line));
    if (keyLine !== -1) {
      found.push({ path, line: keyLine + 1, note: "a private key is committed" });
      continue;
    }
    lines.forEach((line, index) => {
      const assignment = SECRET_ASSIGNMENT.exec(line);
      if (assignment !== null && !PLACEHOLDER.test(assignment[2] ?? "")) found.push({ path, line: index + 1, note: `a value is committed for ${assignment[1] ?? "a credential"}` });
      else if (NPM_TOKEN.test(line)) found.push({ path, line: index + 1, note: "a registry token is committed" });
    });
  }
  return found;
}
