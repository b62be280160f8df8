// Finds committed private keys and credentials. Candidates are chosen by file name only and
// capped, and a finding names the path and line, never the secret itself.
import { basename, isVendored } from "../../core/find-files.js";
import type { Evidence, SnapshotView } from "../../core/indicator.js";

export const MAX_SECRET_CANDIDATES = 20;

const CANDIDATE =
  /^(\.env(\.[\w-]+)?|[\w.-]+\.(pem|key|p12|pfx|keystore|jks)|id_(rsa|dsa|ecdsa|ed25519)|credentials\.json|service[-_]?account[\w.-]*\.json|\.pypirc|\.npmrc)$/i;
const TEMPLATE = /\.(example|sample|template|dist|defaults?|tpl|test|ci|dev|local\.example)$/i;
/** Test keys, examples and docs are fakes by design; flagging them would be noise. */
const NOT_REAL =
  /(^|\/)(docs?|[^/]*(tests?|spec|fixtures?|examples?|samples?|demo|mocks?|testdata|devenv|localtest)[^/]*)\//i;

const PRIVATE_KEY = /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/;
const SECRET_ASSIGNMENT =
  /^\s*(?:export\s+)?([A-Z0-9_]*(?:SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?|AUTH(?![A-Z]))[A-Z0-9_]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s#]*))/i;
/** Keys that name a setting about a credential (a length, a lifetime, a provider, a location), not the credential itself. */
const SETTING_KEY =
  /[_.-](ENABLED?|DISABLED?|LENGTH|LEN|MIN|MAX|MIN_LENGTH|MAX_LENGTH|EXPIRY|EXPIRES|EXPIRATION|TTL|SECONDS|MINUTES|HOURS|DAYS|TIMEOUT|PROVIDER|TYPE|MODE|METHOD|URL|URI|HOST|PORT|ENDPOINT|DOMAIN|ALGORITHM|ALG|HEADER|NAME|PATH|FILE|DIR)$/i;
const PLACEHOLDER =
  /^(changeme|change[_-]?me|change[_-]?this|xxx+|\*+|\.+|<.*>|\[.*\]|\{\{.*\}\}|\$\{.*\}|\$\w+|%\w+%|your[\w-]*|example[\w-]*|dummy[\w-]*|fake[\w-]*|test[\w-]*|sample[\w-]*|secret|password|passwd|none|null|nil|undefined|empty|todo|tbd|fixme|replace[\w-]*|insert[\w-]*|enter[\w-]*|put[\w-]*here|true|false|yes|no|on|off|enabled?|disabled?)$/i;
/** The shortest value taken for a real secret; shorter ones are flags, lengths or demo values. */
const MIN_SECRET_LENGTH = 8;

/** Whether `key = value` commits a credential: the key names one and the value looks like one. */
export function looksLikeCredential(key: string, value: string): boolean {
  if (SETTING_KEY.test(key)) return false;
  const trimmed = value.trim();
  if (trimmed.length < MIN_SECRET_LENGTH) return false;
  if (PLACEHOLDER.test(trimmed)) return false;
  if (/^[-+]?\d+(\.\d+)?$/.test(trimmed)) return false;
  if (/^(.)\1+$/.test(trimmed)) return false; // "xxxxxxxx", "00000000"
  if (/^(https?|file):\/\//i.test(trimmed) && !/\/\/[^/\s:@]+:[^/\s@]+@/.test(trimmed)) return false; // a URL without user:password
  return true;
}

const NPM_TOKEN = /_authToken\s*=\s*(?!\$\{)[^\s]{8,}/;

export function secretCandidates(paths: readonly string[]): string[] {
  return paths
    .filter(
      (path) =>
        CANDIDATE.test(basename(path)) && !TEMPLATE.test(basename(path)) && !isVendored(path) && !NOT_REAL.test(path),
    )
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
      const key = assignment?.[1] ?? "";
      const value = assignment?.[2] ?? assignment?.[3] ?? assignment?.[4] ?? "";
      if (assignment !== null && looksLikeCredential(key, value))
        found.push({ path, line: index + 1, note: `a value is committed for ${key}` });
      else if (NPM_TOKEN.test(line)) found.push({ path, line: index + 1, note: "a registry token is committed" });
    });
  }
  return found;
}
