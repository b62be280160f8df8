// Runs in a worker thread: one screen over a snapshot served by the main thread.
import type { MessagePort } from "node:worker_threads";
import type { RepositoryMetadata } from "../core/snapshot.js";
import type { Report } from "../core/report.js";
import { screenRepository } from "../engine/screen-repository.js";
import { PortSnapshot } from "./port-snapshot.js";

export interface ScreenTask {
  port: MessagePort;
  metadata: RepositoryMetadata;
  tool: { name: string; version: string };
}

export default async function screenInWorker(task: ScreenTask): Promise<Report> {
  try {
    return await screenRepository(new PortSnapshot(task.port, task.metadata), { tool: task.tool });
  } finally {
    task.port.close();
  }
}
