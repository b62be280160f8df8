// The webhook secret the App verifies every delivery against. Without one, Probot would verify
// against the public string "development", so anyone could forge events: the App refuses to
// start instead, unless NODE_ENV=development says a developer accepts that, loudly.

/** Probot's fallback secret; known to everyone, so never a secret. */
export const DEVELOPMENT_SECRET = "development";

export const MISSING_SECRET_MESSAGE =
  "WEBHOOK_SECRET is not set, so the App could not tell GitHub's webhooks from forged ones and refuses to start. Set it to the GitHub App's webhook secret (Settings → Developer settings → GitHub Apps → the App → Webhook secret). Only for local development, NODE_ENV=development runs with the insecure default.";

export const PUBLIC_SECRET_MESSAGE = `WEBHOOK_SECRET is "${DEVELOPMENT_SECRET}", a value everyone knows, so anyone could forge webhooks; the App refuses to start. Set the GitHub App's real webhook secret (NODE_ENV=development allows it for local development).`;

export const DEVELOPMENT_WARNING = `INSECURE: WEBHOOK_SECRET is not set and NODE_ENV=development, so webhooks are verified against the public secret "${DEVELOPMENT_SECRET}" and anyone who can reach this server can forge events. Never run like this where the internet can reach it.`;

export class WebhookSecretError extends Error {}

/** The secret to verify against; throws WebhookSecretError when the App must not start. */
export function resolveWebhookSecret(
  env: Readonly<Record<string, string | undefined>>,
  log: { warn(message: string): void },
): string {
  const secret = env["WEBHOOK_SECRET"];
  const development = env["NODE_ENV"] === "development";
  if (secret === undefined || secret.trim() === "") {
    if (!development) throw new WebhookSecretError(MISSING_SECRET_MESSAGE);
    log.warn(DEVELOPMENT_WARNING);
    return DEVELOPMENT_SECRET;
  }
  if (secret === DEVELOPMENT_SECRET && !development) throw new WebhookSecretError(PUBLIC_SECRET_MESSAGE);
  return secret;
}
