import { randomUUID } from "node:crypto";
import type { TDemandImportResult } from "@tideway/contracts";
import {
  inProgressStageIds,
  isCommittedStage,
  orderStages,
  ranksAfter,
  readDemandImport,
} from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";
import type { BoardEventSink } from "../board-events";
import { insertDemands } from "../bulk-insert";
import { demandViewSelect, toDemandView } from "../demands/demand-view";
import { logTransitions } from "../demands/log-transitions";
import { importProblems } from "./import-problems";
import { readCsvRecords } from "./read-csv-records";

/** Thousands of rows are written in one transaction; allow well beyond a move's limit. */
const IMPORT_TRANSACTION = { maxWait: 5_000, timeout: 60_000 } as const;

/**
 * Imports demands from CSV text into a board, all or nothing, in one
 * transaction: every row is checked (readDemandImport) against the board's
 * stages, lanes and WIP limits, counted under the same row locks a move
 * takes; any problem refuses the whole file with the full report.
 *
 * History (docs/decisions/006-csv-import-history.md): each demand's log
 * starts with one `created` transition at the import, by the importer. A
 * demand placed before the commitment point is created like any new demand.
 * One placed at or past it is created *with its stage as from stage*: it
 * arrived mid-flow, so the metrics give it no commitment or start time they
 * would otherwise read as "now" (cycle times stay undistorted) while its
 * later moves on this board are measured.
 */
export async function importDemands(
  { db, events }: { db: Db; events: BoardEventSink },
  actorId: string,
  boardId: string,
  csv: string,
  now = new Date(),
): Promise<TDemandImportResult> {
  await requireBoardRole(db, actorId, boardId, "member");
  const { header, records } = readCsvRecords(csv);

  const outcome = await db.$transaction(async (tx) => {
    const [board, stages, lanes] = await Promise.all([
      tx.board.findUniqueOrThrow({ where: { id: boardId }, select: { key: true } }),
      tx.stage.findMany({ where: { boardId }, orderBy: { position: "asc" } }),
      tx.lane.findMany({ where: { boardId }, orderBy: { position: "asc" } }),
    ]);
    // The locks a move takes on limited stages and lanes, so the counts below hold until commit.
    await tx.$queryRaw`SELECT id FROM stages WHERE board_id = ${boardId}::uuid AND wip_limit IS NOT NULL
      ORDER BY id FOR NO KEY UPDATE`;
    await tx.$queryRaw`SELECT id FROM lanes WHERE board_id = ${boardId}::uuid AND wip_limit IS NOT NULL
      ORDER BY id FOR NO KEY UPDATE`;
    const laneWorkStageIds = inProgressStageIds(stages);
    const [byStage, byLane] = await Promise.all([
      tx.demand.groupBy({ by: ["stageId"], where: { boardId, archivedAt: null }, _count: true }),
      tx.demand.groupBy({
        by: ["laneId"],
        where: { boardId, archivedAt: null, stageId: { in: laneWorkStageIds } },
        _count: true,
      }),
    ]);
    const { rows, problems } = readDemandImport(
      header,
      records,
      {
        stages,
        lanes,
        counts: {
          byStage: new Map(byStage.map((group) => [group.stageId, group._count])),
          inProgressByLane: new Map(byLane.map((group) => [group.laneId, group._count])),
        },
      },
      now.getTime(),
    );
    if (problems.length > 0) return { problems } as const;
    if (rows.length === 0) {
      return {
        problems: [{ row: 1, column: "(file)", value: "", message: "the file has a header but no rows" }],
      };
    }

    // The board row's lock also orders this import with every other change's sequence number.
    const [counters] = await tx.$queryRaw<{ next: number; seq: bigint }[]>`
      UPDATE boards SET next_demand_number = next_demand_number + ${rows.length}, seq = seq + ${rows.length}
      WHERE id = ${boardId}::uuid RETURNING next_demand_number AS next, seq`;
    if (!counters) throw new Error(`board ${boardId} vanished inside a transaction`);
    const firstNumber = counters.next - rows.length;
    const firstSeq = Number(counters.seq) - rows.length + 1;

    const ranks = await cellRanks(tx, rows);
    const order = orderStages(stages);
    const planned = rows.map((row, index) => {
      const midFlow = isCommittedStage(order, row.stageId);
      return { row, id: randomUUID(), number: firstNumber + index, midFlow, rank: ranks.next(row) };
    });
    const at = now.toISOString();
    await insertDemands(
      tx,
      boardId,
      planned.map(({ row, id, number, rank }) => ({
        id,
        number,
        title: row.title,
        description: row.description,
        type: row.type,
        size: row.size,
        ownerId: null,
        stageId: row.stageId,
        laneId: row.laneId,
        rank,
        blocked: false,
        blockedReason: null,
        blockedAt: null,
        links: [],
        version: 1,
        archivedAt: null,
        enteredStageAt: at,
        // Unknown for work that arrives mid-flow; passing the commitment point here sets it later.
        committedAt: null,
        createdAt: row.createdAt === null ? at : new Date(row.createdAt).toISOString(),
        updatedAt: at,
      })),
    );
    await logTransitions(
      tx,
      boardId,
      planned.map(({ row, id, midFlow }) => ({
        demandId: id,
        kind: "created",
        fromStageId: midFlow ? row.stageId : null,
        toStageId: row.stageId,
        fromLaneId: null,
        toLaneId: row.laneId,
        at,
        actorId,
        overWip: row.overWip,
        note: `Imported from CSV row ${row.row}`,
      })),
    );
    const created = await tx.demand.findMany({
      where: { id: { in: planned.map((p) => p.id) } },
      select: demandViewSelect,
      orderBy: { number: "asc" },
    });
    return { demands: created.map((row) => toDemandView(row, board.key)), firstSeq, planned };
  }, IMPORT_TRANSACTION);

  if (outcome.problems) throw importProblems(outcome.problems, records.length);
  for (const [index, demand] of outcome.demands.entries()) {
    events.publish({ seq: outcome.firstSeq + index, boardId, type: "demand.created", payload: { demand } });
  }
  return {
    imported: outcome.demands.length,
    demands: outcome.planned.map(({ row, id }, index) => ({
      row: row.row,
      id,
      key: outcome.demands[index]?.key ?? "",
      title: row.title,
    })),
    seq: outcome.firstSeq + outcome.demands.length - 1,
  };
}

/** New ranks after the last card of each cell, handed out in file order. */
async function cellRanks(
  tx: Parameters<Parameters<Db["$transaction"]>[0]>[0],
  rows: readonly { stageId: string; laneId: string }[],
): Promise<{ next(row: { stageId: string; laneId: string }): string }> {
  const cellOf = (row: { stageId: string; laneId: string }) => `${row.stageId}/${row.laneId}`;
  const counts = new Map<string, { stageId: string; laneId: string; count: number }>();
  for (const row of rows) {
    const cell = counts.get(cellOf(row)) ?? { ...row, count: 0 };
    cell.count += 1;
    counts.set(cellOf(row), cell);
  }
  const cells = [...counts.values()];
  // One query for every cell the file fills; its stages and lanes all belong to one board.
  const lasts = await tx.demand.groupBy({
    by: ["stageId", "laneId"],
    where: {
      stageId: { in: [...new Set(cells.map((cell) => cell.stageId))] },
      laneId: { in: [...new Set(cells.map((cell) => cell.laneId))] },
      archivedAt: null,
    },
    _max: { rank: true },
  });
  const lastRank = new Map(lasts.map((last) => [cellOf(last), last._max.rank]));
  const queues = new Map<string, string[]>();
  for (const [key, { count }] of counts) queues.set(key, ranksAfter(lastRank.get(key) ?? null, count));
  return { next: (row) => queues.get(cellOf(row))?.shift() ?? "" };
}
