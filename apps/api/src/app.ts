import { setImmediate } from "node:timers/promises";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { Config } from "./config";
import type { Db } from "./db/prisma";
import { createMailer } from "./mail/mailer";
import { authenticate } from "./plugins/authenticate";
import { installErrorHandler } from "./plugins/error-handler";
import { healthProbesPlugin } from "./plugins/health-probes";
import { prometheusMetricsPlugin } from "./plugins/prometheus-metrics";
import { attachRealtime } from "./plugins/realtime";
import { requestIdsPlugin } from "./plugins/request-ids";
import { securityHeadersPlugin } from "./plugins/security-headers";
import { startSleSweep } from "./plugins/sle-sweep";
import { storableInput } from "./plugins/storable-input";
import { authRoutes } from "./routes/auth";
import { boardExportRoutes } from "./routes/board-export";
import { boardRoutes } from "./routes/boards";
import { demandImportRoutes } from "./routes/demand-import";
import { demandRecordRoutes } from "./routes/demand-record";
import { demandRoutes } from "./routes/demands";
import { forecastRoutes } from "./routes/forecasts";
import { healthRoutes } from "./routes/health";
import { hookRoutes } from "./routes/hooks";
import { insightRoutes } from "./routes/insights";
import { metricsRoutes } from "./routes/metrics";
import { oidcRoutes } from "./routes/oidc";
import { pipelineSettingsRoutes } from "./routes/pipeline-settings";
import { portfolioRoutes } from "./routes/portfolios";
import { settingsRoutes } from "./routes/settings";
import { withPortfolioEvents } from "./services/portfolios/portfolio-events";
import { serveWebApp } from "./web-app/serve-web-app";

/** Every route plugin, in the order they register. */
const ROUTE_PLUGINS = [
  healthRoutes,
  authRoutes,
  oidcRoutes,
  boardRoutes,
  boardExportRoutes,
  demandRoutes,
  demandRecordRoutes,
  demandImportRoutes,
  metricsRoutes,
  forecastRoutes,
  settingsRoutes,
  pipelineSettingsRoutes,
  hookRoutes,
  insightRoutes,
  portfolioRoutes,
];

export interface AppDeps {
  config: Config;
  db: Db;
  /** Set when other API processes may share the database (see plugins/realtime.ts). */
  sharedDatabaseUrl?: string | undefined;
}

const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds a ready Fastify instance; `server.ts` decides where it listens. */
export async function buildApp({ config, db, sharedDatabaseUrl }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    // Forwarded headers count only from the proxies TRUST_PROXY names (default: none).
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("db", db);
  app.decorate("config", config);
  installErrorHandler(app);
  const realtime = attachRealtime(app, { sharedDatabaseUrl });
  app.decorate("boardEvents", withPortfolioEvents(realtime.sink, db, app.log));
  app.decorate("userEvents", realtime.users);
  app.decorate("connections", realtime.connections);
  const mailer = createMailer(config, app.log);
  app.decorate("mailer", mailer);
  app.addHook("onClose", async () => mailer.close());
  // Operations: before everything else, so every route is measured and logged with its id.
  await app.register(requestIdsPlugin);
  await app.register(prometheusMetricsPlugin, { io: realtime.io });
  await app.register(healthProbesPlugin);

  await app.register(securityHeadersPlugin, { production: config.production });
  // Answers of 1 kB or more travel compressed (Brotli at quality 4, or gzip) to clients that
  // accept it; request bodies are read as before (no decompression of uploads).
  await app.register(fastifyCompress, { globalDecompression: false, threshold: 1024 });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(authenticate);
  await app.register(storableInput);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Tideway API",
        version: "1",
        description:
          "Value-stream Kanban board measuring the 2-1-1 delivery goal. Errors are `{ code, message, details? }`.",
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs/ui", staticCSP: true });
  app.get("/api/docs", { schema: { hide: true } }, async () => app.swagger());

  for (const routes of ROUTE_PLUGINS) {
    await app.register(routes);
    // A turn of the event loop between route plugins: `npm start` builds the app while the
    // database starts, and the database's round trips (its readiness, the app role, the
    // migrations check) wait for such turns, which plugins registering one after another in
    // microtasks never give (issue 20).
    await setImmediate();
  }

  serveWebApp(app, config.webDistDir);
  startSleSweep(app, config.sleSweepIntervalMs);
  await app.ready();
  return app;
}
