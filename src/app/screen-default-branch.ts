// A screen of the default branch's tip, then the issues the config asks for: what a push and a
// `/dpg recheck` on an issue both do.
import type { AppServices } from "./app-services.js";
import { ensureIssuesAfterScreen } from "./ensure-issues-after-screen.js";
import type { ScreenRequest, ScreenResult } from "./run-screen.js";
import type { ScreenContext } from "./screener.js";

export async function screenDefaultBranch(
  request: ScreenRequest,
  screening: ScreenContext,
  services: AppServices,
): Promise<ScreenResult> {
  const result = await services.screener.screen({ ...request, defaultBranch: true }, screening);
  await ensureIssuesAfterScreen(screening, services, result, {
    owner: request.owner,
    repo: request.repo,
    metadata: request.metadata,
    fixIssuesRequested: false,
    defaultBranch: true,
  });
  return result;
}
