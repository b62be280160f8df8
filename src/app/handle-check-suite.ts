// check_suite requested/rerequested: GitHub asks every app with checks:write to check the head
// commit of a new push (and again when someone clicks "Re-run all").
import type { Context } from "probot";
import { screenContext, type AppServices } from "./app-services.js";
import { metadataFromPayload } from "./payload-metadata.js";

export async function handleCheckSuite(
  context: Context<"check_suite.requested" | "check_suite.rerequested">,
  services: AppServices,
): Promise<void> {
  const { repository, check_suite: suite } = context.payload;
  await services.screener.screen(
    {
      owner: repository.owner.login,
      repo: repository.name,
      headSha: suite.head_sha,
      metadata: metadataFromPayload(repository),
      trigger: `check_suite.${context.payload.action}`,
      force: context.payload.action === "rerequested",
    },
    screenContext(context),
  );
}
