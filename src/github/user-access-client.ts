// Sign-in with GitHub for the dashboard (the App's OAuth web flow) and the one question the
// dashboard asks on a user's behalf: which repositories of an installation may this user see?
// GitHub answers that itself (GET /user/installations/{id}/repositories lists exactly the
// repositories the user can access there), so the dashboard never guesses from names or teams.
import { exchangeWebFlowCode, getWebFlowAuthorizationUrl } from "@octokit/oauth-methods";
import { Octokit } from "@octokit/rest";

export interface UserAccessClient {
  /** Where to send the browser to sign in; `state` comes back to the callback unchanged. */
  authorizeUrl(state: string, redirectUrl: string): string;
  /** Trades the callback's code for a user token and the user's login. */
  signIn(code: string, redirectUrl: string): Promise<{ login: string; token: string }>;
  /** "owner/name" in lower case, for every repository of the installation the user can access. */
  accessibleRepositories(token: string, installationId: number): Promise<Set<string>>;
}

export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  /** REST base, e.g. https://api.github.com or https://ghe.example/api/v3. */
  apiBaseUrl?: string;
}

/** Upper bound on pages read for one user and installation (100 repositories a page). */
const MAX_PAGES = 100;

export function createUserAccessClient(settings: OAuthSettings): UserAccessClient {
  const baseUrl = settings.apiBaseUrl ?? "https://api.github.com";
  const request = new Octokit({ baseUrl }).request;
  return {
    authorizeUrl(state, redirectUrl) {
      return getWebFlowAuthorizationUrl({
        clientType: "github-app",
        clientId: settings.clientId,
        state,
        redirectUrl,
        request,
      }).url;
    },
    async signIn(code, redirectUrl) {
      const { authentication } = await exchangeWebFlowCode({
        clientType: "github-app",
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        code,
        redirectUrl,
        request,
      });
      const octokit = new Octokit({ auth: authentication.token, baseUrl });
      const { data } = await octokit.rest.users.getAuthenticated();
      return { login: data.login, token: authentication.token };
    },
    async accessibleRepositories(token, installationId) {
      const octokit = new Octokit({ auth: token, baseUrl });
      const names = new Set<string>();
      let page = 0;
      for await (const response of octokit.paginate.iterator(
        octokit.rest.apps.listInstallationReposForAuthenticatedUser,
        { installation_id: installationId, per_page: 100 },
      )) {
        for (const repository of response.data) names.add(repository.full_name.toLowerCase());
        page += 1;
        if (page >= MAX_PAGES) break;
      }
      return names;
    },
  };
}
