// The organisation summaries kept for SUMMARY_TTL_MS in front of the store: one read per
// organisation and window, shared by requests that arrive while it runs, never a failed read kept.
import { describe, expect, it } from "@jest/globals";
import { CachedDashboardSource, SUMMARY_TTL_MS } from "../../src/dashboard/cached-dashboard-source.js";
import type { DashboardSource } from "../../src/dashboard/dashboard-source.js";
import { MemoryDashboardSource } from "../../src/dashboard/memory-dashboard-source.js";
import { generateOrganization } from "../helpers/dashboard-fixture.js";

/** A memory source that counts the summary reads it answers, and fails them while `failing`. */
function countingSource() {
  const memory = new MemoryDashboardSource([
    ...generateOrganization("acme", 3),
    ...generateOrganization("other", 2, 2),
  ]);
  const state = { reads: 0, failing: false };
  const source: DashboardSource = {
    listInstallations: () => memory.listInstallations(),
    listSummaries: async (owner) => {
      state.reads += 1;
      if (state.failing) throw new Error("store unavailable");
      return memory.listSummaries(owner);
    },
    getRepository: (owner, name) => memory.getRepository(owner, name),
    history: (owner, name) => memory.history(owner, name),
  };
  return { source, state };
}

describe("CachedDashboardSource", () => {
  it("reads an organisation's summaries once per window, whatever the spelling of its name", async () => {
    const { source, state } = countingSource();
    let now = 1_000;
    const cached = new CachedDashboardSource(source, () => now);

    const first = await cached.listSummaries("acme");
    expect(first).toHaveLength(3);
    now += SUMMARY_TTL_MS - 1;
    expect(await cached.listSummaries("ACME")).toBe(first);
    expect(state.reads).toBe(1);
    expect(await cached.listSummaries("other")).toHaveLength(2);
    expect(state.reads).toBe(2);

    now += 1;
    expect(await cached.listSummaries("acme")).toHaveLength(3);
    expect(state.reads).toBe(3);
  });

  it("shares one read among the requests that arrive while it runs", async () => {
    const { source, state } = countingSource();
    const cached = new CachedDashboardSource(source, () => 5);
    const [a, b] = await Promise.all([cached.listSummaries("acme"), cached.listSummaries("acme")]);
    expect(a).toBe(b);
    expect(state.reads).toBe(1);
  });

  it("never keeps a failed read: the next request reads again", async () => {
    const { source, state } = countingSource();
    const cached = new CachedDashboardSource(source, () => 5);
    state.failing = true;
    await expect(cached.listSummaries("acme")).rejects.toThrow("store unavailable");
    state.failing = false;
    expect(await cached.listSummaries("acme")).toHaveLength(3);
    expect(state.reads).toBe(2);
  });

  it("passes installations, repository pages and histories through unkept", async () => {
    const { source } = countingSource();
    const cached = new CachedDashboardSource(source, () => 5);
    const [name] = (await source.listSummaries("acme")).map((summary) => summary.name);
    expect(await cached.listInstallations()).toEqual(await source.listInstallations());
    expect(await cached.getRepository("acme", name ?? "")).toEqual(await source.getRepository("acme", name ?? ""));
    expect(await cached.history("acme", name ?? "")).toEqual(await source.history("acme", name ?? ""));
  });
});
