import { ZBoardIdParams, ZDemandImportBody, ZDemandImportResult, ZErrorBody } from "@tideway/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaller } from "../plugins/authenticate";
import { importDemands } from "../services/demand-import/import-demands";
import { importsPerUser } from "../services/per-user-limit";

/**
 * A CSV of 5,000 demands (the most one import takes) with Jira's long
 * descriptions and a hundred columns runs to a few MB; 10 MiB leaves room
 * without letting one request hold much memory.
 */
const CSV_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export const demandImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // Scoped to this plugin: a CSV body is read as text and handed to the route as `{ csv }`.
  app.addContentTypeParser(["text/csv", "text/plain"], { parseAs: "string" }, (_request, body, done) => {
    done(null, { csv: body });
  });

  app.post(
    "/api/boards/:boardId/demands/import",
    {
      bodyLimit: CSV_BODY_LIMIT_BYTES,
      schema: {
        tags: ["demands"],
        summary: "Import demands from a CSV file (Tideway's columns or a Jira export), all or nothing",
        description:
          "Send the file with `Content-Type: text/csv`, or JSON `{ csv }`. Columns: title/Summary (required), " +
          "description, type/Issue Type, size/Story Points, stage/Status, lane, createdAt/Created, and Jira's " +
          "Issue key, Labels and Priority (kept in the description). Any bad row refuses the whole file: the 400 " +
          "reply's `details.problems` lists each problem's row, column, value and message. Members only.",
        params: ZBoardIdParams,
        body: ZDemandImportBody,
        response: {
          201: ZDemandImportResult,
          400: ZErrorBody,
          401: ZErrorBody,
          403: ZErrorBody,
          404: ZErrorBody,
          413: ZErrorBody,
          415: ZErrorBody,
          429: ZErrorBody,
        },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const result = await importsPerUser.run(caller.id, () =>
        importDemands(
          { db: app.db, events: app.boardEvents },
          caller.id,
          request.params.boardId,
          request.body.csv,
        ),
      );
      return reply.status(201).send(result);
    },
  );
};
