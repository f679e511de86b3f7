import type { TStage } from "@tideway/contracts";
import type { Prisma, Stage } from "../../generated/prisma/client";
import { type Positioned, positionUpdates } from "./dense-order";
import type { AuditEntry } from "./record-audit-event";

type Tx = Prisma.TransactionClient;
type FlowBoundary = NonNullable<Stage["boundary"]>;

/**
 * Locks all of the board's stages and returns them in column order. The
 * locks are taken in id order, so two settings changes cannot deadlock; FOR
 * NO KEY UPDATE waits for moves into a limited stage (which lock it the same
 * way) but not for the foreign-key checks of other demand writes.
 */
export async function lockStages(tx: Tx, boardId: string): Promise<Stage[]> {
  await tx.$queryRaw`SELECT id FROM stages WHERE board_id = ${boardId}::uuid ORDER BY id FOR NO KEY UPDATE`;
  return readStages(tx, boardId);
}

function readStages(tx: Tx, boardId: string): Promise<Stage[]> {
  return tx.stage.findMany({ where: { boardId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}

export function toStageView({ boardId: _boardId, ...stage }: Stage): TStage {
  return stage;
}

export async function stageViews(tx: Tx, boardId: string): Promise<TStage[]> {
  return (await readStages(tx, boardId)).map(toStageView);
}

export async function writeStageOrder(tx: Tx, ordered: readonly Positioned[]): Promise<void> {
  for (const { id, position } of positionUpdates(ordered)) {
    await tx.stage.update({ where: { id }, data: { position } });
  }
}

/**
 * A boundary marks one stage per board: before `keeperId` (or a new stage)
 * takes `boundary`, the stage holding it lets go. Returns that stage's audit
 * entry, if there was one.
 */
export async function releaseBoundary(
  tx: Tx,
  stages: readonly Stage[],
  boundary: FlowBoundary,
  keeperId: string | null,
): Promise<AuditEntry[]> {
  const holder = stages.find((stage) => stage.boundary === boundary && stage.id !== keeperId);
  if (!holder) return [];
  const released = await tx.stage.update({ where: { id: holder.id }, data: { boundary: null } });
  return [
    {
      action: "stage.updated",
      entity: "stage",
      entityId: holder.id,
      before: toStageView(holder),
      after: toStageView(released),
    },
  ];
}
