// What the dashboard reads: the latest screen of every repository, per installation, and the
// history of one repository. The App's store implements it; tests and benchmarks use memory.
import type { Report } from "../core/report.js";
import type { RepositorySummary } from "./repository-summary.js";

export interface InstallationEntry {
  installationId: number;
  owner: string;
}

export interface HistoryPoint {
  screenedAt: string;
  commit: string;
  met: number;
  rows: number;
}

export interface DashboardSource {
  listInstallations(): Promise<InstallationEntry[]>;
  /** The latest summary of every repository of the installation whose account is `owner`. */
  listSummaries(owner: string): Promise<RepositorySummary[]>;
  /** The latest summary and full report of one repository, or undefined when never screened. */
  getRepository(owner: string, name: string): Promise<{ summary: RepositorySummary; report: Report } | undefined>;
  /** Screens of the repository's default branch over time, oldest first. */
  history(owner: string, name: string): Promise<HistoryPoint[]>;
}
