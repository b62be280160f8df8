// The "Open fix issues" button on the check run.
import type { Context } from "probot";
import { ACTION_OPEN_FIX_ISSUES } from "../reporters/check-run.js";
import { screenContext, type AppServices } from "./app-services.js";
import { openFixIssues } from "./open-fix-issues.js";
import { metadataFromPayload } from "./payload-metadata.js";

export async function handleOpenFixIssues(
  context: Context<"check_run.requested_action">,
  services: AppServices,
): Promise<void> {
  if (context.payload.requested_action?.identifier !== ACTION_OPEN_FIX_ISSUES) return;
  const { repository, check_run: run } = context.payload;
  await openFixIssues(
    {
      owner: repository.owner.login,
      repo: repository.name,
      metadata: metadataFromPayload(repository),
      headSha: run.head_sha,
      onDefaultBranch: run.check_suite?.head_branch === repository.default_branch,
    },
    screenContext(context),
    services,
  );
}
