import {
  ZAddDependencyBody,
  ZCommentBodyInput,
  ZCommentChange,
  ZCommentIdParams,
  ZCommentList,
  ZDemandHistory,
  ZDemandIdParams,
  ZDependencyChange,
  ZDependencyList,
  ZDependencyParams,
  ZErrorBody,
} from "@tideway/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireCaller } from "../plugins/authenticate";
import { addComment } from "../services/comments/add-comment";
import { deleteComment } from "../services/comments/delete-comment";
import { editComment } from "../services/comments/edit-comment";
import { listComments } from "../services/comments/list-comments";
import { addDependency } from "../services/dependencies/add-dependency";
import { listDependencies } from "../services/dependencies/list-dependencies";
import { removeDependency } from "../services/dependencies/remove-dependency";
import { getDemandHistory } from "../services/history/get-demand-history";

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

/** The card as the team's shared record: its journey, comments and dependencies (issue 18). */
export const demandRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.db, events: app.boardEvents, users: app.userEvents };
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

  app.get(
    "/api/demands/:id/comments",
    {
      schema: {
        tags: ["comments"],
        summary: "A demand's comments, oldest first (anyone on the board)",
        params: ZDemandIdParams,
        response: { 200: ZCommentList, ...errors },
      },
    },
    async (request) => listComments(app.db, requireCaller(request).id, request.params.id),
  );

  app.post(
    "/api/demands/:id/comments",
    {
      schema: {
        tags: ["comments"],
        summary: "Comment on a demand (members and admins); @Full Name notifies that board member",
        params: ZDemandIdParams,
        body: ZCommentBodyInput,
        response: { 201: ZCommentChange, ...errors },
      },
    },
    async (request, reply) => {
      const change = await addComment(deps, requireCaller(request).id, request.params.id, request.body.body);
      return reply.status(201).send(change);
    },
  );

  app.patch(
    "/api/comments/:id",
    {
      schema: {
        tags: ["comments"],
        summary: "Edit your own comment",
        params: ZCommentIdParams,
        body: ZCommentBodyInput,
        response: { 200: ZCommentChange, ...errors },
      },
    },
    async (request) => editComment(deps, requireCaller(request).id, request.params.id, request.body.body),
  );

  app.delete(
    "/api/comments/:id",
    {
      schema: {
        tags: ["comments"],
        summary: "Delete your own comment, or any comment as a board admin",
        params: ZCommentIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteComment(deps, requireCaller(request).id, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/demands/:id/dependencies",
    {
      schema: {
        tags: ["dependencies"],
        summary: "What a demand waits on; a demand on a board you are not on is shown without key or title",
        params: ZDemandIdParams,
        response: { 200: ZDependencyList, ...errors },
      },
    },
    async (request) => listDependencies(app.db, requireCaller(request).id, request.params.id),
  );

  app.post(
    "/api/demands/:id/dependencies",
    {
      schema: {
        tags: ["dependencies"],
        summary: "Make a demand wait on another, on any board you are on (409 DEPENDENCY_CYCLE for a cycle)",
        params: ZDemandIdParams,
        body: ZAddDependencyBody,
        response: { 201: ZDependencyChange, ...errors },
      },
    },
    async (request, reply) => {
      const change = await addDependency(
        deps,
        requireCaller(request).id,
        request.params.id,
        request.body.dependsOnId,
      );
      return reply.status(201).send(change);
    },
  );

  app.delete(
    "/api/demands/:id/dependencies/:dependsOnId",
    {
      schema: {
        tags: ["dependencies"],
        summary: "Stop a demand waiting on another",
        params: ZDependencyParams,
        response: { 200: ZDependencyChange, ...errors },
      },
    },
    async (request) =>
      removeDependency(deps, requireCaller(request).id, request.params.id, request.params.dependsOnId),
  );
};
