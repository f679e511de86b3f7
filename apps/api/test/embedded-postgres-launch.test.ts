import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { planEmbeddedPostgres } from "../src/db/embedded-postgres";

// server.ts loads the app's modules only once PostgreSQL runs, so that their synchronous
// loading cannot hold back the steps before its spawn (issue 20).
it("says once that the embedded PostgreSQL runs, before it accepts connections, on a first start and a restart", async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-launch-"));
  try {
    for (const start of ["first", "restart"]) {
      const events: string[] = [];
      const database = await (await planEmbeddedPostgres(dataDir)).start({
        onLaunched: () => events.push("launched"),
      });
      events.push("accepting connections");
      await database.stop();
      expect(events, start).toEqual(["launched", "accepting connections"]);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}, 120_000);
