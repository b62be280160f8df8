// The dashboard's HTTP entry: a Node request handler mounted on the App's own server under /dpg
// (Probot's `addHandler`). It routes, applies who-may-see-what, and sets the security headers;
// the pages themselves are pure renderers over the store's summaries and reports.
import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { UserAccessClient } from "../github/user-access-client.js";
import type { DashboardSource } from "./dashboard-source.js";
import { html } from "./html.js";
import { renderBadge } from "./render-badge.js";
import { renderCsv, renderJsonExport } from "./render-export.js";
import { renderPage, type Viewer } from "./render-layout.js";
import { renderOrganizationPage, type IndicatorHeading } from "./render-organization-page.js";
import { renderRepositoryPage } from "./render-repository-page.js";
import { filterRepositories, parseRepositoryQuery, queryRepositories } from "./query-repositories.js";
import { RepositoryAccess } from "./repository-access.js";
import {
  cookie,
  parseCookies,
  SESSION_COOKIE,
  SESSION_SECONDS,
  STATE_COOKIE,
  type Session,
  type SessionSealer,
} from "./session.js";

export const DASHBOARD_PATH = "/dpg";

/** Longest form body read (the sign-out form holds one token). */
const MAX_FORM_BYTES = 4096;

export interface DashboardOptions {
  source: DashboardSource;
  indicators: readonly IndicatorHeading[];
  /** Sign-in with GitHub; without it, private repositories are simply not shown. */
  signIn?: { client: UserAccessClient; sealer: SessionSealer };
  /** The dashboard's public address (DASHBOARD_URL), for badge snippets and the OAuth callback. */
  publicBase?: string;
  now?: () => number;
  log?: { warn(object: object, message: string): void };
}

export type DashboardHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self' https:; frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
};

const require = createRequire(import.meta.url);
const ASSETS: Record<string, { file: () => string; type: string }> = {
  "dashboard.css": { file: () => ownAsset("dashboard.css"), type: "text/css" },
  "history-chart.js": { file: () => ownAsset("history-chart.js"), type: "text/javascript" },
  "uPlot.iife.min.js": { file: () => require.resolve("uplot/dist/uPlot.iife.min.js"), type: "text/javascript" },
  "uPlot.min.css": { file: () => require.resolve("uplot/dist/uPlot.min.css"), type: "text/css" },
};

/** `assets/dashboard/` at the package root: two folders up from both src/dashboard and lib/dashboard. */
function ownAsset(name: string): string {
  return fileURLToPath(new URL(`../../assets/dashboard/${name}`, import.meta.url));
}

export function createDashboardHandler(options: DashboardOptions): DashboardHandler {
  const access = new RepositoryAccess(options.signIn?.client, options.now);
  const now = options.now ?? Date.now;
  const assetCache = new Map<string, Buffer>();

  return async (request, response) => {
    const url = new URL(request.url ?? "/", "http://dashboard.invalid");
    if (url.pathname !== DASHBOARD_PATH && !url.pathname.startsWith(`${DASHBOARD_PATH}/`)) return false;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    try {
      await route(request, response, url);
    } catch (error) {
      options.log?.warn({ error: error instanceof Error ? error.message : String(error) }, "Dashboard request failed");
      if (!response.headersSent) send(response, 500, "text/plain; charset=utf-8", "The dashboard could not answer.\n");
      else response.end();
    }
    return true;
  };

  async function route(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const parts = url.pathname
      .slice(DASHBOARD_PATH.length)
      .split("/")
      .filter((part) => part !== "")
      .map(decodePart);
    if (parts.some((part) => part === undefined)) return notFound(response, await viewerOf(request));
    const [first, second, third] = parts as string[];
    const method = request.method ?? "GET";

    if (first === "logout" && parts.length === 1) {
      if (method !== "POST") return methodNotAllowed(response, "POST");
      return logout(request, response);
    }
    if (method !== "GET" && method !== "HEAD") return methodNotAllowed(response, "GET, HEAD");

    if (first === "assets" && second !== undefined && parts.length === 2) return asset(response, second);
    if (first === "login" && parts.length === 1) return login(response, url, request);
    if (first === "callback" && parts.length === 1) return callback(request, response, url);
    if (first === "badge" && second !== undefined && third?.endsWith(".svg") === true && parts.length === 3)
      return badge(request, response, second, third.slice(0, -".svg".length));

    const session = sessionOf(request);
    const viewer = await viewerOf(request, session);
    if (parts.length === 0) return home(response, viewer, session);
    if (first === "orgs" && second !== undefined && parts.length === 2)
      return organization(response, url, second, viewer, session);
    if (
      first === "orgs" &&
      second !== undefined &&
      (third === "export.csv" || third === "export.json") &&
      parts.length === 3
    )
      return exportTable(response, url, second, third === "export.csv" ? "csv" : "json", session);
    if (first === "repos" && second !== undefined && third !== undefined && parts.length === 3)
      return repository(request, response, second, third, viewer, session);
    return notFound(response, viewer);
  }

  async function home(response: ServerResponse, viewer: Viewer, session: Session | undefined): Promise<void> {
    const installations = await options.source.listInstallations();
    const owners: { owner: string; visible: number }[] = [];
    for (const installation of installations) {
      const visible = await access.filter(await options.source.listSummaries(installation.owner), session?.token);
      if (visible.length > 0) owners.push({ owner: installation.owner, visible: visible.length });
    }
    owners.sort((a, b) => a.owner.localeCompare(b.owner));
    const body = html`<h1>DPG readiness</h1>
      ${
        owners.length === 0
          ? html`<p>No screened repository is visible to you yet.</p>`
          : html`<ul class="owners">
              ${owners.map((entry) => html`<li><a href="/dpg/orgs/${encodeURIComponent(entry.owner)}">${entry.owner}</a> — ${entry.visible} repositories</li>`)}
            </ul>`
      }`;
    send(
      response,
      200,
      "text/html; charset=utf-8",
      renderPage({ title: "DPG readiness", viewer, path: DASHBOARD_PATH, body }),
    );
  }

  async function organization(
    response: ServerResponse,
    url: URL,
    owner: string,
    viewer: Viewer,
    session: Session | undefined,
  ): Promise<void> {
    const visible = await access.filter(await options.source.listSummaries(owner), session?.token);
    if (visible.length === 0) return notFound(response, viewer);
    const query = parseRepositoryQuery(url.searchParams);
    const result = queryRepositories(visible, query);
    send(
      response,
      200,
      "text/html; charset=utf-8",
      renderOrganizationPage({
        owner: visible[0]?.owner ?? owner,
        visible,
        result,
        query,
        indicators: options.indicators,
        viewer,
      }),
    );
  }

  async function exportTable(
    response: ServerResponse,
    url: URL,
    owner: string,
    format: "csv" | "json",
    session: Session | undefined,
  ): Promise<void> {
    const visible = await access.filter(await options.source.listSummaries(owner), session?.token);
    if (visible.length === 0) return notFound(response, await viewerOf(undefined, session));
    const rows = filterRepositories(visible, parseRepositoryQuery(url.searchParams));
    const ids = options.indicators.map((indicator) => indicator.id);
    response.setHeader("content-disposition", `attachment; filename="dpg-${safeFileName(owner)}.${format}"`);
    if (format === "csv") send(response, 200, "text/csv; charset=utf-8", renderCsv(rows, ids));
    else send(response, 200, "application/json; charset=utf-8", renderJsonExport(rows));
  }

  async function repository(
    request: IncomingMessage,
    response: ServerResponse,
    owner: string,
    name: string,
    viewer: Viewer,
    session: Session | undefined,
  ): Promise<void> {
    const found = await options.source.getRepository(owner, name);
    if (found === undefined || !(await access.canSee(found.summary, session?.token))) return notFound(response, viewer);
    const history = await options.source.history(owner, name);
    send(
      response,
      200,
      "text/html; charset=utf-8",
      renderRepositoryPage({ ...found, history, viewer, publicBase: publicBaseOf(request) }),
    );
  }

  async function badge(request: IncomingMessage, response: ServerResponse, owner: string, name: string): Promise<void> {
    const found = await options.source.getRepository(owner, name);
    // No badge for a private repository, whoever asks: badges are embedded where anyone can see them.
    const summary = found === undefined || found.summary.private ? undefined : found.summary;
    const svg = renderBadge(summary);
    const etag = `"${createHash("sha256").update(svg).digest("base64url").slice(0, 27)}"`;
    response.setHeader("etag", etag);
    response.setHeader("cache-control", "public, max-age=300");
    if (summary === undefined) response.setHeader("cache-control", "no-cache");
    if (request.headers["if-none-match"] === etag) {
      response.statusCode = 304;
      response.end();
      return;
    }
    send(response, summary === undefined ? 404 : 200, "image/svg+xml; charset=utf-8", svg);
  }

  async function asset(response: ServerResponse, name: string): Promise<void> {
    const entry = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (entry === undefined) return notFound(response, await viewerOf(undefined));
    let body = assetCache.get(name);
    if (body === undefined) {
      body = await readFile(entry.file());
      assetCache.set(name, body);
    }
    response.setHeader("cache-control", "public, max-age=86400");
    send(response, 200, `${entry.type}; charset=utf-8`, body);
  }

  function login(response: ServerResponse, url: URL, request: IncomingMessage): void {
    const signIn = options.signIn;
    if (signIn === undefined)
      return sendText(response, 404, "Sign-in with GitHub is not configured on this dashboard.\n");
    const state = randomBytes(24).toString("base64url");
    const back = safeReturnPath(url.searchParams.get("return"));
    response.setHeader(
      "set-cookie",
      cookie(STATE_COOKIE, `${state}.${Buffer.from(back).toString("base64url")}`, {
        maxAge: 600,
        secure: isSecure(request),
      }),
    );
    response.statusCode = 302;
    response.setHeader("location", signIn.client.authorizeUrl(state, callbackUrl(request)));
    response.end();
  }

  async function callback(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const signIn = options.signIn;
    if (signIn === undefined)
      return sendText(response, 404, "Sign-in with GitHub is not configured on this dashboard.\n");
    const [state, encodedBack] = (parseCookies(request.headers.cookie).get(STATE_COOKIE) ?? "").split(".");
    const code = url.searchParams.get("code");
    // The state cookie is the CSRF guard of the sign-in: a callback this browser did not start is refused.
    if (state === undefined || state === "" || url.searchParams.get("state") !== state || code === null)
      return sendText(response, 400, "This sign-in link is not valid any more. Start again from the dashboard.\n");
    let user: { login: string; token: string };
    try {
      user = await signIn.client.signIn(code, callbackUrl(request));
    } catch (error) {
      options.log?.warn({ error: error instanceof Error ? error.message : String(error) }, "GitHub sign-in failed");
      return sendText(response, 502, "GitHub did not confirm the sign-in. Try again.\n");
    }
    const sealed = signIn.sealer.seal({ ...user, expires: Math.floor(now() / 1000) + SESSION_SECONDS });
    const secure = isSecure(request);
    response.setHeader("set-cookie", [
      cookie(SESSION_COOKIE, sealed, { maxAge: SESSION_SECONDS, secure }),
      cookie(STATE_COOKIE, "", { maxAge: 0, secure }),
    ]);
    response.statusCode = 302;
    response.setHeader("location", safeReturnPath(Buffer.from(encodedBack ?? "", "base64url").toString("utf8")));
    response.end();
  }

  async function logout(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const sealed = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
    const form = new URLSearchParams(await readSmallBody(request));
    if (options.signIn === undefined || !options.signIn.sealer.checkCsrf(sealed, form.get("csrf") ?? undefined))
      return sendText(response, 403, "This sign-out did not come from the dashboard's own form.\n");
    response.setHeader("set-cookie", cookie(SESSION_COOKIE, "", { maxAge: 0, secure: isSecure(request) }));
    response.statusCode = 303;
    response.setHeader("location", DASHBOARD_PATH);
    response.end();
  }

  function sessionOf(request: IncomingMessage): Session | undefined {
    return options.signIn?.sealer.unseal(parseCookies(request.headers.cookie).get(SESSION_COOKIE), now() / 1000);
  }

  async function viewerOf(request: IncomingMessage | undefined, session?: Session): Promise<Viewer> {
    const signIn = options.signIn;
    const sealed = request === undefined ? undefined : parseCookies(request.headers.cookie).get(SESSION_COOKIE);
    const current = session ?? (request === undefined ? undefined : sessionOf(request));
    if (signIn === undefined || current === undefined || sealed === undefined)
      return { canSignIn: signIn !== undefined };
    return { canSignIn: true, login: current.login, csrfToken: signIn.sealer.csrfToken(sealed) };
  }

  function publicBaseOf(request: IncomingMessage): string {
    if (options.publicBase !== undefined) return options.publicBase.replace(/\/$/, "");
    return `${isSecure(request) ? "https" : "http"}://${request.headers.host ?? "localhost"}`;
  }

  function callbackUrl(request: IncomingMessage): string {
    return `${publicBaseOf(request)}${DASHBOARD_PATH}/callback`;
  }

  async function notFound(response: ServerResponse, viewer: Viewer): Promise<void> {
    const body = html`<h1>Not found</h1>
      <p>There is no screened repository here that you can see.</p>
      <p><a href="/dpg">All organisations</a></p>`;
    send(
      response,
      404,
      "text/html; charset=utf-8",
      renderPage({ title: "Not found", viewer, path: DASHBOARD_PATH, body }),
    );
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.statusCode = status;
  response.setHeader("content-type", type);
  response.setHeader("content-length", Buffer.byteLength(body));
  response.end(response.req?.method === "HEAD" ? undefined : body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  send(response, status, "text/plain; charset=utf-8", text);
}

function methodNotAllowed(response: ServerResponse, allow: string): void {
  response.setHeader("allow", allow);
  sendText(response, 405, `Use ${allow}.\n`);
}

function decodePart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** Only a path of this dashboard: an open redirect would let a link send users anywhere. */
export function safeReturnPath(value: string | null): string {
  if (value === null || !value.startsWith(`${DASHBOARD_PATH}`) || value.startsWith("//") || /[\\\r\n]/.test(value))
    return DASHBOARD_PATH;
  return value;
}

function isSecure(request: IncomingMessage): boolean {
  return (
    request.headers["x-forwarded-proto"] === "https" || (request.socket as { encrypted?: boolean }).encrypted === true
  );
}

function safeFileName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, "_");
}

async function readSmallBody(request: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
