// The installation fan-out: each repository's default branch screened in the background, a few
// at a time, archived ones skipped, so the webhook is answered at once.
import type { InstalledRepository } from "../github/installation-github.js";
import type { AppServices } from "./app-services.js";
import { skipWithoutConfig } from "./run-screen.js";
import type { ScreenContext } from "./screener.js";

export function screenRepositories(
  repositories: readonly InstalledRepository[],
  screening: ScreenContext,
  services: AppServices,
  trigger: string,
): void {
  const installationId = screening.github.installationId;
  if (services.jobs !== undefined && installationId !== undefined) {
    // The queue's sweep reads the heads 100 per query and enqueues each repository once.
    void services.jobs.queue.enqueueSweep(installationId);
    return;
  }
  const wanted = repositories.filter((repository) => repository.archived !== true);
  screening.log.info(
    { installation: screening.github.installationId, repositories: wanted.length, deliveryId: screening.deliveryId },
    "Screening the installation's repositories",
  );
  services.screener.screenInBackground(
    wanted,
    async (repository) => {
      const [owner = "", repo = ""] = repository.full_name.split("/");
      // One GraphQL request: metadata plus the default branch's tip commit.
      const head = await screening.github.repository(owner, repo).head();
      if (head.commit === undefined || skipWithoutConfig(head.metadata) !== undefined) return;
      await services.screener.screen(
        { owner, repo, headSha: head.commit, metadata: head.metadata, trigger, defaultBranch: true },
        screening,
      );
    },
    screening.log,
  );
}
