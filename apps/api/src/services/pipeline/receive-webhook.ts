import { ErrorCode, type TCodeEventSource, type TWebhookReceipt } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";
import type { BoardEventSink } from "../board-events";
import { announceToDependents } from "../dependencies/announce-to-dependents";
import { readPipelineSettings } from "./pipeline-settings";
import { recordDelivery } from "./record-delivery";
import { WEBHOOK_PROVIDERS } from "./webhook-providers";
import { parseJsonBody, replayKey, type WebhookRequest } from "./webhook-request";
import { acceptedSecretsWhere } from "./webhook-secret-view";

export interface WebhookDeps {
  db: Db;
  events: BoardEventSink;
}

/**
 * Receives one webhook delivery for a board. A webhook carries no session:
 * the signature (or GitLab's token) made with one of the board's accepted
 * secrets is its only credential, so it is checked first, on the raw bytes,
 * before the body is even parsed. An unknown board, a board without secrets,
 * a missing or wrong signature all get the same 401 and change nothing, so
 * board ids cannot be probed. Then: malformed JSON 400 (with the parser's
 * reason), a payload without the fields the event needs 400 (naming the
 * field), a redelivery (the same signed body, whatever its delivery id
 * header says: `replayKey`) 200 with `duplicate: true` and nothing stored
 * again; events Tideway does not use 200 with `ignored`.
 */
export async function receiveWebhook(
  { db, events }: WebhookDeps,
  boardId: string,
  source: TCodeEventSource,
  request: WebhookRequest,
  now = new Date(),
): Promise<TWebhookReceipt> {
  const provider = WEBHOOK_PROVIDERS[source];
  const board = await db.board.findUnique({
    where: { id: boardId },
    select: {
      key: true,
      settings: true,
      webhookSecrets: { where: acceptedSecretsWhere(now), select: { secret: true } },
    },
  });
  const secrets = board?.webhookSecrets.map((row) => row.secret) ?? [];
  if (!board || !provider.verify(request, secrets)) {
    throw new AppError(
      ErrorCode.INVALID_SIGNATURE,
      "The webhook's signature is missing or does not match a secret of this board; nothing was stored.",
    );
  }

  const deliveryId = provider.deliveryId(request);
  const reading = provider.read(request, parseJsonBody(request.rawBody));
  if (reading.ignored !== null) {
    return {
      deliveryId,
      duplicate: false,
      ignored: reading.ignored,
      events: [],
      movedToDone: [],
      notMoved: [],
    };
  }
  const { receipt, broadcasts } = await recordDelivery(db, {
    board: { id: boardId, key: board.key, settings: readPipelineSettings(board.settings) },
    source,
    deliveryId: replayKey(request),
    senderDeliveryId: deliveryId,
    events: reading.events,
    now,
  });
  for (const event of broadcasts) {
    events.publish(event);
    // A release moves demands to Done: the demands waiting on them stop waiting.
    if (event.type === "demand.moved") {
      await announceToDependents({ db, events }, event.payload.demand.id).catch(() => {});
    }
  }
  return receipt;
}
