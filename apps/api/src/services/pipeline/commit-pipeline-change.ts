import type { TPipelineAuditAction } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { Prisma } from "../../generated/prisma/client";
import { type BoardEventSink, nextBoardSeq } from "../board-events";
import { TRANSACTION_OPTIONS } from "../demands/transaction-options";

export interface PipelineChangeDeps {
  db: Db;
  events: BoardEventSink;
}

/** One audited change to the pipeline settings or webhook secrets. Never carries a secret itself. */
export interface PipelineAuditEntry {
  action: TPipelineAuditAction;
  entity: "webhook_secret" | "pipeline_settings";
  entityId: string;
  before: Prisma.InputJsonObject | null;
  after: Prisma.InputJsonObject | null;
}

/**
 * The shape of settings/commit-settings-change.ts for the pipeline's
 * settings (whose audit actions the settings contract does not list): `apply`
 * writes and reports what it changed, the audit events go in the same
 * transaction, the board's sequence number advances once, and after commit
 * the board hears `settings.changed`. A change that changes nothing writes no
 * audit event and takes no number.
 */
export async function commitPipelineChange<T extends object>(
  { db, events }: PipelineChangeDeps,
  actorId: string,
  boardId: string,
  apply: (tx: Prisma.TransactionClient) => Promise<{ result: T; audit: PipelineAuditEntry[] }>,
): Promise<T & { seq: number }> {
  const { result, seq, changed } = await db.$transaction(async (tx) => {
    const work = await apply(tx);
    for (const entry of work.audit) {
      await tx.auditEvent.create({
        data: {
          boardId,
          actorId,
          action: entry.action,
          entity: entry.entity,
          entityId: entry.entityId,
          before: entry.before ?? Prisma.DbNull,
          after: entry.after ?? Prisma.DbNull,
        },
      });
    }
    if (work.audit.length === 0) {
      const board = await tx.board.findUniqueOrThrow({ where: { id: boardId }, select: { seq: true } });
      return { result: work.result, seq: Number(board.seq), changed: false };
    }
    return { result: work.result, seq: await nextBoardSeq(tx, boardId), changed: true };
  }, TRANSACTION_OPTIONS);
  if (changed) events.publish({ seq, boardId, type: "settings.changed", payload: {} });
  return { ...result, seq };
}
