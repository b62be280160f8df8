// The "Open fix issues" button on the check run: a maintainer's explicit request for one
// suggested-fix issue per unmet indicator of that commit.
import type { Context } from "probot";
import { ACTION_OPEN_FIX_ISSUES } from "../reporters/check-run.js";
import { screenContext, type AppServices } from "./app-services.js";
import { ensureIssuesAfterScreen } from "./ensure-issues-after-screen.js";
import { metadataFromPayload } from "./payload-metadata.js";

export async function handleOpenFixIssues(context: Context<"check_run.requested_action">, services: AppServices): Promise<void> {
  if (context.payload.requested_action?.identifier !== ACTION_OPEN_FIX_ISSUES) return;
  const { repository, check_run: run } = context.payload;
  const metadata = metadataFromPayload(repository);
  const target = { owner: repository.owner.login, repo: repository.name };
  // Usually answered from the Screener's memory of this commit; screened again otherwise.
  const result = await services.screener.screen({ ...target, headSha: run.head_sha, metadata, trigger: "check_run.requested_action" }, screenContext(context));
  await ensureIssuesAfterScreen(context as unknown as Context, services, result, {
    ...target,
    metadata,
    fixIssuesRequested: true,
    defaultBranch: run.check_suite?.head_branch === repository.default_branch,
  });
}
