// push to the default branch: screen the new tip, then bring the issues in line. The
// check_suite.requested of the same push shares this screen (see Screener).
import type { Context } from "probot";
import type { ScreenResult } from "./run-screen.js";
import { screenContext, type AppServices } from "./app-services.js";
import { metadataFromPayload } from "./payload-metadata.js";
import { screenDefaultBranch } from "./screen-default-branch.js";

/** True for a push that moved the default branch (not a tag, another branch or a deletion). */
export function isDefaultBranchPush(payload: Context<"push">["payload"]): boolean {
  return !payload.deleted && payload.ref === `refs/heads/${payload.repository.default_branch}`;
}

export async function handlePush(context: Context<"push">, services: AppServices): Promise<ScreenResult | undefined> {
  const { payload } = context;
  if (!isDefaultBranchPush(payload)) return undefined;
  const owner = payload.repository.owner?.login ?? payload.repository.full_name.split("/")[0] ?? "";
  const metadata = metadataFromPayload({
    ...payload.repository,
    owner: { login: payload.repository.owner?.login ?? "", type: payload.repository.owner?.type },
  });
  return screenDefaultBranch(
    { owner, repo: payload.repository.name, headSha: payload.after, metadata, trigger: "push" },
    screenContext(context),
    services,
  );
}
