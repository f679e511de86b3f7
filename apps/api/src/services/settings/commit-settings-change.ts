import type { Db } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { type BoardEventSink, nextBoardSeq } from "../board-events";
import { TRANSACTION_OPTIONS } from "../demands/transaction-options";
import { type AuditEntry, recordAuditEvent } from "./record-audit-event";

export interface SettingsDeps {
  db: Db;
  events: BoardEventSink;
}

export interface SettingsWork<T> {
  result: T;
  /** What `apply` changed; empty when the request asked for what was already so. */
  audit: AuditEntry[];
}

/**
 * The shape every settings change shares. `apply` locks and writes rows and
 * reports what it changed; each change goes to the audit trail in the same
 * transaction, the board's sequence number advances once, and after commit
 * everyone on the board hears `settings.changed` (clients refetch the board).
 * A request that changes nothing writes no audit event and takes no number.
 *
 * The board row is locked last (by `nextBoardSeq`), after the stage or lane
 * rows `apply` locks: the same order a demand move takes, so the two never
 * deadlock.
 */
export async function commitSettingsChange<T extends object>(
  { db, events }: SettingsDeps,
  actorId: string,
  boardId: string,
  apply: (tx: Prisma.TransactionClient) => Promise<SettingsWork<T>>,
): Promise<T & { seq: number }> {
  const { result, seq, changed } = await db.$transaction(async (tx) => {
    const work = await apply(tx);
    for (const entry of work.audit) await recordAuditEvent(tx, boardId, actorId, entry);
    if (work.audit.length === 0) {
      const board = await tx.board.findUniqueOrThrow({ where: { id: boardId }, select: { seq: true } });
      return { result: work.result, seq: Number(board.seq), changed: false };
    }
    return { result: work.result, seq: await nextBoardSeq(tx, boardId), changed: true };
  }, TRANSACTION_OPTIONS);
  if (changed) events.publish({ seq, boardId, type: "settings.changed", payload: {} });
  return { ...result, seq };
}
