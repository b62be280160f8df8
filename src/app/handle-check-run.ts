// check_run rerequested ("Re-run" on our run) and the "Re-screen" button: screen that commit again.
import type { Context } from "probot";
import { ACTION_RESCREEN } from "../reporters/check-run.js";
import { screenContext, type AppServices } from "./app-services.js";
import { metadataFromPayload } from "./payload-metadata.js";

export async function handleCheckRunRerequested(
  context: Context<"check_run.rerequested">,
  services: AppServices,
): Promise<void> {
  await rescreen(context, services, "check_run.rerequested");
}

/** Only the "Re-screen" button; "Open fix issues" has its own handler (handle-requested-action.ts). */
export async function handleRescreenAction(
  context: Context<"check_run.requested_action">,
  services: AppServices,
): Promise<void> {
  if (context.payload.requested_action?.identifier !== ACTION_RESCREEN) return;
  await rescreen(context, services, "check_run.requested_action");
}

async function rescreen(
  context: Context<"check_run.rerequested" | "check_run.requested_action">,
  services: AppServices,
  trigger: string,
): Promise<void> {
  const { repository, check_run: run } = context.payload;
  await services.screener.screen(
    {
      owner: repository.owner.login,
      repo: repository.name,
      headSha: run.head_sha,
      metadata: metadataFromPayload(repository),
      trigger,
      force: true,
    },
    screenContext(context),
  );
}
