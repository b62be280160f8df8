// What every handler receives besides its event: the shared Screener and issue queue, and the
// one place a Probot context becomes the pipeline's host-neutral ScreenContext.
import type { EmitterWebhookEventName } from "@octokit/webhooks";
import type { Context } from "probot";
import { createInstallationGitHub } from "../github/installation-github.js";
import type { IssueWriteQueue } from "../github/issue-write-queue.js";
import type { JobServices } from "./screen-jobs.js";
import type { ScreenContext, Screener } from "./screener.js";

export interface AppServices {
  screener: Screener;
  /** Serialises and paces issue writes per installation. */
  issueQueue: IssueWriteQueue;
  /**
   * The App's bot login ("<slug>[bot]"), learned once per process; undefined when it could
   * not be learned (then only issues opened by a bot count as the App's).
   */
  botLogin: () => Promise<string | undefined>;
  /** The persistent queue, store and worker pool; undefined when the App screens in-process only. */
  jobs?: JobServices;
}

/** The pipeline's view of a Probot context: the installation on GitHub, the logger and the delivery id. */
export function screenContext<E extends EmitterWebhookEventName>(context: Context<E>): ScreenContext {
  return {
    github: createInstallationGitHub(context.octokit, installationIdOf(context.payload)),
    log: context.log,
    deliveryId: context.id,
  };
}

function installationIdOf(payload: object): number | undefined {
  const installation = "installation" in payload ? payload.installation : undefined;
  return typeof installation === "object" &&
    installation !== null &&
    "id" in installation &&
    typeof installation.id === "number"
    ? installation.id
    : undefined;
}
