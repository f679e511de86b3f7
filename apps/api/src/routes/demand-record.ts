import { ZDemandHistory, ZDemandIdParams, ZErrorBody } from "@tideway/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaller } from "../plugins/authenticate";
import { getDemandHistory } from "../services/history/get-demand-history";

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

/** The card as the team's shared record: its journey, comments and dependencies (issue 18). */
export const demandRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/demands/:id/history",
    {
      schema: {
        tags: ["demands"],
        summary: "The card's journey: stages, blocked periods, owners, criteria ticks and pipeline events",
        params: ZDemandIdParams,
        response: { 200: ZDemandHistory, ...errors },
      },
    },
    async (request) => getDemandHistory(app.db, requireCaller(request).id, request.params.id),
  );
};
