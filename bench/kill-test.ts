// Long form of apps/api/test/kill-recovery.test.ts: ten SIGKILLs in the middle
// of a stream of moves, each followed by a restart on the same data folder.
// Prints, per round, moves acknowledged versus moves found afterwards.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runKillRound } from "../apps/api/test/helpers/kill-round";

const rounds = Number(process.argv[2] ?? 10);
const dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-kill-bench-"));
const rows: {
  round: number;
  killAfterMoves: number;
  acknowledged: number;
  found: number;
  halfApplied: number;
  seconds: number;
}[] = [];
try {
  for (let round = 1; round <= rounds; round++) {
    const killAfterMoves = 10 + Math.floor(Math.random() * 190);
    const started = performance.now();
    const result = await runKillRound(dataDir, { killAfterMoves, workers: 6 });
    rows.push({
      round,
      killAfterMoves,
      acknowledged: result.acknowledged,
      found: result.found,
      halfApplied: result.inconsistent.length,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    });
    console.log(rows.at(-1));
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
console.table(rows);
const total = rows.reduce(
  (sum, row) => ({ acknowledged: sum.acknowledged + row.acknowledged, found: sum.found + row.found }),
  {
    acknowledged: 0,
    found: 0,
  },
);
console.log(
  `acknowledged ${total.acknowledged}, found ${total.found}, half-applied ${rows.reduce((s, r) => s + r.halfApplied, 0)}`,
);
process.exit(total.acknowledged === total.found && rows.every((row) => row.halfApplied === 0) ? 0 : 1);
