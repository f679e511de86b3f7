import type { TBoard } from "@tideway/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { addDemand } from "./helpers/demands";
import { type Client, createClient } from "./helpers/session";
import { testConfig, useTestApp } from "./test-app";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";

/** The value of one sample line of the Prometheus text format, or undefined when absent. */
function sampleValue(exposition: string, sample: string): number | undefined {
  const line = exposition.split("\n").find((candidate) => candidate.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

describe("operations: health probes, request ids and Prometheus metrics", () => {
  const ctx = useTestApp({ config: { metricsToken: METRICS_TOKEN } });
  let lead: Client;

  beforeAll(async () => {
    lead = await createClient(ctx.app, "ops");
  });

  const scrape = async () => {
    const response = await ctx.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  /** A board with a one-card hard WIP limit on Doing, and two demands in its first stage. */
  async function boardWithFullDoing(): Promise<{ board: TBoard; demandIds: string[] }> {
    const response = await lead.request({
      method: "POST",
      url: "/api/boards",
      payload: {
        name: "Ops",
        key: `OPS${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
        template: "empty",
      },
    });
    const board = response.json() as TBoard;
    const doing = board.stages.find((stage) => stage.name === "Doing");
    await ctx.db.stage.update({ where: { id: doing?.id }, data: { wipLimit: 1, wipPolicy: "hard" } });
    const first = await addDemand(lead, board);
    const second = await addDemand(lead, board);
    return { board, demandIds: [first.id, second.id] };
  }

  it("answers liveness, and readiness with the database up and no pending migration", async () => {
    const live = await ctx.app.inject({ method: "GET", url: "/api/health/live" });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: "ok" });

    const ready = await ctx.app.inject({ method: "GET", url: "/api/health/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", db: "up", pendingMigrations: [] });
  });

  it("reports not ready, naming the migration, while one shipped migration is not applied", async () => {
    const [latest] = await ctx.db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    const name = latest?.migration_name as string;
    await ctx.db
      .$executeRaw`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = ${name}`;
    try {
      const ready = await ctx.app.inject({ method: "GET", url: "/api/health/ready" });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: "not_ready", db: "up", pendingMigrations: [name] });
      // Liveness stays up: restarting the process would not apply the migration.
      expect((await ctx.app.inject({ method: "GET", url: "/api/health/live" })).statusCode).toBe(200);
    } finally {
      await ctx.db
        .$executeRaw`UPDATE "_prisma_migrations" SET finished_at = now() WHERE migration_name = ${name}`;
    }
  });

  it("gives every response a request id, keeping a sane one the caller sent and replacing any other", async () => {
    const fresh = await ctx.app.inject({ method: "GET", url: "/api/health/live" });
    expect(fresh.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const again = await ctx.app.inject({ method: "GET", url: "/api/health/live" });
    expect(again.headers["x-request-id"]).not.toBe(fresh.headers["x-request-id"]);

    const kept = await ctx.app.inject({
      method: "GET",
      url: "/api/health/live",
      headers: { "x-request-id": "proxy-7f3a.1" },
    });
    expect(kept.headers["x-request-id"]).toBe("proxy-7f3a.1");
    const replaced = await ctx.app.inject({
      method: "GET",
      url: "/api/health/live",
      headers: { "x-request-id": "two words\nand a line break" },
    });
    expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses /metrics without the token or with a wrong one, with a JSON error saying what to send", async () => {
    const none = await ctx.app.inject({ method: "GET", url: "/metrics" });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({
      code: "UNAUTHENTICATED",
      message: expect.stringContaining("METRICS_TOKEN"),
    });
    const wrong = await ctx.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: "Bearer not-the-token-at-all" },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it("counts moves, WIP refusals and HTTP latency by route pattern, and shows pool use, sockets and event-loop lag", async () => {
    const { board, demandIds } = await boardWithFullDoing();
    const doing = board.stages.find((stage) => stage.name === "Doing");
    const before = await scrape();
    const movesBefore = sampleValue(before, "tideway_moves_total") ?? 0;
    const refusalsBefore = sampleValue(before, "tideway_wip_refusals_total") ?? 0;

    const moved = await lead.request({
      method: "POST",
      url: `/api/demands/${demandIds[0]}/move`,
      payload: { toStageId: doing?.id },
    });
    expect(moved.statusCode).toBe(200);
    const refused = await lead.request({
      method: "POST",
      url: `/api/demands/${demandIds[1]}/move`,
      payload: { toStageId: doing?.id },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "WIP_LIMIT_REACHED" });

    const after = await scrape();
    expect(sampleValue(after, "tideway_moves_total")).toBe(movesBefore + 1);
    expect(sampleValue(after, "tideway_wip_refusals_total")).toBe(refusalsBefore + 1);
    const moveRoute = 'route="/api/demands/:id/move"';
    expect(
      sampleValue(
        after,
        `tideway_http_request_duration_seconds_count{method="POST",${moveRoute},status_code="200"}`,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sampleValue(
        after,
        `tideway_http_request_duration_seconds_count{method="POST",${moveRoute},status_code="409"}`,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after, "tideway_socket_clients")).toBe(0);
    expect(sampleValue(after, 'tideway_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(0);
    expect(sampleValue(after, "tideway_db_pool_max_connections")).toBe(10);
    expect(sampleValue(after, "nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0);
  });

  it("keeps /metrics off, with a JSON error saying how to turn it on, when no METRICS_TOKEN is set", async () => {
    const app = await buildApp({ config: testConfig({ metricsToken: undefined }), db: ctx.db });
    try {
      const off = await app.inject({
        method: "GET",
        url: "/metrics",
        headers: { authorization: "Bearer x" },
      });
      expect(off.statusCode).toBe(403);
      expect(off.json()).toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringContaining("set METRICS_TOKEN"),
      });
    } finally {
      await app.close();
    }
  });
});
