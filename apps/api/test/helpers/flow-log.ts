import type { TBoard } from "@tideway/contracts";
import { DAY } from "@tideway/domain";
import type { Db } from "../../src/db/prisma";
import { insertLoggedDemand } from "./transition-log";

/** A step of a demand's history: `[stage name, day]` moves it there, `["archived", day]` archives it where it is. */
export type FlowStep = readonly [string, number];

/**
 * Writes demands with a hand-made transition log straight into the
 * database, in the board's second lane: day `d` is `start` + d days. The
 * first step creates the demand in its stage, and `committedAt` is filled
 * as moves keep it. Numbers them from the board's `nextDemandNumber` and
 * advances it. Returns the demand ids by title.
 */
export async function seedFlowLog(
  db: Db,
  board: TBoard,
  start: number,
  paths: Record<string, readonly FlowStep[]>,
): Promise<Map<string, string>> {
  const laneId = board.lanes[1]?.id as string;
  const ids = new Map<string, string>();
  const { nextDemandNumber } = await db.board.findUniqueOrThrow({ where: { id: board.id } });
  let number = nextDemandNumber - 1;
  for (const [title, steps] of Object.entries(paths)) {
    number += 1;
    const path = steps.map(([what, day]) => [what, new Date(start + day * DAY)] as const);
    const id = await insertLoggedDemand(db, board, { number, title, laneId, path, stampCommitment: true });
    ids.set(title, id);
  }
  await db.board.update({ where: { id: board.id }, data: { nextDemandNumber: number + 1 } });
  return ids;
}
