// Terse builders for indicator tests: screen an in-memory repository.
import type { AssetType } from "../../src/core/asset-type.js";
import type { Indicator, IndicatorId } from "../../src/core/indicator.js";
import type { IndicatorResult, Report } from "../../src/core/report.js";
import type { RepositoryMetadata } from "../../src/core/snapshot.js";
import { screenRepository } from "../../src/engine/screen-repository.js";
import { MemorySnapshot, type MemoryFiles } from "../../src/snapshot/memory-snapshot.js";

export const TEST_TOOL = { name: "dpg-screener", version: "0.0.0-test" };

export interface ScreenMemoryOptions {
  metadata?: RepositoryMetadata;
  assetTypes?: AssetType[];
  indicators?: readonly Indicator[];
  truncated?: boolean;
}

export async function screenMemory(files: MemoryFiles, options: ScreenMemoryOptions = {}): Promise<Report> {
  const snapshot = new MemorySnapshot(files, options.metadata ?? {}, { truncated: options.truncated ?? false });
  return screenRepository(snapshot, {
    tool: TEST_TOOL,
    ...(options.assetTypes === undefined ? {} : { assetTypes: options.assetTypes }),
    ...(options.indicators === undefined ? {} : { indicators: options.indicators }),
  });
}

/** Screens and returns the result of one indicator. */
export async function resultFor(
  id: IndicatorId,
  files: MemoryFiles,
  options: ScreenMemoryOptions = {},
): Promise<IndicatorResult> {
  const report = await screenMemory(files, options);
  const result = report.results.find((candidate) => candidate.indicator === id);
  if (result === undefined) throw new Error(`no result for indicator ${id}`);
  return result;
}
