import {
  ZBoardIdParams,
  ZErrorBody,
  ZForecast,
  ZForecastQuery,
  ZForecastSettings,
  ZForecastSettingsChange,
  ZForecastSettingsView,
  ZQuarterlyTwoOneOne,
} from "@tideway/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaller } from "../plugins/authenticate";
import { getForecast } from "../services/forecasts/get-forecast";
import { getForecastSettings } from "../services/forecasts/get-forecast-settings";
import { getQuarterlyTwoOneOne } from "../services/forecasts/get-quarterly-two-one-one";
import { updateForecastSettings } from "../services/forecasts/update-forecast-settings";
import { forecastsPerUser } from "../services/per-user-limit";

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const busy = { 429: ZErrorBody, 503: ZErrorBody };
const tags = ["forecasts"];

/** Monte Carlo forecasts from the board's throughput, their settings, and the 2-1-1 trend per quarter. */
export const forecastRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/boards/:boardId/forecast",
    {
      schema: {
        tags,
        summary:
          "Monte Carlo forecast: how many demands by a day, or when N demands (or a selection) will be done",
        description:
          "Each simulated future draws days at random, with replacement, from the board's deliveries per UTC day " +
          "over the last `forecastWeeks` weeks (today excluded); the forecast starts tomorrow. how-many at c% " +
          "confidence: at least this many are done in c% of the futures (the (100-c)th percentile of the totals). " +
          "when at c%: done within this many days in c% of the futures (the c-th percentile). Same seed, same answer. " +
          `At most ${forecastsPerUser.maxPerUser} forecasts of one user run at once: one more is 429 TOO_MANY_AT_ONCE with Retry-After.`,
        params: ZBoardIdParams,
        querystring: ZForecastQuery,
        response: { 200: ZForecast, ...errors, ...busy },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      return forecastsPerUser.run(caller.id, () =>
        getForecast(app.db, caller.id, request.params.boardId, request.query),
      );
    },
  );

  app.get(
    "/api/boards/:boardId/forecast-settings",
    {
      schema: {
        tags,
        summary: "How many weeks of throughput the forecasts sample",
        params: ZBoardIdParams,
        response: { 200: ZForecastSettingsView, ...errors },
      },
    },
    async (request) => ({
      settings: await getForecastSettings(app.db, requireCaller(request).id, request.params.boardId),
    }),
  );

  app.patch(
    "/api/boards/:boardId/forecast-settings",
    {
      schema: {
        tags,
        summary: "Change how many weeks of throughput the forecasts sample",
        description: "Board admins only. Every change is audited and broadcast as `settings.changed`.",
        params: ZBoardIdParams,
        body: ZForecastSettings,
        response: { 200: ZForecastSettingsChange, ...errors, 409: ZErrorBody },
      },
    },
    async (request) =>
      updateForecastSettings(
        { db: app.db, events: app.boardEvents },
        requireCaller(request).id,
        request.params.boardId,
        request.body,
      ),
  );

  app.get(
    "/api/boards/:boardId/two-one-one/quarters",
    {
      schema: {
        tags,
        summary: "The 2-1-1 goal per calendar quarter, for the board and per swim lane",
        description:
          "For every UTC calendar quarter from the first in which a metric ended to the current one: count, " +
          "p50/p85/p95 (seconds, nearest rank) and attainment of delivery cycle time (target 14 days), development " +
          "cycle time (7 days) and release lead time (60 minutes), each selected by its own end event.",
        params: ZBoardIdParams,
        response: { 200: ZQuarterlyTwoOneOne, ...errors },
      },
    },
    async (request) => getQuarterlyTwoOneOne(app.db, requireCaller(request).id, request.params.boardId),
  );
};
