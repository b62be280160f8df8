// push to the default branch: screen the new tip. The check_suite.requested of the same push
// shares this screen (see Screener); #6 adds the tracking-issue step on the result.
import type { Context } from "probot";
import type { ScreenResult } from "./run-screen.js";
import { screenContext, type AppServices } from "./app-services.js";
import { metadataFromPayload } from "./payload-metadata.js";
import { ensureIssuesAfterScreen } from "./ensure-issues-after-screen.js";

/** True for a push that moved the default branch (not a tag, another branch or a deletion). */
export function isDefaultBranchPush(payload: Context<"push">["payload"]): boolean {
  return !payload.deleted && payload.ref === `refs/heads/${payload.repository.default_branch}`;
}

export async function handlePush(context: Context<"push">, services: AppServices): Promise<ScreenResult | undefined> {
  const { payload } = context;
  if (!isDefaultBranchPush(payload)) return undefined;
  const target = {
    owner: payload.repository.owner?.login ?? payload.repository.full_name.split("/")[0] ?? "",
    repo: payload.repository.name,
  };
  const metadata = metadataFromPayload({
    ...payload.repository,
    owner: { login: payload.repository.owner?.login ?? "", type: payload.repository.owner?.type },
  });
  const result = await services.screener.screen(
    { ...target, headSha: payload.after, metadata, trigger: "push" },
    screenContext(context),
  );
  // #6: the tracking issue (and fix issues) follow default-branch screens, as the config says.
  await ensureIssuesAfterScreen(context as unknown as Context, services, result, {
    ...target,
    metadata,
    fixIssuesRequested: false,
    defaultBranch: true,
  });
  return result;
}
