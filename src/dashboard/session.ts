// The dashboard's session cookie: the signed-in login and its GitHub user token, sealed with
// AES-256-GCM (authenticated, so it cannot be forged or altered, and the token cannot be read
// from the cookie) and expiring on its own. HttpOnly, Secure when served over https, SameSite=Lax.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "dpg_session";
export const STATE_COOKIE = "dpg_oauth_state";
/** Eight hours: a working day, after which GitHub is asked again. */
export const SESSION_SECONDS = 8 * 60 * 60;

export interface Session {
  login: string;
  token: string;
  /** Unix seconds. */
  expires: number;
}

export class SessionSealer {
  readonly #key: Buffer;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error("The dashboard session secret must be at least 32 characters");
    this.#key = createHash("sha256").update(`dpg-session:${secret}`).digest();
  }

  seal(session: Session): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(session), "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
  }

  /** The session, or undefined when the cookie is absent, altered, malformed or expired. */
  unseal(sealed: string | undefined, now: number = Date.now() / 1000): Session | undefined {
    if (sealed === undefined || sealed.length > 4096) return undefined;
    try {
      const raw = Buffer.from(sealed, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", this.#key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
      const session = JSON.parse(json) as Partial<Session>;
      if (typeof session.login !== "string" || typeof session.token !== "string" || typeof session.expires !== "number")
        return undefined;
      return session.expires > now ? (session as Session) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The form token for state-changing requests: bound to the session, so another site cannot know it. */
  csrfToken(sealed: string): string {
    return createHmac("sha256", this.#key).update(`csrf:${sealed}`).digest("base64url");
  }

  checkCsrf(sealed: string | undefined, token: string | undefined): boolean {
    if (sealed === undefined || token === undefined) return false;
    const expected = Buffer.from(this.csrfToken(sealed));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (header === undefined) return cookies;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(index + 1).trim());
  }
  return cookies;
}

export function cookie(
  name: string,
  value: string,
  options: { maxAge: number; secure: boolean; path?: string },
): string {
  return [
    `${name}=${value}`,
    `Path=${options.path ?? "/dpg"}`,
    `Max-Age=${options.maxAge}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}
