import type { TBoardEvent } from "@tideway/contracts";
import type { Prisma } from "../generated/prisma/client";

/** Where services send board changes after commit; socket.io is one implementation. */
export interface BoardEventSink {
  publish(event: TBoardEvent): void;
  /** Takes a user's open connections out of a board's room (after their membership ended). */
  evict(boardId: string, userId: string): Promise<void>;
}

export const discardEvents: BoardEventSink = { publish: () => {}, evict: async () => {} };

/**
 * Takes the board's next sequence number inside the caller's transaction.
 * The row lock it holds until commit also orders the board's changes, so
 * sequence numbers reach clients in the order the changes were made.
 */
export async function nextBoardSeq(tx: Prisma.TransactionClient, boardId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ seq: bigint }[]>`
    UPDATE boards SET seq = seq + 1 WHERE id = ${boardId}::uuid RETURNING seq`;
  const row = rows[0];
  if (!row) throw new Error(`board ${boardId} vanished inside a transaction`);
  return Number(row.seq);
}
