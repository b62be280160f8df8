import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../src/store/database.js";
import { PGLITE_SHARED_BUFFERS } from "../../src/store/pglite-settings.js";

test("a new embedded data folder is created (in a child process) and opened with the small buffer pool; reopening it keeps the data", async () => {
  const parent = mkdtempSync(join(tmpdir(), "dpg-store-"));
  const dataDir = join(parent, "data");
  try {
    const first = await openDatabase({ dataDir });
    expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
    expect(await first.query("show shared_buffers")).toEqual([{ shared_buffers: PGLITE_SHARED_BUFFERS }]);
    await first.exec("create table kept (value text); insert into kept values ('still here')");
    await first.close();

    const second = await openDatabase({ dataDir });
    expect(await second.query("select value from kept")).toEqual([{ value: "still here" }]);
    await second.close();
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}, 120_000);
