// pull_request opened/synchronize/reopened. Runs in the base repository with the head SHA, so
// pull requests from forks get a check run too (GitHub's check suites never see fork pushes).
import type { Context } from "probot";
import { screenContext, type AppServices } from "./app-services.js";
import { metadataFromPayload } from "./payload-metadata.js";

export async function handlePullRequest(
  context: Context<"pull_request.opened" | "pull_request.synchronize" | "pull_request.reopened">,
  services: AppServices,
): Promise<void> {
  const { repository, pull_request: pullRequest } = context.payload;
  await services.screener.screen(
    {
      owner: repository.owner.login,
      repo: repository.name,
      headSha: pullRequest.head.sha,
      metadata: metadataFromPayload(repository),
      trigger: `pull_request.${context.payload.action}`,
    },
    screenContext(context),
  );
}
