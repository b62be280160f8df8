// What every handler receives besides its Probot context: the shared Screener and helpers to
// turn a context into the pipeline's dependencies.
import type { Context } from "probot";
import type { ScreenContext, Screener } from "./screener.js";
import type { IssueWriteQueue } from "../github/issue-write-queue.js";

export interface AppServices {
  screener: Screener;
  /** #6: serialises and paces issue writes per installation. */
  issueQueue: IssueWriteQueue;
  /**
   * #6: the App's bot login ("<slug>[bot]"), learned once per process; undefined when it could
   * not be learned (then only issues opened by a bot count as the App's).
   */
  botLogin: () => Promise<string | undefined>;
}

/** The pipeline's view of a Probot context: its installation client, logger and delivery id. */
export function screenContext(context: Context): ScreenContext {
  return { client: context.octokit, log: context.log, deliveryId: context.id };
}
