import { ZHealth } from "@tideway/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checkHealth } from "../services/check-health";

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["system"],
        summary: "Whether the API and its database are up, and which migrations are applied",
        response: { 200: ZHealth, 503: ZHealth },
      },
    },
    async (_request, reply) => {
      const health = await checkHealth(app.db);
      return reply.status(health.status === "ok" ? 200 : 503).send(health);
    },
  );
};
