import { ZBoardIdParams, ZErrorBody, ZMetrics, ZMetricsQuery } from "@tideway/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaller } from "../plugins/authenticate";
import { getBoardMetrics } from "../services/metrics/get-board-metrics";

export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/boards/:boardId/metrics",
    {
      schema: {
        tags: ["metrics"],
        summary: "2-1-1 tiles and flow metrics for a window, from the transition log",
        description:
          "Durations in seconds, attainment 0..1. Delivery cycle: first entry past the commitment point to the " +
          "last entry into Done (goal 85% <= 14 days). Development cycle: first entry into Development to the last " +
          "entry into Release (85% <= 7 days). Release lead time: last commit or merge to release (85% <= 60 " +
          "minutes; without pipeline events, entering Release to entering Done). Percentiles are nearest-rank. " +
          "Each metric selects demands by its own end event within [from, to).",
        params: ZBoardIdParams,
        querystring: ZMetricsQuery,
        response: { 200: ZMetrics, 400: ZErrorBody, 401: ZErrorBody, 404: ZErrorBody },
      },
    },
    async (request) =>
      getBoardMetrics(app.db, requireCaller(request).id, request.params.boardId, request.query),
  );
};
