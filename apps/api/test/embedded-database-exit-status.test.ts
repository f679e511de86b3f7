import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { repoRoot } from "../src/config";

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** Runs `script` (an ES module, with tsx) to its natural end and answers its exit status. */
function exitStatusOf(script: string): Promise<number | null> {
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: repoRoot,
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

// The test run itself depends on this: vitest's global setup starts the embedded database, and
// vitest reports failed tests through process.exitCode. The library's exit hook turned it into 0.
it("keeps the failure status a program sets in process.exitCode after it used the embedded PostgreSQL", async () => {
  const folder = await mkdtemp(path.join(os.tmpdir(), "tideway-exit-status-"));
  folders.push(folder);
  const script = `
    import { startEmbeddedPostgres } from ${JSON.stringify(path.join(repoRoot, "apps/api/src/db/embedded-postgres.ts"))};
    const database = await startEmbeddedPostgres(${JSON.stringify(folder)}, { persistent: false });
    await database.stop();
    process.exitCode = 3;
  `;
  expect(await exitStatusOf(script)).toBe(3);
}, 60_000);
