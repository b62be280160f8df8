// What a committed value in a development file is, as data: compose files, `.env.development`,
// `settings.dev.py` and `config.example.yml` hold the passwords a developer's laptop or a demo
// stack starts with. A product's documented default ("postgres", "dhis", "guest") is public
// knowledge, not a secret; a value that looks generated may be a live credential someone pasted,
// so it is asked about, never passed over and never called a leak on a guess. Pure; no I/O.
//
// The high-confidence token shapes of secret-rules.ts (private keys, AWS/GitHub/Slack tokens…)
// are judged before any of this and stay findings in every file.

/**
 * Default and example credentials published in the documentation of widely used images and
 * products, compared whole and case-blind. Each entry names where it is documented.
 */
export const DEVELOPMENT_DEFAULTS: readonly { value: string; source: string }[] = [
  { value: "postgres", source: "hub.docker.com/_/postgres (default superuser)" },
  { value: "mysecretpassword", source: "hub.docker.com/_/postgres (example POSTGRES_PASSWORD)" },
  { value: "example", source: "hub.docker.com/_/mysql, hub.docker.com/_/mongo (compose examples)" },
  { value: "dhis", source: "docs.dhis2.org (database user and password of the installation guide)" },
  { value: "district", source: "docs.dhis2.org (the demo admin password)" },
  { value: "guest", source: "rabbitmq.com/docs/access-control (the default user)" },
  { value: "minioadmin", source: "min.io/docs (the default root user and password)" },
  { value: "changeme", source: "elastic.co (the pre-6.0 default password), and a common template word" },
  { value: "airflow", source: "airflow.apache.org/docs (docker-compose quick start)" },
  { value: "keycloak", source: "keycloak.org/getting-started (container examples)" },
  { value: "odoo", source: "hub.docker.com/_/odoo (compose example)" },
  { value: "superset", source: "superset.apache.org/docs (docker-compose quick start)" },
  { value: "password", source: "placeholder word" },
  { value: "secret", source: "placeholder word" },
  { value: "admin", source: "placeholder word (default admin of many images)" },
  { value: "root", source: "placeholder word (default MySQL/MariaDB root)" },
];

const DEFAULTS = new Set(DEVELOPMENT_DEFAULTS.map((entry) => entry.value));

/** Compose files, except those whose name says they are for production. */
const COMPOSE_FILE = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i;
const PRODUCTION_WORD = /(?:^|[._-])(?:prod|production|staging|live)(?:[._-]|$)/i;
/** A name segment saying the file is for development, tests, CI or an example to copy. */
const DEVELOPMENT_WORD =
  /(?:^|[._-])(?:dev|devel|develop|development|local|example|examples|sample|demo|test|testing|tests|ci|e2e|template|tpl|dist|defaults?)(?:[._-]|$)/i;
const DEVELOPMENT_FOLDER = /(?:^|\/)(?:\.devcontainer|dev|development|local|\.ddev)\//i;

/** Whether a path is a development, example or compose file (not one named for production). */
export function isDevelopmentFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (PRODUCTION_WORD.test(name)) return false;
  return COMPOSE_FILE.test(name) || DEVELOPMENT_WORD.test(name) || DEVELOPMENT_FOLDER.test(path);
}

/**
 * A development default: a documented default, or a value made of one or two lowercase words
 * and a few digits ("dhis2", "mysecretpassword", "app_password1"): something a person typed.
 */
export function isDevelopmentDefault(value: string): boolean {
  return isDocumentedDefault(value) || /^[A-Za-z][a-z]{1,23}(?:[_-]?[a-z]{2,24})?[0-9]{0,4}!?$/.test(value.trim());
}

/** One of DEVELOPMENT_DEFAULTS, case-blind. */
export function isDocumentedDefault(value: string): boolean {
  return DEFAULTS.has(value.trim().toLowerCase());
}

/**
 * A password hash as htpasswd, crypt(3) and LDAP write them ($apr1$, $2y$, $6$, {SHA}, with the
 * `$$` compose escaping). A hash is not the password; a weak one can be cracked, so it is asked
 * about, not called a leak.
 */
export function isPasswordHash(value: string): boolean {
  const unescaped = value.replace(/\$\$/g, "$");
  return (
    /^(?:[\w.-]{1,64}:)?\$(?:apr1|2[abxy]?|1|5|6|argon2i?d?|pbkdf2[\w-]*|scrypt)\$[./\w$=,+-]{8,}$/.test(unescaped) ||
    /^(?:[\w.-]{1,64}:)?\{(?:SHA|SSHA|SHA256|SSHA256|SHA512|SSHA512|CRYPT)\}[\w+/=.$]{8,}$/i.test(unescaped)
  );
}

/**
 * The literal a value stands for once shell and compose references are resolved: `${NAME}`,
 * `$NAME` and `$$NAME` are references (undefined: no literal), `${NAME:-fallback}` and
 * `${NAME-fallback}` stand for their fallback. Any other value is returned as it is.
 */
export function literalOf(value: string): string | undefined {
  const trimmed = value.trim();
  // A fallback (`-…`) or an error or alternative word (`?…`, `+…`), not both: the fallback
  // already runs to the closing brace, so a second group could only split it.
  const braced = /^\$\$?\{[A-Za-z_][\w.]*(?::?-([^}]*)|:?[?+][^}]*)?\}$/.exec(trimmed);
  if (braced !== null) return braced[1] === undefined || braced[1] === "" ? undefined : braced[1];
  if (/^\$\$?[A-Za-z_]\w*$/.test(trimmed)) return undefined;
  return trimmed;
}
