import {
  ZBlockBody,
  ZBoardIdParams,
  ZCheckBody,
  ZCheckParams,
  ZCreateDemandBody,
  ZDemandChange,
  ZDemandIdParams,
  ZErrorBody,
  ZMoveDemandBody,
  ZMoveResult,
  ZUpdateDemandBody,
} from "@tideway/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaller } from "../plugins/authenticate";
import { blockDemand, unblockDemand } from "../services/demands/block-demand";
import { createDemand } from "../services/demands/create-demand";
import { moveDemand } from "../services/demands/move-demand";
import { setCriterionCheck } from "../services/demands/set-criterion-check";
import { updateDemand } from "../services/demands/update-demand";

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

export const demandRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.db, events: app.boardEvents };

  app.post(
    "/api/boards/:boardId/demands",
    {
      schema: {
        tags: ["demands"],
        summary: "Create a demand (default: first stage, first lane)",
        params: ZBoardIdParams,
        body: ZCreateDemandBody,
        response: { 201: ZDemandChange, ...errors },
      },
    },
    async (request, reply) => {
      const change = await createDemand(
        deps,
        requireCaller(request).id,
        request.params.boardId,
        request.body,
      );
      return reply.status(201).send(change);
    },
  );

  app.patch(
    "/api/demands/:id",
    {
      schema: {
        tags: ["demands"],
        summary: "Edit, archive (archived: true) or restore a demand",
        params: ZDemandIdParams,
        body: ZUpdateDemandBody,
        response: { 200: ZDemandChange, ...errors },
      },
    },
    async (request) => updateDemand(deps, requireCaller(request).id, request.params.id, request.body),
  );

  app.post(
    "/api/demands/:id/move",
    {
      schema: {
        tags: ["demands"],
        summary: "Move a demand to a stage, lane and position",
        description:
          "Refusals are 409 with code WIP_LIMIT_REACHED, ENTRY_CRITERIA_UNMET or EXIT_CRITERIA_UNMET " +
          "(details.unmet lists the criteria) or VERSION_CONFLICT. A retry with the same idempotencyKey " +
          "returns the first answer and writes nothing.",
        params: ZDemandIdParams,
        body: ZMoveDemandBody,
        response: { 200: ZMoveResult, ...errors },
      },
    },
    async (request) => moveDemand(deps, requireCaller(request).id, request.params.id, request.body),
  );

  app.put(
    "/api/demands/:id/checks/:criterionId",
    {
      schema: {
        tags: ["demands"],
        summary: "Tick or untick an entry or exit criterion for a demand",
        params: ZCheckParams,
        body: ZCheckBody,
        response: { 200: ZDemandChange, ...errors },
      },
    },
    async (request) =>
      setCriterionCheck(
        deps,
        requireCaller(request).id,
        request.params.id,
        request.params.criterionId,
        request.body.checked,
      ),
  );

  app.post(
    "/api/demands/:id/block",
    {
      schema: {
        tags: ["demands"],
        summary: "Mark a demand blocked, with the reason",
        params: ZDemandIdParams,
        body: ZBlockBody,
        response: { 200: ZDemandChange, ...errors },
      },
    },
    async (request) => blockDemand(deps, requireCaller(request).id, request.params.id, request.body.reason),
  );

  app.delete(
    "/api/demands/:id/block",
    {
      schema: {
        tags: ["demands"],
        summary: "Unblock a demand",
        params: ZDemandIdParams,
        response: { 200: ZDemandChange, ...errors },
      },
    },
    async (request) => unblockDemand(deps, requireCaller(request).id, request.params.id),
  );
};
