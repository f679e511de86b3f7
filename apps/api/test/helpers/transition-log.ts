import type { TBoard } from "@tideway/contracts";
import type { Db } from "../../src/db/prisma";
import { stageNamed } from "./board";

let demands = 0;

/**
 * Writes a demand and its transition log straight into the database: it is
 * created in the first stage of `path` and moved through the others at the
 * given instants, in `laneId`. For metrics fixtures with a known answer.
 * Advances the board's sequence number so a cached history is refreshed.
 */
export async function logDemand(
  db: Db,
  board: TBoard,
  laneId: string,
  path: readonly (readonly [stageName: string, at: Date])[],
  title = "Fixture demand",
): Promise<string> {
  demands += 1;
  const stageId = (name: string) => stageNamed(board, name).id;
  const last = path.at(-1);
  if (!last) throw new Error("a demand needs at least one stage");
  const demand = await db.demand.create({
    data: {
      boardId: board.id,
      number: demands,
      title,
      stageId: stageId(last[0]),
      laneId,
      rank: `a${demands}`,
    },
  });
  await db.transition.createMany({
    data: path.map(([name, at], index) => ({
      boardId: board.id,
      demandId: demand.id,
      kind: index === 0 ? ("created" as const) : ("moved" as const),
      fromStageId: index === 0 ? null : stageId(path[index - 1]?.[0] ?? ""),
      toStageId: stageId(name),
      fromLaneId: index === 0 ? null : laneId,
      toLaneId: laneId,
      at,
    })),
  });
  await db.board.update({ where: { id: board.id }, data: { seq: { increment: 1 } } });
  return demand.id;
}
