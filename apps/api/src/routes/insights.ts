import {
  ZAlertWebhookSettings,
  ZBoardIdParams,
  ZBoardInsights,
  ZErrorBody,
  ZMarkNotificationsReadBody,
  ZNotificationList,
  ZServiceLevel,
  ZUpdateAlertWebhookBody,
} from "@tideway/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaller } from "../plugins/authenticate";
import { getAlertWebhook, updateAlertWebhook } from "../services/insights/alert-webhook";
import { getBoardInsights } from "../services/insights/get-board-insights";
import { getServiceLevel } from "../services/insights/get-service-level";
import { listNotifications } from "../services/insights/list-notifications";
import { markNotificationsRead } from "../services/insights/mark-notifications-read";

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ["insights"];

/** Flow insights: SLE alerts and notifications, where flow is stuck, WIP limit advice. */
export const insightRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.db, events: app.boardEvents };

  app.get(
    "/api/boards/:boardId/insights",
    {
      schema: {
        tags,
        summary: "Where flow is stuck (last 14 days) and WIP limit advice from Little's law",
        description:
          "Durations in seconds. See INSIGHT_DEFINITIONS: the longest wait is the stage with the highest p85 " +
          "time in stage; queue growth is (arrivals - departures) per day; advised limit = ceil(throughput per " +
          "day x target time in stage). Advice is never applied.",
        params: ZBoardIdParams,
        response: { 200: ZBoardInsights, ...errors },
      },
    },
    async (request) => getBoardInsights(app.db, requireCaller(request).id, request.params.boardId),
  );

  app.get(
    "/api/boards/:boardId/service-level",
    {
      schema: {
        tags,
        summary: "The board's service level expectation: p50 and p85 delivery cycle time of the last 30 days",
        params: ZBoardIdParams,
        response: { 200: ZServiceLevel, ...errors },
      },
    },
    async (request) => getServiceLevel(app.db, requireCaller(request).id, request.params.boardId),
  );

  app.get(
    "/api/boards/:boardId/alert-webhook",
    {
      schema: {
        tags,
        summary: "The URL SLE alerts are POSTed to, and the secret that signs them",
        description: "Board admins only.",
        params: ZBoardIdParams,
        response: { 200: ZAlertWebhookSettings, ...errors },
      },
    },
    async (request) => getAlertWebhook(app.db, requireCaller(request).id, request.params.boardId),
  );

  app.put(
    "/api/boards/:boardId/alert-webhook",
    {
      schema: {
        tags,
        summary: "Set or remove the SLE alert webhook",
        description:
          "Board admins only; audited. Each alert is POSTed as JSON with `X-Tideway-Signature: sha256=<hex " +
          "HMAC-SHA256 of the body under the secret>`; a failed delivery is retried twice, then logged.",
        params: ZBoardIdParams,
        body: ZUpdateAlertWebhookBody,
        response: { 200: ZAlertWebhookSettings, ...errors },
      },
    },
    async (request) =>
      updateAlertWebhook(deps, requireCaller(request).id, request.params.boardId, request.body),
  );

  app.get(
    "/api/notifications",
    {
      schema: {
        tags,
        summary: "The caller's newest notifications (SLE alerts of boards they admin) and the unread count",
        response: { 200: ZNotificationList, 401: ZErrorBody },
      },
    },
    async (request) => listNotifications(app.db, requireCaller(request).id),
  );

  app.post(
    "/api/notifications/read",
    {
      schema: {
        tags,
        summary: "Mark the caller's notifications read (the ones named, or all)",
        body: ZMarkNotificationsReadBody,
        response: { 200: ZNotificationList, 400: ZErrorBody, 401: ZErrorBody },
      },
    },
    async (request) => markNotificationsRead(app.db, requireCaller(request).id, request.body),
  );
};
