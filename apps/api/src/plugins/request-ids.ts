import { randomUUID } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";
import fastifyPlugin from "fastify-plugin";

export const REQUEST_ID_HEADER = "x-request-id";
// What a proxy's or a client's id may look like to be kept (it lands in every log line).
const ACCEPTED_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives every request an id that its JSON log lines carry (`reqId`) and its
 * response returns in X-Request-Id: the caller's or proxy's own when it sent a
 * sane one, so one id follows a request across the proxy and all API
 * processes, otherwise a new UUID (Fastify's default "req-1" repeats across
 * processes and restarts). Register it before the routes.
 */
const requestIds: FastifyPluginAsync = async (app) => {
  app.setGenReqId((request) => {
    const sent = request.headers[REQUEST_ID_HEADER];
    return typeof sent === "string" && ACCEPTED_REQUEST_ID.test(sent) ? sent : randomUUID();
  });
  app.addHook("onRequest", async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
};

export const requestIdsPlugin = fastifyPlugin(requestIds, { name: "tideway-request-ids" });
