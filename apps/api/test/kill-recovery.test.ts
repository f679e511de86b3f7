import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runKillRound } from "./helpers/kill-round";

// The short form; `npm run reliability:kill` runs ten rounds and prints the counts.
describe("SIGKILL in the middle of a stream of moves", () => {
  let dataDir: string;
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged move with its Transition and leaves no move half-applied", async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-kill-"));
    const round = await runKillRound(dataDir, { killAfterMoves: 20 });
    expect(round.acknowledged).toBeGreaterThan(0);
    expect(round.found).toBe(round.acknowledged);
    expect(round.inconsistent).toEqual([]);
  }, 180_000);
});
