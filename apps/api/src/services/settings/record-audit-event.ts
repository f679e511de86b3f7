import type { TAuditAction, TAuditEntity } from "@tideway/contracts";
import { Prisma } from "../../generated/prisma/client";

/** One change to a board's settings or membership, as the audit trail keeps it. */
export interface AuditEntry {
  action: TAuditAction;
  entity: TAuditEntity;
  entityId: string;
  /** The row as it was; null for a creation. */
  before: Prisma.InputJsonObject | null;
  /** The row as it is now; null for a removal. */
  after: Prisma.InputJsonObject | null;
}

/** Writes one audit event inside the transaction that made the change, so neither exists without the other. */
export async function recordAuditEvent(
  tx: Prisma.TransactionClient,
  boardId: string,
  actorId: string,
  entry: AuditEntry,
): Promise<void> {
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
