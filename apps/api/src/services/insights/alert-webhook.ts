import { randomBytes } from "node:crypto";
import type { TAlertWebhookSettings, TUpdateAlertWebhookBody } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";
import { commitSettingsChange, type SettingsDeps } from "../settings/commit-settings-change";
import { lockBoardSettings } from "../settings/lock-board-settings";
import { readAlertWebhook } from "./alert-webhook-settings";

/** The board's outgoing SLE alert webhook and its signing secret. Admins only: it holds the secret. */
export async function getAlertWebhook(
  db: Db,
  userId: string,
  boardId: string,
): Promise<TAlertWebhookSettings> {
  await requireBoardRole(db, userId, boardId, "admin");
  const board = await db.board.findUniqueOrThrow({ where: { id: boardId }, select: { settings: true } });
  return readAlertWebhook(board.settings) ?? { url: null, secret: null };
}

/**
 * Sets (or, with null, removes) the URL SLE alerts are POSTed to. The
 * signing secret is made when a URL is first set and kept while it changes,
 * so a receiver need not be reconfigured for a new address. Audited without
 * the secret; the board's other settings are kept as they are.
 */
export async function updateAlertWebhook(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  input: TUpdateAlertWebhookBody,
): Promise<TAlertWebhookSettings> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  const { seq: _seq, ...settings } = await commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const stored = await lockBoardSettings(tx, boardId);
    const before = readAlertWebhook(stored);
    if ((before?.url ?? null) === input.url) {
      return { result: before ?? { url: null, secret: null }, audit: [] };
    }
    const after = input.url === null ? null : { url: input.url, secret: before?.secret ?? newSecret() };
    const { alertWebhook: _old, ...others } = stored;
    await tx.board.update({
      where: { id: boardId },
      data: { settings: after === null ? others : { ...others, alertWebhook: after } },
    });
    return {
      result: after ?? { url: null, secret: null },
      audit: [
        {
          action: "alert_webhook.updated",
          entity: "alert_webhook",
          entityId: boardId,
          before: { url: before?.url ?? null },
          after: { url: after?.url ?? null },
        },
      ],
    };
  });
  return settings;
}

const newSecret = () => randomBytes(32).toString("hex");
