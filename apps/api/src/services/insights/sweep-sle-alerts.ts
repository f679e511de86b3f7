import type { TSleAlertWebhookPayload } from "@tideway/contracts";
import { agingWork, type EpochMs, epochMs, serviceLevelCrossing, toSeconds } from "@tideway/domain";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/prisma";
import { TRANSACTION_OPTIONS } from "../demands/transaction-options";
import { boardHistoryPassingThrough } from "../metrics/board-flow-cache";
import { readAlertWebhook } from "./alert-webhook-settings";
import { boardServiceLevel } from "./board-service-level";
import {
  DEFAULT_WEBHOOK_DELIVERY,
  deliverAlertWebhook,
  type WebhookDeliveryOptions,
} from "./deliver-alert-webhook";
import { NOTIFICATION_SELECT, notificationView } from "./notification-view";
import type { UserEventSink } from "./user-events";

export interface SleSweepDeps {
  db: Db;
  users: UserEventSink;
  log: FastifyBaseLogger;
  webhook?: WebhookDeliveryOptions | undefined;
}

export interface SleSweepResult {
  alerts: number;
  notifications: number;
  /** Outgoing webhook deliveries started by this sweep; they finish in the background. */
  webhooks: Promise<unknown>[];
}

interface BoardToSweep {
  id: string;
  key: string;
  settings: unknown;
}

/**
 * One pass of the SLE alert sweep over every board: each demand in progress
 * whose age (work item age, as on the dashboard) is past the board's p85 or
 * p50 delivery cycle time gets an alert for the highest threshold it passed,
 * unless it already has one for that threshold. A demand first seen past
 * p85 gets only the p85 alert: by then "past p50" is old news.
 *
 * Alerts are unique per demand and threshold in the database, and only the
 * process whose insert created the row notifies: with several API
 * processes sweeping at once, or after a restart, each crossing notifies
 * exactly once. The board's admins get a notification each (stored with the
 * alert, in the same transaction, and pushed to their open connections);
 * the board's outgoing webhook, if any, is called in the background.
 */
export async function sweepSleAlerts(deps: SleSweepDeps, now = new Date()): Promise<SleSweepResult> {
  const result: SleSweepResult = { alerts: 0, notifications: 0, webhooks: [] };
  // Only boards with committed work: the others have nothing to alert on. Which of it is in
  // progress (not yet delivered) is `agingWork`'s call, the dashboard's reading.
  const boards = await deps.db.board.findMany({
    where: { demands: { some: { committedAt: { not: null }, archivedAt: null } } },
    select: { id: true, key: true, settings: true },
  });
  for (const board of boards) {
    try {
      await sweepBoard(deps, board, epochMs(now.getTime()), result);
    } catch (error) {
      // One board's failure must not starve the others; the next sweep tries it again.
      deps.log.error({ err: error, boardId: board.id }, "SLE alert sweep failed for a board");
    }
  }
  return result;
}

async function sweepBoard(deps: SleSweepDeps, board: BoardToSweep, now: EpochMs, result: SleSweepResult) {
  const { db } = deps;
  const { flow } = await boardHistoryPassingThrough(db, board.id);
  const { expectation, timeBasis, sampleSize } = boardServiceLevel(flow, board.settings, now);
  if (expectation.p85 === null) return;
  const crossed = agingWork(flow.demands, flow.stages, now, expectation, { timeBasis }).flatMap((item) => {
    const threshold = serviceLevelCrossing(item.age, expectation);
    const thresholdAge = threshold === "p85" ? expectation.p85 : expectation.p50;
    if (threshold === null || thresholdAge === null) return [];
    return [
      {
        boardId: board.id,
        demandId: item.demandId,
        threshold,
        ageSeconds: Math.floor(toSeconds(item.age)),
        thresholdSeconds: Math.round(toSeconds(thresholdAge)),
        sampleSize,
      },
    ];
  });
  if (crossed.length === 0) return;
  const known = await db.sleAlert.findMany({
    where: { boardId: board.id, demandId: { in: crossed.map((alert) => alert.demandId) } },
    select: { demandId: true, threshold: true },
  });
  const seen = new Set(known.map((alert) => `${alert.demandId}:${alert.threshold}`));
  const fresh = crossed.filter((alert) => !seen.has(`${alert.demandId}:${alert.threshold}`));
  if (fresh.length === 0) return;

  const { alerts, notifications } = await db.$transaction(async (tx) => {
    // Another process may have inserted some of these since the read above: those are skipped here.
    const alerts = await tx.sleAlert.createManyAndReturn({ data: fresh, skipDuplicates: true });
    if (alerts.length === 0) return { alerts, notifications: [] };
    const admins = await tx.boardMember.findMany({
      where: { boardId: board.id, role: "admin" },
      select: { userId: true },
    });
    const created = await tx.notification.createManyAndReturn({
      data: alerts.flatMap((alert) => admins.map(({ userId }) => ({ userId, alertId: alert.id }))),
      select: { id: true },
    });
    const notifications = await tx.notification.findMany({
      where: { id: { in: created.map((row) => row.id) } },
      select: { ...NOTIFICATION_SELECT, userId: true },
    });
    return { alerts, notifications };
  }, TRANSACTION_OPTIONS);

  result.alerts += alerts.length;
  result.notifications += notifications.length;
  for (const notification of notifications)
    deps.users.notify(notification.userId, notificationView(notification));

  const webhook = readAlertWebhook(board.settings);
  if (webhook === null) return;
  const labels = flow.labels;
  for (const alert of alerts) {
    const label = labels.get(alert.demandId) ?? { key: board.key, title: "" };
    const payload: TSleAlertWebhookPayload = {
      type: "sle.crossed",
      alertId: alert.id,
      boardId: board.id,
      demandId: alert.demandId,
      demandKey: label.key,
      demandTitle: label.title,
      threshold: alert.threshold,
      age: alert.ageSeconds,
      thresholdAge: alert.thresholdSeconds,
      crossedAt: alert.crossedAt.toISOString(),
    };
    const delivery = deliverAlertWebhook(webhook, payload, deps.webhook ?? DEFAULT_WEBHOOK_DELIVERY).then(
      (outcome) => {
        if (!outcome.delivered) {
          deps.log.warn(
            { boardId: board.id, alertId: alert.id, ...outcome },
            "SLE alert webhook not delivered",
          );
        }
        return outcome;
      },
    );
    result.webhooks.push(delivery);
  }
}
