import type { TBoard } from "@tideway/contracts";
import type { Db } from "../../src/db/prisma";
import { stageNamed } from "./board";

const DAY = 86_400_000;

/** A step of a demand's history: `[stage name, day]` moves it there, `["archived", day]` archives it where it is. */
export type FlowStep = readonly [string, number];

/**
 * Writes demands with a hand-made transition log straight into the
 * database: day `d` is `start` + d days. The first step creates the demand
 * in its stage. Returns the demand ids by title.
 */
export async function seedFlowLog(
  db: Db,
  board: TBoard,
  start: number,
  paths: Record<string, readonly FlowStep[]>,
): Promise<Map<string, string>> {
  const laneId = board.lanes[1]?.id as string;
  const at = (day: number) => new Date(start + day * DAY);
  const ids = new Map<string, string>();
  const { nextDemandNumber } = await db.board.findUniqueOrThrow({ where: { id: board.id } });
  let number = nextDemandNumber - 1;
  for (const [title, path] of Object.entries(paths)) {
    number += 1;
    const moves = path.filter(([what]) => what !== "archived");
    const last = moves.at(-1) as FlowStep;
    const archived = path.find(([what]) => what === "archived");
    // As moves keep it: the first entry at or past the commitment stage.
    const commitment = board.stages.find((stage) => stage.boundary === "commitment")?.position ?? 0;
    const committed = moves.find(([name]) => stageNamed(board, name).position >= commitment);
    const demand = await db.demand.create({
      data: {
        boardId: board.id,
        number,
        title,
        stageId: stageNamed(board, last[0]).id,
        laneId,
        rank: `a${number}`,
        archivedAt: archived ? at(archived[1]) : null,
        committedAt: committed ? at(committed[1]) : null,
      },
    });
    ids.set(title, demand.id);
    let stageId: string | null = null;
    await db.transition.createMany({
      data: path.map(([what, day], index) => {
        const fromStageId = stageId;
        const isArchive = what === "archived";
        if (!isArchive) stageId = stageNamed(board, what).id;
        return {
          boardId: board.id,
          demandId: demand.id,
          kind: index === 0 ? ("created" as const) : isArchive ? ("archived" as const) : ("moved" as const),
          fromStageId: index === 0 ? null : fromStageId,
          toStageId: stageId as string,
          fromLaneId: index === 0 ? null : laneId,
          toLaneId: laneId,
          at: at(day),
        };
      }),
    });
  }
  await db.board.update({ where: { id: board.id }, data: { nextDemandNumber: number + 1 } });
  return ids;
}
