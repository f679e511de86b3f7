import { createHash, timingSafeEqual } from "node:crypto";
import { ErrorCode } from "@tideway/contracts";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import fastifyPlugin from "fastify-plugin";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { connectionPoolOf } from "../db/prisma";
import { AppError } from "../errors/app-error";
import type { BoardEventSink } from "../services/board-events";
import type { RealtimeServer } from "./realtime";

export const METRICS_PATH = "/metrics";
const HTTP_SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface PrometheusMetricsOptions {
  /** The socket.io server whose connected clients are counted. */
  io: RealtimeServer;
}

/**
 * Prometheus metrics for operators at `GET /metrics`, behind the bearer token
 * METRICS_TOKEN (off without one): HTTP latency by route, moves, WIP refusals,
 * socket.io clients, database pool use, and Node's own (event-loop lag, memory,
 * GC) from prom-client. Each app has its own registry, so several apps in one
 * process (the tests) do not collide. Register it before the routes: it wraps
 * `app.boardEvents` to count moves where every move, by a person or a release,
 * is announced.
 */
const prometheusMetrics: FastifyPluginAsync<PrometheusMetricsOptions> = async (app, { io }) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const httpDuration = new Histogram({
    name: "tideway_http_request_duration_seconds",
    help: "HTTP request latency by method, route pattern and status code",
    labelNames: ["method", "route", "status_code"] as const,
    buckets: HTTP_SECONDS_BUCKETS,
    registers: [registry],
  });
  const moves = new Counter({
    name: "tideway_moves_total",
    help: "Demands moved to another stage or lane",
    registers: [registry],
  });
  const wipRefusals = new Counter({
    name: "tideway_wip_refusals_total",
    help: "Moves refused because a hard WIP limit was reached",
    registers: [registry],
  });
  new Gauge({
    name: "tideway_socket_clients",
    help: "socket.io clients connected to this process",
    registers: [registry],
    collect() {
      this.set(io.engine.clientsCount);
    },
  });
  const pool = connectionPoolOf(app.db);
  new Gauge({
    name: "tideway_db_pool_connections",
    help: "This process's PostgreSQL connections by state (in_use, idle), and requests waiting for one",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      if (!pool) return;
      this.set({ state: "in_use" }, pool.totalCount - pool.idleCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });
  if (pool) {
    new Gauge({
      name: "tideway_db_pool_max_connections",
      help: "The most PostgreSQL connections this process opens",
      registers: [registry],
    }).set(pool.options.max ?? 10);
  }

  app.boardEvents = countingMoves(app.boardEvents, () => moves.inc());

  app.addHook("onError", async (_request, _reply, error) => {
    if (error instanceof AppError && error.code === ErrorCode.WIP_LIMIT_REACHED) wipRefusals.inc();
  });
  app.addHook("onResponse", async (request, reply) => {
    httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? "(no route)",
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  const token = app.config.metricsToken;
  app.get(
    METRICS_PATH,
    {
      schema: { hide: true },
      // Its bearer token is the metrics token, not a person's API token: skip the sign-in check.
      config: { signatureOnly: true },
      onRequest: async (request) => requireMetricsToken(request, token),
    },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  );
};

function countingMoves(sink: BoardEventSink, countMove: () => void): BoardEventSink {
  return {
    publish(event) {
      if (event.type === "demand.moved") countMove();
      sink.publish(event);
    },
    evict: (boardId, userId) => sink.evict(boardId, userId),
  };
}

function requireMetricsToken(request: FastifyRequest, token: string | undefined): void {
  if (!token) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      "Metrics are off on this server: set METRICS_TOKEN and send it as 'Authorization: Bearer <token>'.",
    );
  }
  const sent = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
  if (!timingSafeEqual(sha256(sent), sha256(token))) {
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      "Send the METRICS_TOKEN as 'Authorization: Bearer <token>'.",
    );
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest();

export const prometheusMetricsPlugin = fastifyPlugin(prometheusMetrics, {
  name: "tideway-prometheus-metrics",
});
