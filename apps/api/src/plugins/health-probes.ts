import { ZLiveness, ZReadiness } from "@tideway/contracts";
import fastifyPlugin from "fastify-plugin";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { readMigrations } from "../db/migrate";
import { checkHealth } from "../services/check-health";

/** Liveness and readiness probes for orchestrators (Kubernetes, Docker's HEALTHCHECK, load balancers). */
const healthProbes: FastifyPluginAsyncZod = async (app) => {
  // The migrations shipped with this build; they do not change while it runs.
  const shipped = (await readMigrations(app.config.migrationsDir)).map((migration) => migration.name);

  app.get(
    "/api/health/live",
    {
      schema: {
        tags: ["system"],
        summary: "Liveness: the process answers HTTP (restart it if not)",
        response: { 200: ZLiveness },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/api/health/ready",
    {
      schema: {
        tags: ["system"],
        summary:
          "Readiness: the database is reachable and every migration is applied (send no traffic if not)",
        response: { 200: ZReadiness, 503: ZReadiness },
      },
    },
    async (_request, reply) => {
      const health = await checkHealth(app.db);
      const applied = new Set(health.migrations);
      const pendingMigrations = shipped.filter((name) => !applied.has(name));
      const ready = health.db === "up" && pendingMigrations.length === 0;
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? "ready" : "not_ready", db: health.db, pendingMigrations });
    },
  );
};

export const healthProbesPlugin = fastifyPlugin(healthProbes, { name: "tideway-health-probes" });
