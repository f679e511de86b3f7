import type { TBoard } from "@tideway/contracts";
import type { Db } from "../../src/db/prisma";
import { stageNamed } from "./board";

/** A step of a demand's history: `[stage name, at]` moves it there, `["archived", at]` archives it where it is. */
type LogStep = readonly [stageNameOrArchived: string, at: Date];

interface LoggedDemandRow {
  number: number;
  title: string;
  laneId: string;
  /** The first step creates the demand in its stage; it ends in the stage of the last move. */
  path: readonly LogStep[];
  /**
   * Fill `committedAt` as moves keep it (the first step at or past the
   * commitment stage). Off leaves it null, for fixtures whose metrics are
   * read from the log alone.
   */
  stampCommitment: boolean;
}

/**
 * Inserts one demand and its transition log straight into the database,
 * all in `laneId`, and returns its id. The board's counters (demand number,
 * seq) are the caller's business.
 */
export async function insertLoggedDemand(db: Db, board: TBoard, logged: LoggedDemandRow): Promise<string> {
  const { number, title, laneId, path } = logged;
  const moves = path.filter(([what]) => what !== "archived");
  const last = moves.at(-1);
  if (!last) throw new Error("a demand needs at least one stage");
  const archived = path.find(([what]) => what === "archived");
  const commitment = board.stages.find((stage) => stage.boundary === "commitment")?.position ?? 0;
  const committed = logged.stampCommitment
    ? moves.find(([name]) => stageNamed(board, name).position >= commitment)
    : undefined;
  const demand = await db.demand.create({
    data: {
      boardId: board.id,
      number,
      title,
      stageId: stageNamed(board, last[0]).id,
      laneId,
      rank: `a${number}`,
      archivedAt: archived ? archived[1] : null,
      committedAt: committed ? committed[1] : null,
    },
  });
  let stageId: string | null = null;
  await db.transition.createMany({
    data: path.map(([what, at], index) => {
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
        at,
      };
    }),
  });
  return demand.id;
}

let demands = 0;

/**
 * Writes a demand and its transition log straight into the database: it is
 * created in the first stage of `path` and moved through the others at the
 * given instants, in `laneId`. For metrics fixtures with a known answer.
 * Numbers demands by a counter of its own (the board's `nextDemandNumber`
 * is left alone) and leaves `committedAt` null. Advances the board's
 * sequence number so a cached history is refreshed.
 */
export async function logDemand(
  db: Db,
  board: TBoard,
  laneId: string,
  path: readonly LogStep[],
  title = "Fixture demand",
): Promise<string> {
  demands += 1;
  const id = await insertLoggedDemand(db, board, {
    number: demands,
    title,
    laneId,
    path,
    stampCommitment: false,
  });
  await db.board.update({ where: { id: board.id }, data: { seq: { increment: 1 } } });
  return id;
}
