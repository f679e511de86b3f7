import type { TCreateDemandBody, TDemandChange } from "@tideway/contracts";
import { isCommittedStage, orderStages, parentRefusal, rankBetween } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { invalidField } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import { type BoardEventSink, nextBoardSeq } from "../board-events";
import { demandViewSelect, toDemandView } from "./demand-view";
import { logTransitions } from "./log-transitions";
import { TRANSACTION_OPTIONS } from "./transaction-options";
import { admitDemand } from "./wip-checks";

/**
 * Adds a demand at the bottom of a cell (default: the first stage and lane)
 * and logs its creation as the first Transition. A demand created straight
 * into a stage obeys that stage's hard WIP limit like a move would. Its
 * parent is on the same board (a defect's demand) unless the caller names
 * the parent's board: a product demand's business demand
 * (services/portfolios/create-child-demand.ts).
 */
export async function createDemand(
  { db, events }: { db: Db; events: BoardEventSink },
  actorId: string,
  boardId: string,
  input: TCreateDemandBody,
  now = new Date(),
  parentBoardId = boardId,
): Promise<TDemandChange> {
  await requireBoardRole(db, actorId, boardId, "member");
  const change = await db.$transaction(async (tx) => {
    const [board, stages, lanes] = await Promise.all([
      tx.board.findUniqueOrThrow({ where: { id: boardId }, select: { key: true } }),
      tx.stage.findMany({ where: { boardId }, orderBy: { position: "asc" } }),
      tx.lane.findMany({ where: { boardId }, orderBy: { position: "asc" } }),
    ]);
    const stage = input.stageId ? stages.find((s) => s.id === input.stageId) : stages[0];
    // By default a new demand goes to the first lane without a WIP limit
    // (Standard on a 2-1-1 board), not into a limited lane such as Expedite.
    const lane = input.laneId
      ? lanes.find((l) => l.id === input.laneId)
      : (lanes.find((l) => l.wipLimit === null) ?? lanes[0]);
    if (!stage)
      throw invalidField(
        "stageId",
        stages.length === 0 ? "the board has no stages yet" : "is not a stage of this board",
      );
    if (!lane)
      throw invalidField(
        "laneId",
        lanes.length === 0 ? "the board has no lanes yet" : "is not a lane of this board",
      );
    if (input.parentId) {
      const parent = await tx.demand.findFirst({
        where: { id: input.parentId, boardId: parentBoardId },
        select: { id: true, type: true },
      });
      const refusal = parent ? parentRefusal(null, parent) : "is not a demand of this board";
      if (refusal !== null) throw invalidField("parentId", refusal);
    }

    const overWip = await admitDemand(tx, stage, lane, stages, null);

    // The per-board number comes from the board row, locked by this update.
    const { nextDemandNumber } = await tx.board.update({
      where: { id: boardId },
      data: { nextDemandNumber: { increment: 1 } },
      select: { nextDemandNumber: true },
    });
    const last = await tx.demand.findFirst({
      where: { stageId: stage.id, laneId: lane.id, archivedAt: null },
      orderBy: { rank: "desc" },
      select: { rank: true },
    });
    const created = await tx.demand.create({
      data: {
        boardId,
        number: nextDemandNumber - 1,
        title: input.title,
        description: input.description,
        type: input.type,
        size: input.size ?? null,
        parentId: input.parentId ?? null,
        stageId: stage.id,
        laneId: lane.id,
        rank: rankBetween(last?.rank ?? null, null),
        enteredStageAt: now,
        committedAt: isCommittedStage(orderStages(stages), stage.id) ? now : null,
        createdAt: now,
      },
      select: demandViewSelect,
    });
    await logTransitions(tx, boardId, [
      {
        demandId: created.id,
        kind: "created",
        fromStageId: null,
        toStageId: stage.id,
        fromLaneId: null,
        toLaneId: lane.id,
        at: now,
        actorId,
        overWip,
      },
    ]);
    return { demand: toDemandView(created, board.key), seq: await nextBoardSeq(tx, boardId) };
  }, TRANSACTION_OPTIONS);
  events.publish({ seq: change.seq, boardId, type: "demand.created", payload: { demand: change.demand } });
  return change;
}
