// The page frame every dashboard page shares: language, skip link, header with sign-in state,
// one stylesheet, no inline script or style (the Content-Security-Policy forbids them).
import { html, type SafeHtml } from "./html.js";

export interface Viewer {
  /** The signed-in GitHub login, or undefined when signed out. */
  login?: string;
  /** Shown only when sign-in with GitHub is configured. */
  canSignIn: boolean;
  /** The form token for state-changing requests (sign out). */
  csrfToken?: string;
}

export interface PageOptions {
  title: string;
  viewer: Viewer;
  /** Where sign-in returns to. */
  path: string;
  body: SafeHtml;
  scripts?: readonly string[];
  styles?: readonly string[];
}

export const ASSET_BASE = "/dpg/assets";

export function renderPage(options: PageOptions): string {
  const { viewer } = options;
  const account =
    viewer.login !== undefined
      ? html`<form method="post" action="/dpg/logout" class="account">
          <span>Signed in as <strong>${viewer.login}</strong></span>
          <input type="hidden" name="csrf" value="${viewer.csrfToken ?? ""}" />
          <button type="submit">Sign out</button>
        </form>`
      : viewer.canSignIn
        ? html`<p class="account">
            <a href="/dpg/login?return=${encodeURIComponent(options.path)}">Sign in with GitHub</a> to see private
            repositories you can access.
          </p>`
        : html``;
  return `<!doctype html>${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · DPG Screener</title>
        <link rel="stylesheet" href="${ASSET_BASE}/dashboard.css" />
        ${(options.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}" />`)}
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <p class="brand"><a href="/dpg">DPG Screener</a></p>
          ${account}
        </header>
        <main id="main">${options.body}</main>
        ${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
      </body>
    </html>`.value
  }`;
}
