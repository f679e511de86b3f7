import type { TLane } from "@tideway/contracts";
import type { Lane, Prisma } from "../../generated/prisma/client";
import { type Positioned, positionUpdates } from "./dense-order";

type Tx = Prisma.TransactionClient;

/**
 * Locks all of the board's swim lanes (in id order, so two settings changes
 * cannot deadlock; moves into a limited lane lock it the same way) and
 * returns them in row order.
 */
export async function lockLanes(tx: Tx, boardId: string): Promise<Lane[]> {
  await tx.$queryRaw`SELECT id FROM lanes WHERE board_id = ${boardId}::uuid ORDER BY id FOR NO KEY UPDATE`;
  return readLanes(tx, boardId);
}

function readLanes(tx: Tx, boardId: string): Promise<Lane[]> {
  return tx.lane.findMany({ where: { boardId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}

export function toLaneView({ boardId: _boardId, ...lane }: Lane): TLane {
  return lane;
}

export async function laneViews(tx: Tx, boardId: string): Promise<TLane[]> {
  return (await readLanes(tx, boardId)).map(toLaneView);
}

export async function writeLaneOrder(tx: Tx, ordered: readonly Positioned[]): Promise<void> {
  for (const { id, position } of positionUpdates(ordered)) {
    await tx.lane.update({ where: { id }, data: { position } });
  }
}
