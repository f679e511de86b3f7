import {
  ZBoard,
  ZBoardIdParams,
  ZBoardSummary,
  ZCreateBoardBody,
  ZErrorBody,
  ZTransitionPage,
  ZTransitionsQuery,
} from "@tideway/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireCaller } from "../plugins/authenticate";
import { createBoard } from "../services/boards/create-board";
import { getBoard } from "../services/boards/get-board";
import { listBoards } from "../services/boards/list-boards";
import { listTransitions } from "../services/demands/list-transitions";

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

export const boardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/boards",
    {
      schema: {
        tags: ["boards"],
        summary: "Boards the caller belongs to",
        response: { 200: z.object({ boards: z.array(ZBoardSummary) }), ...errors },
      },
    },
    async (request) => ({ boards: await listBoards(app.db, requireCaller(request).id) }),
  );

  app.post(
    "/api/boards",
    {
      schema: {
        tags: ["boards"],
        summary: 'Create a board; template "2-1-1" brings the default stages, lanes and criteria',
        body: ZCreateBoardBody,
        response: { 201: ZBoard, ...errors },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const board = await createBoard(app.db, caller.id, request.body);
      return reply.status(201).send(await getBoard(app.db, caller.id, board.id));
    },
  );

  app.get(
    "/api/boards/:boardId",
    {
      schema: {
        tags: ["boards"],
        summary: "Stages, lanes, criteria, open demands and the board's sequence number",
        params: ZBoardIdParams,
        response: { 200: ZBoard, ...errors },
      },
    },
    async (request) => getBoard(app.db, requireCaller(request).id, request.params.boardId),
  );

  app.get(
    "/api/boards/:boardId/transitions",
    {
      schema: {
        tags: ["boards"],
        summary: "The board's append-only transition log, oldest first, paged by `since`",
        params: ZBoardIdParams,
        querystring: ZTransitionsQuery,
        response: { 200: ZTransitionPage, ...errors },
      },
    },
    async (request) =>
      listTransitions(app.db, requireCaller(request).id, request.params.boardId, request.query),
  );
};
