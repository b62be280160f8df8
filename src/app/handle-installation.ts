// installation created and installation_repositories added: screen each repository's default
// branch in the background and answer the webhook at once.
import type { Context } from "probot";
import { MAX_REPOSITORY_PAGES } from "../github/installation-github.js";
import { screenContext, type AppServices } from "./app-services.js";
import { screenRepositories } from "./screen-repositories.js";

export async function handleInstallationCreated(
  context: Context<"installation.created">,
  services: AppServices,
): Promise<void> {
  const screening = screenContext(context);
  // Queued: the sweep lists the repositories itself, so the webhook is answered without a request.
  if (services.jobs !== undefined) return screenRepositories([], screening, services, "installation.created");
  // The payload's list can be partial; the API lists every repository the installation can see.
  const repositories = await screening.github.listRepositories((listed) =>
    screening.log.warn(
      { listed },
      `Only the first ${listed} repositories were listed (GitHub's listing was read up to ${MAX_REPOSITORY_PAGES} pages); the others are not screened`,
    ),
  );
  screenRepositories(repositories, screening, services, "installation.created");
}

export async function handleRepositoriesAdded(
  context: Context<"installation_repositories.added">,
  services: AppServices,
): Promise<void> {
  screenRepositories(
    context.payload.repositories_added,
    screenContext(context),
    services,
    "installation_repositories.added",
  );
}
