import {
  ZBoardExport,
  ZBoardIdParams,
  ZErrorBody,
  ZImportBoardQuery,
  ZImportBoardResult,
} from "@tideway/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaller } from "../plugins/authenticate";
import { exportBoard } from "../services/board-export/export-board";
import { importBoard } from "../services/board-export/import-board";
import { importsPerUser } from "../services/per-user-limit";

/**
 * Room for a large board's export on this route only (1 MiB elsewhere).
 * Measured (npm run bench:board-export): an export takes about 500 bytes per
 * transition all in (demands and code events included), so a busy team's
 * board after two years (5,000 demands, 50,000 transitions) is about 25 MB,
 * and 100 MiB carries some 200,000 transitions, four times that. For a
 * 50 MB export (100,000 transitions) on this 2-core machine: parsing and
 * validating took 1.2 s and the whole import 17 s at a load of 3 (9 s and
 * 59 s at a load of 10), so 100 MiB stays well inside the import's 300 s
 * transaction limit; the parsed document costs several hundred MB of
 * memory while it is imported, which one import at a time can
 * afford. Larger installs move with `npm run backup` instead.
 */
const IMPORT_BODY_LIMIT_BYTES = 100 * 1024 * 1024;

const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  413: ZErrorBody,
  429: ZErrorBody,
};

export const boardExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/boards/:boardId/export",
    {
      schema: {
        tags: ["boards"],
        summary: "The board as a JSON document: settings, demands, the full transition log, code events",
        description:
          "Any member may export. The document (formatVersion 1) holds no secrets, tokens or emails; " +
          "POST it to /api/boards/import to recreate the board with identical metrics.",
        params: ZBoardIdParams,
        response: { 200: ZBoardExport, ...errors },
      },
    },
    async (request, reply) => {
      const document = await exportBoard(app.db, requireCaller(request).id, request.params.boardId);
      const day = document.exportedAt.slice(0, 10);
      void reply.header(
        "content-disposition",
        `attachment; filename="${document.board.key}-${day}.tideway.json"`,
      );
      return document;
    },
  );

  app.post(
    "/api/boards/import",
    {
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ["boards"],
        summary: "Create a new board from an export, keeping every timestamp (the caller becomes its admin)",
        description:
          "The body is the document GET /api/boards/:boardId/export returned. `key` and `name` in the query " +
          "override the exported ones, so a board can be imported next to its original; a taken key is 409.",
        querystring: ZImportBoardQuery,
        body: ZBoardExport,
        response: { 201: ZImportBoardResult, ...errors },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const result = await importsPerUser.run(caller.id, () =>
        importBoard(app.db, caller.id, request.body, request.query),
      );
      return reply.status(201).send(result);
    },
  );
};
