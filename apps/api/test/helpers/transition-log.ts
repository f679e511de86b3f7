import type { TBoard } from "@tideway/contracts";
import { boundaryTimes, epochMs, orderStages } from "@tideway/domain";
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
   * Fill `committedAt` as moves keep it (the first passage of the board's
   * commitment point, read by `boundaryTimes`). Off leaves it null, for fixtures whose metrics are
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
  const rows = logRows(board, laneId, path);
  const moves = path.filter(([what]) => what !== "archived");
  const last = moves.at(-1);
  if (!last) throw new Error("a demand needs at least one stage");
  const archived = path.find(([what]) => what === "archived");
  const demand = await db.demand.create({
    data: {
      boardId: board.id,
      number,
      title,
      stageId: stageNamed(board, last[0]).id,
      laneId,
      rank: `a${number}`,
      archivedAt: archived ? archived[1] : null,
      committedAt: logged.stampCommitment ? committedAtOf(board, rows) : null,
    },
  });
  await db.transition.createMany({
    data: rows.map((row) => ({ ...row, boardId: board.id, demandId: demand.id, toLaneId: laneId })),
  });
  return demand.id;
}

interface LogRow {
  kind: "created" | "moved" | "archived";
  fromStageId: string | null;
  toStageId: string;
  fromLaneId: string | null;
  at: Date;
}

function logRows(board: TBoard, laneId: string, path: readonly LogStep[]): LogRow[] {
  let stageId: string | null = null;
  return path.map(([what, at], index) => {
    const fromStageId: string | null = stageId;
    const isArchive = what === "archived";
    if (!isArchive) stageId = stageNamed(board, what).id;
    return {
      kind: index === 0 ? "created" : isArchive ? "archived" : "moved",
      fromStageId: index === 0 ? null : fromStageId,
      toStageId: stageId as string,
      fromLaneId: index === 0 ? null : laneId,
      at,
    };
  });
}

/** `committedAt` as moves keep it: the domain's reading of the log (`boundaryTimes`). */
function committedAtOf(board: TBoard, rows: readonly LogRow[]): Date | null {
  const events = rows.map((row) => ({ ...row, at: epochMs(row.at.getTime()) }));
  const { committedAt } = boundaryTimes(events, orderStages(board.stages));
  return committedAt === null ? null : new Date(committedAt);
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
