// One target, screened: open it (folder or owner/name) and run the engine. The same function
// runs in-process (one job) and on a worker thread (screen-worker.ts), so both give the same
// report and the same one-line message for a target that cannot be screened.
import type { AssetType } from "../core/asset-type.js";
import type { Report } from "../core/report.js";
import type { RepositorySnapshot } from "../core/snapshot.js";
import { screenRepository } from "../engine/screen-repository.js";
import { GitHubReadError } from "../snapshot/github-snapshot.js";
import { TargetError } from "../snapshot/local-snapshot.js";
import { openTarget } from "./open-target.js";

export interface ScreenTask {
  target: string;
  tool: { name: string; version: string };
  assetTypes?: AssetType[];
  /** GITHUB_TOKEN and GITHUB_API_URL, for owner/name targets. */
  env: Record<string, string | undefined>;
}

export type TargetOutcome = { target: string; report: Report } | { target: string; problem: string };

/** `open` turns the target into a snapshot; by default a folder, or owner/name through its own client. */
export async function screenTarget(
  task: ScreenTask,
  open: (target: string) => Promise<RepositorySnapshot> = (target) => openTarget(target, { env: task.env }),
): Promise<TargetOutcome> {
  try {
    const snapshot = await open(task.target);
    const report = await screenRepository(snapshot, {
      tool: task.tool,
      ...(task.assetTypes === undefined ? {} : { assetTypes: task.assetTypes }),
    });
    return { target: task.target, report };
  } catch (error) {
    // A target that cannot be read, now or half-way (GitHub failing mid-screen), is reported, not thrown.
    if (error instanceof TargetError) return { target: task.target, problem: error.message };
    if (error instanceof GitHubReadError) return { target: task.target, problem: `${task.target}: ${error.message}` };
    throw error;
  }
}
