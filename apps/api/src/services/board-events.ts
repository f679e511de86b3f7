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
  return nextBoardSeqs(tx, boardId, 1);
}

/**
 * Takes the board's next `count` sequence numbers (count >= 1) in one statement and
 * returns the first; the others follow it, since the row lock keeps other changes out
 * until commit. For a change that touches many cards at once, such as a push naming
 * hundreds of demands: one round trip instead of one per card.
 */
export async function nextBoardSeqs(
  tx: Prisma.TransactionClient,
  boardId: string,
  count: number,
): Promise<number> {
  const rows = await tx.$queryRaw<{ seq: bigint }[]>`
    UPDATE boards SET seq = seq + ${count} WHERE id = ${boardId}::uuid RETURNING seq`;
  const row = rows[0];
  if (!row) throw new Error(`board ${boardId} vanished inside a transaction`);
  return Number(row.seq) - count + 1;
}
