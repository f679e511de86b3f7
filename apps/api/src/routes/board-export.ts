import type { IncomingMessage } from "node:http";
import {
  ErrorCode,
  ZBoardExport,
  ZBoardIdParams,
  ZErrorBody,
  ZImportBoardQuery,
  ZImportBoardResult,
} from "@tideway/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { validatorCompiler } from "fastify-type-provider-zod";
import { AppError } from "../errors/app-error";
import { requireCaller } from "../plugins/authenticate";
import { exportBoard } from "../services/board-export/export-board";
import { importBoardStream } from "../services/board-export/import-board-stream";
import { bodyTooLarge } from "../services/board-export/read-board-export";
import { importsPerUser } from "../services/per-user-limit";

/**
 * Room for a large board's export on this route only (1 MiB elsewhere).
 * Measured (npm run bench:board-export): an export takes about 500 bytes per
 * transition all in (demands and code events included), so a busy team's
 * board after two years (5,000 demands, 50,000 transitions) is about 25 MB,
 * and 100 MiB carries some 200,000 transitions, four times that. The body
 * is read as a stream and written as it is read
 * (services/board-export/import-board-stream.ts): parsed, validated and
 * written a batch of items at a time inside one transaction, so the server
 * never holds the body nor the document, and other requests are answered
 * between batches (figures in bench/board-import-memory.ts). One import per
 * user runs at a time, its reading included (services/per-user-limit.ts);
 * larger installs move with `npm run backup`.
 */
export const IMPORT_BODY_LIMIT_BYTES = 100 * 1024 * 1024;

function missingExport(): AppError {
  const problem =
    "is missing: POST the document GET /api/boards/:boardId/export wrote, with Content-Type: application/json";
  return new AppError(ErrorCode.VALIDATION_FAILED, `body ${problem}`, {
    issues: [{ field: "body", message: problem }],
  });
}

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
  // JSON in this plugin (the import; the export has no body) is left unread here: the import reads
  // the stream itself, as it writes, inside the per-user limit.
  app.addContentTypeParser("application/json", async (request: FastifyRequest, payload: IncomingMessage) => {
    requireCaller(request);
    if (Number(request.headers["content-length"] ?? 0) > IMPORT_BODY_LIMIT_BYTES) {
      throw bodyTooLarge(IMPORT_BODY_LIMIT_BYTES);
    }
    return { stream: payload };
  });

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
      // The import checks the body item by item as it reads it (ZBoardExport's rules) and for storability.
      config: { bodyCheckedWhileRead: true },
      // A request without a JSON body never reaches that parser: it is refused here (Fastify
      // hands a validator null for a missing body).
      validatorCompiler: (route) =>
        route.httpPart === "body"
          ? (body) => (body == null ? { error: missingExport() } : { value: body })
          : validatorCompiler(route as never),
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
      // The parser above handed over the unread body (the schema documents what it carries).
      const { stream } = request.body as unknown as { stream: IncomingMessage };
      try {
        const result = await importsPerUser.run(caller.id, () =>
          importBoardStream(app.db, caller.id, stream, request.query, IMPORT_BODY_LIMIT_BYTES),
        );
        return reply.status(201).send(result);
      } catch (error) {
        // Refused before the body was read to its end (too large, not JSON, one import at a time):
        // the connection closes after the answer rather than take in the rest of an upload.
        if (!stream.complete) void reply.header("connection", "close");
        throw error;
      }
    },
  );
};
