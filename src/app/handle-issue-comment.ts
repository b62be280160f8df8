// `/dpg recheck` in a comment: the way out when a webhook was missed or a result looks stale.
import type { Context } from "probot";
import { screenContext, type AppServices } from "./app-services.js";
import { metadataFromPayload } from "./payload-metadata.js";
import { recheck } from "./recheck.js";

/**
 * The command on a line of its own, so quoting it in prose does not trigger a screen. The space
 * before it stops at line breaks: a run of blank lines is then read once, not again from each
 * line's start.
 */
export const RECHECK_COMMAND = /^[^\S\n\r\u2028\u2029]*\/dpg\s+recheck\s*$/im;

export async function handleIssueComment(
  context: Context<"issue_comment.created">,
  services: AppServices,
): Promise<void> {
  const { comment, issue, repository, sender } = context.payload;
  if (!RECHECK_COMMAND.test(comment.body) || sender.type === "Bot") return;
  await recheck(
    {
      owner: repository.owner.login,
      repo: repository.name,
      metadata: metadataFromPayload(repository),
      commentId: comment.id,
      issueNumber: issue.number,
      isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
      user: sender.login,
    },
    screenContext(context),
    services,
  );
}
