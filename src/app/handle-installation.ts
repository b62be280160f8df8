// installation created and installation_repositories added: screen each repository's default
// branch in the background, a few at a time, and answer the webhook at once.
import type { Context } from "probot";
import { fetchRepositoryHead } from "../snapshot/fetch-repository-head.js";
import { screenContext, type AppServices } from "./app-services.js";
import { skipWithoutConfig } from "./run-screen.js";

interface InstalledRepository {
  full_name: string;
  archived?: boolean;
}

export async function handleInstallationCreated(
  context: Context<"installation.created">,
  services: AppServices,
): Promise<void> {
  // The payload's list can be partial; the API lists every repository the installation can see,
  // with the archived flag, 100 per request.
  const repositories = (await context.octokit.paginate("GET /installation/repositories", {
    per_page: 100,
  })) as InstalledRepository[];
  screenAll(context, services, repositories);
}

export async function handleRepositoriesAdded(
  context: Context<"installation_repositories.added">,
  services: AppServices,
): Promise<void> {
  screenAll(context, services, context.payload.repositories_added);
}

function screenAll(
  context: Context<"installation.created" | "installation_repositories.added">,
  services: AppServices,
  repositories: readonly InstalledRepository[],
): void {
  const screening = screenContext(context);
  const wanted = repositories.filter((repository) => repository.archived !== true);
  context.log.info(
    { installation: context.payload.installation.id, repositories: wanted.length, deliveryId: context.id },
    "Screening the installation's repositories",
  );
  services.screener.screenInBackground(
    wanted,
    async (repository) => {
      const [owner = "", repo = ""] = repository.full_name.split("/");
      // One GraphQL request: metadata plus the default branch's tip commit.
      const head = await fetchRepositoryHead(screening.client, owner, repo);
      if (head.commit === undefined || skipWithoutConfig(head.metadata) !== undefined) return;
      await services.screener.screen(
        {
          owner,
          repo,
          headSha: head.commit,
          metadata: head.metadata,
          trigger: `${context.name}.${context.payload.action}`,
        },
        screening,
      );
    },
    context.log,
  );
}
