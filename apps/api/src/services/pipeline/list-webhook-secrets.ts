import type { TWebhookSecretList } from "@tideway/contracts";
import { days } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { requireBoardRole } from "../access/require-board-role";
import { toWebhookSecretView, webhookEndpoints } from "./webhook-secret-view";

const REVOKED_SHOWN_FOR_MS = days(30);

/** The board's webhook secrets (values of accepted ones included) and the endpoints to configure; admins only. */
export async function listWebhookSecrets(
  db: Db,
  userId: string,
  boardId: string,
  now = new Date(),
): Promise<TWebhookSecretList> {
  await requireBoardRole(db, userId, boardId, "admin");
  return webhookSecretList(db, boardId, now);
}

export async function webhookSecretList(
  db: Db | Prisma.TransactionClient,
  boardId: string,
  now: Date,
): Promise<TWebhookSecretList> {
  const rows = await db.webhookSecret.findMany({
    where: {
      boardId,
      OR: [{ revokedAt: null }, { revokedAt: { gt: new Date(now.getTime() - REVOKED_SHOWN_FOR_MS) } }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 50,
  });
  return { secrets: rows.map((row) => toWebhookSecretView(row, now)), endpoints: webhookEndpoints(boardId) };
}
