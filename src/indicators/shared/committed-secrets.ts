// Finds committed private keys and credentials: every file named like a secret (.env, keys,
// credential files) and, within a bound, the project's source and configuration files, for the
// token shapes of src/core/secret-rules.ts and `password = value` assignments. A finding names the
// path, line and kind, never the value; what was not scanned is counted, never passed over.
// A value in a development or compose file that is a documented default or typed by a person is
// no secret; one that looks generated there, or a password hash, is asked about (uncertain), and
// only the token shapes and other files' values are certain findings.
import { classifyPath, NOT_OWN_KINDS, type PathKind } from "../../core/classify-path.js";
import { basename, depth, isVendored } from "../../core/find-files.js";
import type { Evidence, SnapshotView } from "../../core/indicator.js";
import { findSecret, shannonEntropy } from "../../core/secret-rules.js";
import {
  isDevelopmentDefault,
  isDevelopmentFile,
  isDocumentedDefault,
  isPasswordHash,
  literalOf,
} from "../../core/secret-value-rules.js";
import type { FileRead } from "../../core/snapshot.js";

/** Files named like secrets read per screen; past it the criterion says how many were not read. */
export const MAX_SECRET_NAMED_FILES = 50;
/**
 * Other source and configuration files scanned per screen, shallowest first. With the twenty-odd
 * files the other rows read, a typical screen stays within one GitHub GraphQL batch (100 files).
 */
export const MAX_SECRET_SCANNED_FILES = 80;

/** Files whose name says they hold credentials, read whole. */
const SECRET_NAME =
  /^(\.env(\.[\w.-]+)?|[\w.-]+\.(pem|key)|id_(rsa|dsa|ecdsa|ed25519)|credentials(\.json)?|service[-_]?account[\w.-]*\.json|\.pypirc|\.npmrc|\.netrc|\.git-credentials|\.htpasswd|\.s3cfg|\.dockercfg)$/i;
/** `credentials` is a secret file in `.aws/`, not everywhere. */
const AWS_CREDENTIALS = /(^|\/)\.aws\/(credentials|config)$/;
/** Templates of secret files: real files are `.env`, `.env.dev`, `.env.test`, `.env.ci`; these are meant to be copied. */
const TEMPLATE = /\.(example|sample|template|dist|defaults?|tpl)$/i;
/** Binary keystores: cannot be read as text, so their name is the finding. */
const KEYSTORE = /\.(p12|pfx|jks|keystore|bks)$/i;
/** Folders of fakes by design (a whole folder name, not a part of one: `latest/` and `inspector/` are real). */
const FAKE_FOLDER =
  /(^|\/)(tests?|specs?|__tests__|__mocks__|fixtures?|test[-_]?fixtures|examples?|samples?|demos?|mocks?|testdata|test[-_]data|docs?)\//i;
/** Source and configuration files that can hold a credential. */
const SCANNED_FILE =
  /(\.(js|jsx|mjs|cjs|ts|tsx|py|rb|php|go|java|kt|kts|scala|cs|swift|rs|c|cc|cpp|h|hpp|sh|bash|zsh|ps1|pl|r|lua|dart|ex|exs|groovy|gradle|yml|yaml|toml|ini|cfg|conf|properties|json|xml|tf|tfvars|sql|env)|^(Dockerfile|Makefile|Procfile|Jenkinsfile)([.-][\w.-]*)?)$/i;
const NOT_SCANNED =
  /(^|[./-])(min\.[a-z]+|lock|lockfile)$|(^|\/)(package-lock\.json|composer\.lock|yarn\.lock|Cargo\.lock|go\.sum)$/i;
/** The declaration is read by its own fact builder (or given by the App), never by this scan. */
const DECLARATION = /^\.github\/dpg\.ya?ml$/;
/** Files where `KEY=value` without quotes is a setting; in source code an unquoted value is an expression. */
const CONFIG_FILE =
  /(^\.env(\.[\w.-]+)?$|\.(ya?ml|toml|ini|cfg|conf|properties|env|tfvars)$|^(credentials|\.pypirc|\.npmrc|\.netrc)$)/i;

/** What one screen's secret scan reads: named files first, then other files, each list capped. */
export interface SecretScanPlan {
  named: string[];
  namedTotal: number;
  scanned: string[];
  scannedTotal: number;
  keystores: string[];
}

/** The path classifier's kinds whose files hold fakes or copies, never the project's live settings (tooling such as .github/ is scanned). */
const FAKE_KINDS: ReadonlySet<PathKind> = new Set([...NOT_OWN_KINDS].filter((kind) => kind !== "tooling"));

function isFake(path: string): boolean {
  return isVendored(path) || FAKE_FOLDER.test(path) || classifyPath(path).some((kind) => FAKE_KINDS.has(kind));
}

function isSecretNamed(path: string): boolean {
  const name = basename(path);
  if (AWS_CREDENTIALS.test(path)) return true;
  if (name.toLowerCase() === "credentials") return false;
  return SECRET_NAME.test(name) && !TEMPLATE.test(name);
}

/**
 * Shallowest first, then in code-unit order: a cut keeps the root's configuration, where
 * deployments keep their settings. Grouped by depth first, so 50,000 paths cost one pass and
 * sorts of already sorted groups, not a comparison sort that counts slashes at every step.
 */
function shallowestFirst(paths: readonly string[]): string[] {
  const byDepth: string[][] = [];
  for (const path of paths) (byDepth[depth(path)] ??= []).push(path);
  return byDepth.flatMap((group) => group.sort((left, right) => (left < right ? -1 : left > right ? 1 : 0)));
}

const plans = new WeakMap<readonly string[], SecretScanPlan>();

export function planSecretScan(paths: readonly string[]): SecretScanPlan {
  const cached = plans.get(paths);
  if (cached !== undefined) return cached;
  const named: string[] = [];
  const other: string[] = [];
  const keystores: string[] = [];
  for (const path of paths) {
    if (isFake(path)) continue;
    const name = basename(path);
    if (KEYSTORE.test(name)) keystores.push(path);
    else if (isSecretNamed(path)) named.push(path);
    else if (SCANNED_FILE.test(name) && !NOT_SCANNED.test(path) && !DECLARATION.test(path)) other.push(path);
  }
  const plan = {
    named: shallowestFirst(named).slice(0, MAX_SECRET_NAMED_FILES),
    namedTotal: named.length,
    scanned: shallowestFirst(other).slice(0, MAX_SECRET_SCANNED_FILES),
    scannedTotal: other.length,
    keystores,
  };
  plans.set(paths, plan);
  return plan;
}

/** The files row 9a reads. */
export function secretCandidates(paths: readonly string[]): string[] {
  const plan = planSecretScan(paths);
  return [...plan.named, ...plan.scanned];
}

/** An assignment on one line: `KEY=value`, `KEY: value`, `"key": "value"`, `key := "value"`. Bounded on both sides. */
const ASSIGNMENT =
  /(?:^|[\s{,;(])(?:export[ \t]+)?["']?([A-Za-z_][\w.-]{0,80})["']?[ \t]{0,10}(?::=|=>|=(?!=)|:)[ \t]{0,10}(?:"([^"\n]{0,300})"|'([^'\n]{0,300})'|`([^`\n]{0,300})`|([^\s"'`#;,]{1,300}))/g;
const SECRET_KEY_NAME =
  /(passw(?:or)?d|passwd|pwd|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|credentials?|auth(?![a-z]))/i;
/** A cheap test before the assignment search: most lines name no credential at all. */
const KEYWORD = /pass|pwd|secret|token|key|credential|auth/i;
/** Keys that name a setting about a credential (a length, a lifetime, a provider, a location), not the credential itself. */
const SETTING_KEY =
  /[_.-](ENABLED?|DISABLED?|LENGTH|LEN|MIN|MAX|MIN_LENGTH|MAX_LENGTH|EXPIRY|EXPIRES|EXPIRATION|TTL|SECONDS|MINUTES|HOURS|DAYS|TIMEOUT|PROVIDER|TYPE|MODE|METHOD|URL|URI|HOST|PORT|ENDPOINT|DOMAIN|ALGORITHM|ALG|HEADER|NAME|PATH|FILE|DIR|ID|FIELD|PARAM|LABEL|PROMPT|REGEX|PATTERN)$/i;
/** Values that stand for a credential without being one. */
const PLACEHOLDER =
  /^(changeme|change[_-]?me|change[_-]?this|super[_-]?secret|my[_-]?secret|not[_-]?a?[_-]?secret|secret|secrets?123|password1?|passw0rd|p@ssw0rd|admin|root|letmein|qwerty|default|placeholder|redacted|insecure|xxx+|\*+|\.+|<.*>|\[.*\]|\{\{.*\}\}|\$\{.*\}|\$\w+|%\w+%|your[\w-]*|example[\w-]*|dummy[\w-]*|fake[\w-]*|test[\w-]*|sample[\w-]*|foo[\w-]*|bar|baz|none|null|nil|undefined|empty|todo|tbd|fixme|replace[\w-]*|insert[\w-]*|enter[\w-]*|put[\w-]*here|true|false|yes|no|on|off|enabled?|disabled?)$/i;
const PLACEHOLDER_PART =
  /example|placeholder|changeme|change[_-]me|your[_-]|x{4,}|redacted|dummy|insecure|\$\{|\{\{|<[\w-]+>/i;

/** "abcdefgh", "abcd1234", "12345678": runs of consecutive characters are made up, not generated. */
function isSequential(value: string): boolean {
  const lower = value.toLowerCase();
  let breaks = 0;
  for (let index = 1; index < lower.length; index += 1)
    if (lower.charCodeAt(index) !== lower.charCodeAt(index - 1) + 1) breaks += 1;
  return breaks <= 2;
}

/** The shortest value taken for a real secret; shorter ones are flags, lengths or demo values. */
const MIN_SECRET_LENGTH = 8;

/**
 * Whether `key = value` commits a credential: the key names one and the value looks like one.
 * `strict` is for files not named like secrets, where a value must also look generated.
 */
export function looksLikeCredential(key: string, value: string, strict = false): boolean {
  if (!SECRET_KEY_NAME.test(key) || SETTING_KEY.test(key)) return false;
  const trimmed = value.trim();
  if (trimmed.length < MIN_SECRET_LENGTH) return false;
  if (PLACEHOLDER.test(trimmed) || PLACEHOLDER_PART.test(trimmed) || isSequential(trimmed)) return false;
  if (/^[-+]?\d+(\.\d+)?$/.test(trimmed)) return false;
  if (/^(.)\1+$/.test(trimmed)) return false; // "xxxxxxxx", "00000000"
  if (/^(https?|file):\/\//i.test(trimmed) && !/\/\/[^/\s:@]+:[^/\s@]+@/.test(trimmed)) return false; // a URL without user:password
  if (strict) {
    if (/\s/.test(trimmed) || !/[A-Za-z]/.test(trimmed) || !/[\d\W_]/.test(trimmed)) return false;
    if (/^[\w.-]+\([^)]*\)?$/.test(trimmed) || /^(\/|\.\/|~\/)/.test(trimmed)) return false; // a call or a path
    if (shannonEntropy(trimmed) < 3) return false;
  }
  return true;
}

const NPM_TOKEN = /_authToken[ \t]{0,10}=[ \t]{0,10}(?!\$\{)[^\s]{8,}/;

/** What the scan found and what it could not look at. */
export interface SecretScan {
  /** Certain findings: a token shape anywhere, or a credential value outside development files. */
  found: Evidence[];
  /** Values a person must look at: a generated-looking value in a development file, a password hash, a documented default. */
  uncertain: Evidence[];
  plan: SecretScanPlan;
  /** Files of the plan that were read and scanned. */
  scanned: number;
  /** Files of the plan that could not be read, with the reason. */
  unread: { path: string; reason: string }[];
  /** Keystores found by name (binary, not read). */
  keystores: Evidence[];
}

export function committedSecrets(view: SnapshotView): SecretScan {
  const plan = planSecretScan(view.listing.paths);
  // A keystore is binary and never read, so its name alone is no proof of a secret (Android debug
  // keystores and test fixtures are common): it asks for a review, never a fail.
  const keystores: Evidence[] = plan.keystores.map((path) => ({
    path,
    note: "a keystore is committed (a binary file, found by its name and not read): it may hold a real key",
  }));
  const found: Evidence[] = [];
  const uncertain: Evidence[] = [];
  const unread: { path: string; reason: string }[] = [];
  let scanned = 0;
  const named = new Set(plan.named);
  for (const path of [...plan.named, ...plan.scanned]) {
    const file = readOrExplain(view, path);
    if (file.kind !== "text") {
      if (file.kind !== "missing" && (named.has(path) || file.kind !== "binary"))
        unread.push({ path, reason: describeUnread(file) });
      continue;
    }
    scanned += 1;
    for (const finding of scanText(path, file.text, named.has(path)))
      (finding.certain ? found : uncertain).push(finding.evidence);
  }
  return { found, uncertain, plan, scanned, unread, keystores };
}

function readOrExplain(view: SnapshotView, path: string): FileRead {
  try {
    return view.read(path);
  } catch (error) {
    // The engine reads a bounded number of files per screen; one it cut is reported, not scanned.
    return {
      kind: "unreadable",
      reason: error instanceof Error ? "not read within the screen's file budget" : String(error),
    };
  }
}

function describeUnread(file: FileRead): string {
  if (file.kind === "too-large") return `${formatBytes(file.bytes)}, over the per-file cap, so not read`;
  if (file.kind === "binary") return "not text";
  if (file.kind === "unreadable") return file.reason;
  return file.kind;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/** One line's finding, and whether it is certain (a `fail`) or asks a person (a `review`). */
interface LineFinding {
  note: string;
  certain: boolean;
}

/** How one file is read: what its name says about it. */
interface FileContext {
  secretNamed: boolean;
  /** `KEY=value` without quotes is a setting here. */
  config: boolean;
  /** A development, example or compose file (core/secret-value-rules.ts). */
  development: boolean;
  /** YAML: `&anchor` and `*alias` are references, not values. */
  yaml: boolean;
}

/** Findings in one file, at most one per line and at most 20 per file. */
function scanText(path: string, text: string, secretNamed: boolean): { evidence: Evidence; certain: boolean }[] {
  const found: { evidence: Evidence; certain: boolean }[] = [];
  const name = basename(path);
  const context: FileContext = {
    secretNamed,
    config: secretNamed || CONFIG_FILE.test(name),
    development: isDevelopmentFile(path),
    yaml: /\.ya?ml$/i.test(name),
  };
  let lineNumber = 0;
  for (const line of text.split("\n")) {
    lineNumber += 1;
    const finding = lineFinding(line, context);
    if (finding !== undefined) {
      found.push({ evidence: { path, line: lineNumber, note: finding.note }, certain: finding.certain });
      if (finding.note === "a private key is committed" || found.length >= 20) break;
    }
  }
  return found;
}

/** A YAML anchor before a value (`KEY: &name value`): the value is what follows it. */
const YAML_ANCHOR = /(:[ \t]+)&[\w.-]{1,80}[ \t]+/g;
/** A YAML reference standing alone as a value: an alias (`*name`) or an anchor on a block (`&name`). */
const YAML_REFERENCE = /^[&*][\w.-]{1,80}$/;

function lineFinding(raw: string, context: FileContext): LineFinding | undefined {
  const certain = (note: string): LineFinding => ({ note, certain: true });
  // High-confidence token shapes are findings in every file, development or not.
  const token = findSecret(raw);
  if (token?.rule.id === "private-key") return certain("a private key is committed");
  // In a secret file the key's name says most; elsewhere the token's kind does.
  if (token !== undefined && !context.secretNamed) return certain(`${token.rule.kind} is committed`);
  if (KEYWORD.test(raw)) {
    const line = context.yaml ? raw.replace(YAML_ANCHOR, "$1") : raw;
    for (const match of line.matchAll(ASSIGNMENT)) {
      const key = match[1] ?? "";
      const quoted = match[2] ?? match[3] ?? match[4];
      const written = quoted ?? match[5] ?? "";
      if (quoted === undefined && !context.config) continue; // `token = getToken()` in source is code, not a value
      if (context.yaml && quoted === undefined && YAML_REFERENCE.test(written)) continue;
      const value = literalOf(written);
      if (value === undefined) continue; // `${DB_PASSWORD}`: the value comes from the environment
      const finding = judgeValue(key, value, context);
      if (finding !== undefined) return finding;
    }
    if (NPM_TOKEN.test(line)) return certain("a registry token is committed");
  }
  if (token !== undefined) return certain(`${token.rule.kind} is committed`);
  return undefined;
}

/** Whether `key = value` is a committed credential, one to ask about, or nothing. */
function judgeValue(key: string, value: string, context: FileContext): LineFinding | undefined {
  if (SECRET_KEY_NAME.test(key) && !SETTING_KEY.test(key) && isPasswordHash(value))
    return {
      note: `a password hash is committed for ${key}: it may be the hash of a real account's password`,
      certain: false,
    };
  if (!looksLikeCredential(key, value, !context.secretNamed)) return undefined;
  if (context.development) {
    if (isDevelopmentDefault(value)) return undefined;
    return {
      note: `a generated-looking value is committed for ${key} in a development file: it may be a live credential, not a development default`,
      certain: false,
    };
  }
  if (isDocumentedDefault(value))
    return {
      note: `${key} is set to a documented default password, which a deployment may keep`,
      certain: false,
    };
  return { note: `a value is committed for ${key}`, certain: true };
}
