import {
  ZBoardChildren,
  ZBoardIdParams,
  ZCreateChildBody,
  ZCreatePortfolioBody,
  ZDemandChange,
  ZDemandIdParams,
  ZErrorBody,
  ZImportPortfolioQuery,
  ZImportPortfolioResult,
  ZPortfolio,
  ZPortfolioBoardParams,
  ZPortfolioExport,
  ZPortfolioIdParams,
  ZPortfolioList,
  ZPortfolioMetrics,
  ZPortfolioMetricsQuery,
} from "@tideway/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaller } from "../plugins/authenticate";
import { createChildDemand } from "../services/portfolios/create-child-demand";
import { createPortfolio } from "../services/portfolios/create-portfolio";
import { exportPortfolio } from "../services/portfolios/export-portfolio";
import { getPortfolio, listPortfolios } from "../services/portfolios/get-portfolio";
import { getPortfolioMetrics } from "../services/portfolios/get-portfolio-metrics";
import { importPortfolio } from "../services/portfolios/import-portfolio";
import { listBoardChildren } from "../services/portfolios/list-board-children";
import { addPortfolioBoard, removePortfolioBoard } from "../services/portfolios/team-board-membership";
import { IMPORT_BODY_LIMIT_BYTES } from "./board-export";

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const importErrors = { ...errors, 413: ZErrorBody };

export const portfolioRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.db, events: app.boardEvents };

  app.post(
    "/api/portfolios",
    {
      schema: {
        tags: ["portfolios"],
        summary: "Create a portfolio and its business-demand board (the creator is its admin)",
        body: ZCreatePortfolioBody,
        response: { 201: ZPortfolio, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPortfolio(app.db, requireCaller(request).id, request.body)),
  );

  app.get(
    "/api/portfolios",
    {
      schema: {
        tags: ["portfolios"],
        summary: "Portfolios the caller is a member of",
        response: { 200: ZPortfolioList, 401: ZErrorBody },
      },
    },
    async (request) => ({ portfolios: await listPortfolios(app.db, requireCaller(request).id) }),
  );

  app.get(
    "/api/portfolios/:id",
    {
      schema: {
        tags: ["portfolios"],
        summary: "A portfolio, its business board and its team boards",
        params: ZPortfolioIdParams,
        response: { 200: ZPortfolio, ...errors },
      },
    },
    async (request) => getPortfolio(app.db, requireCaller(request).id, request.params.id),
  );

  app.get(
    "/api/portfolios/:id/export",
    {
      schema: {
        tags: ["portfolios"],
        summary: "The portfolio as a JSON document: each board's export and the cross-board parent links",
        description:
          "Needs membership of every board in the portfolio (403 names the others): the document carries " +
          "every product demand's title. POST it to /api/portfolios/import to recreate the portfolio.",
        params: ZPortfolioIdParams,
        response: { 200: ZPortfolioExport, ...errors },
      },
    },
    async (request, reply) => {
      const document = await exportPortfolio(app.db, requireCaller(request).id, request.params.id);
      const day = document.exportedAt.slice(0, 10);
      void reply.header(
        "content-disposition",
        `attachment; filename="${document.businessBoard.board.key}-portfolio-${day}.tideway.json"`,
      );
      return document;
    },
  );

  app.post(
    "/api/portfolios/import",
    {
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ["portfolios"],
        summary:
          "Create a new portfolio and its boards from an export, parent links remapped (the caller is admin)",
        description:
          "The body is what GET /api/portfolios/:id/export returned. `keySuffix` is appended to every board's " +
          "key so a copy can sit next to its original; a taken key is 409 and nothing is imported.",
        querystring: ZImportPortfolioQuery,
        body: ZPortfolioExport,
        response: { 201: ZImportPortfolioResult, ...importErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await importPortfolio(app.db, requireCaller(request).id, request.body, request.query)),
  );

  app.put(
    "/api/portfolios/:id/boards/:boardId",
    {
      schema: {
        tags: ["portfolios"],
        summary: "Add a team board (an admin of both the portfolio and the board); a board is in at most one",
        params: ZPortfolioBoardParams,
        response: { 200: ZPortfolio, ...errors },
      },
    },
    async (request) =>
      addPortfolioBoard(deps, requireCaller(request).id, request.params.id, request.params.boardId),
  );

  app.delete(
    "/api/portfolios/:id/boards/:boardId",
    {
      schema: {
        tags: ["portfolios"],
        summary: "Take a team board out (an admin of the portfolio or of the board)",
        params: ZPortfolioBoardParams,
        response: { 200: ZPortfolio, ...errors },
      },
    },
    async (request) =>
      removePortfolioBoard(deps, requireCaller(request).id, request.params.id, request.params.boardId),
  );

  app.get(
    "/api/portfolios/:id/metrics",
    {
      schema: {
        tags: ["portfolios", "metrics"],
        summary: "2-1-1 figures per team, for the organisation and for business demands",
        description:
          "Each summary is nearest-rank over the union of the demands it covers, never an average of the " +
          "teams' percentiles. Durations in seconds; each metric selects by its own end event within [from, to).",
        params: ZPortfolioIdParams,
        querystring: ZPortfolioMetricsQuery,
        response: { 200: ZPortfolioMetrics, ...errors },
      },
    },
    async (request) =>
      getPortfolioMetrics(app.db, requireCaller(request).id, request.params.id, request.query),
  );

  app.post(
    "/api/demands/:id/children",
    {
      schema: {
        tags: ["portfolios", "demands"],
        summary: "Split a business demand: a product demand on a team board of its portfolio",
        params: ZDemandIdParams,
        body: ZCreateChildBody,
        response: { 201: ZDemandChange, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createChildDemand(deps, requireCaller(request).id, request.params.id, request.body)),
  );

  app.get(
    "/api/boards/:boardId/children",
    {
      schema: {
        tags: ["portfolios"],
        summary: "Progress of the board's business demands: their children on the team boards",
        description:
          "Keys and titles of children only on team boards the caller is a member of; elsewhere the counts.",
        params: ZBoardIdParams,
        response: { 200: ZBoardChildren, ...errors },
      },
    },
    async (request) => listBoardChildren(app.db, requireCaller(request).id, request.params.boardId),
  );
};
