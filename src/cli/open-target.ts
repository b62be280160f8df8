// Turns a command-line target into a snapshot: a local folder (remote "owner/repo" targets
// are added by the GitHub layer).
import type { RepositorySnapshot } from "../core/snapshot.js";
import { LocalSnapshot } from "../snapshot/local-snapshot.js";

export interface TargetEnvironment {
  env: Record<string, string | undefined>;
}

export async function openTarget(target: string, _environment: TargetEnvironment): Promise<RepositorySnapshot> {
  return LocalSnapshot.open(target);
}
