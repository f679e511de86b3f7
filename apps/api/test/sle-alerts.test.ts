import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  TAlertWebhookSettings,
  TBoard,
  TNotification,
  TNotificationList,
  TSleAlertWebhookPayload,
} from "@tideway/contracts";
import { DAY, SECONDS_PER_DAY } from "@tideway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import {
  deliverAlertWebhook,
  type WebhookDeliveryOptions,
} from "../src/services/insights/deliver-alert-webhook";
import { type SleSweepDeps, sweepSleAlerts } from "../src/services/insights/sweep-sle-alerts";
import {
  boardFlowCacheStats,
  cachedBoardHistory,
  MAX_CACHED_BOARDS,
} from "../src/services/metrics/board-flow-cache";
import { createBoard } from "./helpers/board";
import { seedFlowLog } from "./helpers/flow-log";
import { type Client, createClient } from "./helpers/session";
import { connectSocket } from "./helpers/socket";
import { testConfig, useTestApp } from "./test-app";

const T0 = Date.parse("2026-03-02T00:00:00Z");
const NOW = new Date(T0 + 40 * DAY);
/** Quick retries, and the local receiver let through the private-address guard. */
const WEBHOOK: WebhookDeliveryOptions = {
  timeoutMs: 2_000,
  attempts: 3,
  retryDelayMs: 10,
  allowedAddresses: ["127.0.0.1"],
};

/**
 * Delivered in the 30 days before day 40 after 2, 4, 6, 8 and 10 days:
 * nearest-rank p50 = 6 days, p85 = 10 days. At day 40, in progress:
 *   Past50: committed day 33, age 7 days: past p50 only.
 *   Past85: committed day 28, age 12 days: past p85.
 *   Young: committed day 38, 2 days. Shelved: past p85 but archived.
 *   Idea: still in Selection (never committed).
 */
const PATHS = {
  D2: [
    ["Design", 20],
    ["Done", 22],
  ],
  D4: [
    ["Design", 20],
    ["Done", 24],
  ],
  D6: [
    ["Design", 20],
    ["Done", 26],
  ],
  D8: [
    ["Design", 20],
    ["Development", 21],
    ["Done", 28],
  ],
  D10: [
    ["Design", 20],
    ["Done", 30],
  ],
  Past50: [
    ["Selection", 30],
    ["Design", 33],
    ["Development", 35],
  ],
  Past85: [
    ["Design", 28],
    ["Testing", 31],
  ],
  Young: [["Design", 38]],
  Shelved: [
    ["Design", 20],
    ["archived", 25],
  ],
  Idea: [["Selection", 0]],
} as const;

describe("SLE alerts", () => {
  const ctx = useTestApp();
  let lead: Client;
  let coLead: Client;
  let member: Client;
  let board: TBoard;
  let ids: Map<string, string>;
  let deps: SleSweepDeps;
  const pushed: { userId: string; notification: TNotification }[] = [];

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
    coLead = await createClient(ctx.app, "co-lead");
    member = await createClient(ctx.app, "member");
    board = await createBoard(lead, "SLE fixture");
    await ctx.db.boardMember.createMany({
      data: [
        { boardId: board.id, userId: coLead.userId, role: "admin" },
        { boardId: board.id, userId: member.userId, role: "member" },
      ],
    });
    ids = await seedFlowLog(ctx.db, board, T0, PATHS);
    deps = {
      db: ctx.db,
      log: ctx.app.log,
      users: { notify: (userId, notification) => pushed.push({ userId, notification }) },
      webhook: WEBHOOK,
    };
  });

  const notificationsOf = async (client: Client) => {
    const response = await client.request({ method: "GET", url: "/api/notifications" });
    expect(response.statusCode).toBe(200);
    return response.json() as TNotificationList;
  };

  it("notifies each board admin once per crossing: past p50 for one demand, past p85 for another", async () => {
    // Two processes sweeping at the same moment, then a sweep after a restart: one alert per crossing.
    const [first, second] = await Promise.all([sweepSleAlerts(deps, NOW), sweepSleAlerts(deps, NOW)]);
    const again = await sweepSleAlerts(deps, new Date(NOW.getTime() + 60_000));
    expect(first.alerts + second.alerts).toBe(2);
    expect(again.alerts).toBe(0);

    const alerts = await ctx.db.sleAlert.findMany({ where: { boardId: board.id } });
    expect(
      alerts
        .map((a) => [
          a.demandId,
          a.threshold,
          a.ageSeconds / SECONDS_PER_DAY,
          a.thresholdSeconds / SECONDS_PER_DAY,
        ])
        .sort(),
    ).toEqual(
      [
        [ids.get("Past50"), "p50", 7, 6],
        [ids.get("Past85"), "p85", 12, 10],
      ].sort(),
    );

    for (const admin of [lead, coLead]) {
      const list = await notificationsOf(admin);
      expect(list.unread).toBe(2);
      expect(
        list.notifications.map((n) => [n.demandTitle, n.kind === "sle" ? n.threshold : n.kind]).sort(),
      ).toEqual([
        ["Past50", "p50"],
        ["Past85", "p85"],
      ]);
      expect(
        list.notifications.every((n) => n.boardId === board.id && n.demandKey.startsWith(board.key)),
      ).toBe(true);
      // The thresholds rest on five deliveries: a small sample, which the bell says next to them.
      expect(list.notifications.map((n) => (n.kind === "sle" ? n.sampleSize : null))).toEqual([5, 5]);
    }
    expect((await notificationsOf(member)).notifications).toEqual([]);
    // Pushed live to each admin once per notification.
    expect(pushed.map((p) => `${p.userId}:${p.notification.demandTitle}`).sort()).toEqual(
      [
        `${lead.userId}:Past50`,
        `${lead.userId}:Past85`,
        `${coLead.userId}:Past50`,
        `${coLead.userId}:Past85`,
      ].sort(),
    );
  });

  it("alerts again when a demand past p50 goes on to pass p85", async () => {
    const later = await sweepSleAlerts(deps, new Date(T0 + 44 * DAY));
    expect(later.alerts).toBe(1);
    const list = await notificationsOf(lead);
    expect(list.notifications[0]).toMatchObject({ demandTitle: "Past50", threshold: "p85" });
    expect(list.unread).toBe(3);
  });

  it("marks notifications read, only the caller's", async () => {
    const before = await notificationsOf(lead);
    const first = before.notifications[0] as TNotification;
    const foreign = await coLead.request({
      method: "POST",
      url: "/api/notifications/read",
      payload: { ids: [first.id] },
    });
    expect((foreign.json() as TNotificationList).unread).toBe(3);
    const marked = await lead.request({
      method: "POST",
      url: "/api/notifications/read",
      payload: { ids: [first.id] },
    });
    expect((marked.json() as TNotificationList).unread).toBe(2);
    const all = await lead.request({ method: "POST", url: "/api/notifications/read", payload: {} });
    expect((all.json() as TNotificationList).unread).toBe(0);
    expect((await notificationsOf(coLead)).unread).toBe(3);
    const bad = await lead.request({
      method: "POST",
      url: "/api/notifications/read",
      payload: { ids: ["nope"] },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("pushes a new notification to the admin's open socket", async () => {
    const baseUrl = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    const socket = await connectSocket(baseUrl, lead.cookie);
    try {
      const received = new Promise<TNotification>((resolve) => socket.once("notification:new", resolve));
      const fresh = await seedFlowLog(ctx.db, board, T0, { Late: [["Design", 29]] });
      const sweep = await sweepSleAlerts({ ...deps, users: ctx.app.userEvents }, NOW);
      expect(sweep.alerts).toBe(1);
      await expect(received).resolves.toMatchObject({ demandId: fresh.get("Late"), threshold: "p85" });
    } finally {
      socket.disconnect();
    }
  });

  it("sweeps with the history cache full without pushing out the boards people have open", async () => {
    const open: string[] = [];
    for (let i = 0; i < MAX_CACHED_BOARDS; i++) {
      const other = await createBoard(lead, `Open ${i}`);
      await cachedBoardHistory(ctx.db, other.id);
      open.push(other.id);
    }
    expect(await boardFlowCacheStats(board.id)).toBeNull();

    await sweepSleAlerts(deps, new Date(NOW.getTime() + 120_000));
    expect(await boardFlowCacheStats(board.id)).toBeNull();
    for (const boardId of open) expect(await boardFlowCacheStats(boardId)).not.toBeNull();
  });
});

describe("SLE alert webhook", () => {
  const ctx = useTestApp();
  let lead: Client;
  let board: TBoard;
  let receiver: Server;
  let receiverUrl: string;
  const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
    board = await createBoard(lead, "Webhook fixture");
    await seedFlowLog(ctx.db, board, T0, PATHS);
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        if (failuresLeft > 0) {
          failuresLeft--;
          response.writeHead(503).end();
          return;
        }
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tideway-alerts`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  const put = (client: Client, url: unknown) =>
    client.request({ method: "PUT", url: `/api/boards/${board.id}/alert-webhook`, payload: { url } });

  /** What a sweep needs here: in-app pushes dropped (this block checks the webhook), `webhook` overriding WEBHOOK. */
  const webhookSweepDeps = (webhook: Partial<WebhookDeliveryOptions> = {}): SleSweepDeps => ({
    db: ctx.db,
    log: ctx.app.log,
    users: { notify: () => {} },
    webhook: { ...WEBHOOK, ...webhook },
  });

  it("accepts only an http(s) URL from a board admin", async () => {
    const ftp = await put(lead, "ftp://example.test/x");
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json()).toMatchObject({ code: "VALIDATION_FAILED" });
    expect((await put(lead, "not a url")).statusCode).toBe(400);
    const stranger = await createClient(ctx.app, "stranger");
    expect((await put(stranger, receiverUrl)).statusCode).toBe(404);
    const viewer = await createClient(ctx.app, "viewer");
    await ctx.db.boardMember.create({ data: { boardId: board.id, userId: viewer.userId, role: "viewer" } });
    expect((await put(viewer, receiverUrl)).statusCode).toBe(403);
    const stored = await ctx.db.board.findUniqueOrThrow({ where: { id: board.id } });
    expect((stored.settings as Record<string, unknown>).alertWebhook).toBeUndefined();
  });

  it("POSTs each alert once, signed with HMAC-SHA256, retrying a failed delivery", async () => {
    const set = await put(lead, receiverUrl);
    expect(set.statusCode).toBe(200);
    const { secret } = set.json() as TAlertWebhookSettings;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);

    failuresLeft = 1;
    const deps = webhookSweepDeps();
    const sweep = await sweepSleAlerts(deps, NOW);
    const outcomes = await Promise.all(sweep.webhooks);
    expect(outcomes).toHaveLength(2);
    await sweepSleAlerts(deps, NOW);

    expect(received).toHaveLength(2);
    const payloads = received.map(({ headers, body }) => {
      const expected = `sha256=${createHmac("sha256", secret as string)
        .update(body)
        .digest("hex")}`;
      expect(headers["x-tideway-signature"]).toBe(expected);
      expect(headers["content-type"]).toBe("application/json");
      return JSON.parse(body) as { type: string; threshold: string; demandTitle: string; age: number };
    });
    expect(payloads.map((p) => [p.type, p.demandTitle, p.threshold, p.age / SECONDS_PER_DAY]).sort()).toEqual(
      [
        ["sle.crossed", "Past50", "p50", 7],
        ["sle.crossed", "Past85", "p85", 12],
      ],
    );
  });

  it("never calls a private or loopback address unless ALERT_WEBHOOK_ALLOWED_ADDRESSES lets it", async () => {
    const target = { url: receiverUrl, secret: "s" };
    const payload: TSleAlertWebhookPayload = {
      type: "sle.crossed",
      alertId: randomUUID(),
      crossedAt: new Date(NOW).toISOString(),
      boardId: board.id,
      demandId: randomUUID(),
      demandKey: "SLE-1",
      demandTitle: "Guarded",
      threshold: "p85",
      age: 12 * SECONDS_PER_DAY,
      thresholdAge: 10 * SECONDS_PER_DAY,
    };
    const byName = { ...target, url: receiverUrl.replace("127.0.0.1", "localhost") };
    const options = { timeoutMs: 1_000, attempts: 1, retryDelayMs: 10 };
    const before = received.length;

    const metadata = { url: "http://169.254.169.254/latest/meta-data/", secret: "s" };
    for (const refused of [target, byName, metadata]) {
      const outcome = await deliverAlertWebhook(refused, payload, { ...options, allowedAddresses: [] });
      expect(outcome).toMatchObject({ delivered: false, last: expect.stringMatching(/not allowed/) });
    }
    expect(received.length).toBe(before);

    const allowed = await deliverAlertWebhook(byName, payload, {
      ...options,
      allowedAddresses: ["127.0.0.0/8"],
    });
    expect(allowed).toMatchObject({ delivered: true, last: 204 });
    expect(received.length).toBe(before + 1);
    expect(loadConfig({ ALERT_WEBHOOK_ALLOWED_ADDRESSES: " 10.0.0.0/8, 127.0.0.1 ," })).toMatchObject({
      alertWebhookAllowedAddresses: ["10.0.0.0/8", "127.0.0.1"],
    });
  });

  it("logs an undeliverable alert without failing the sweep", async () => {
    await put(lead, "http://127.0.0.1:9/unreachable");
    await seedFlowLog(ctx.db, board, T0, { Stuck: [["Design", 29]] });
    const sweep = await sweepSleAlerts(webhookSweepDeps({ timeoutMs: 500, attempts: 2 }), NOW);
    expect(sweep.alerts).toBe(1);
    await expect(Promise.all(sweep.webhooks)).resolves.toMatchObject([{ delivered: false, attempts: 2 }]);
  });
});

describe("SLE alert sweep in the running API", () => {
  const ctx = useTestApp();

  it("sweeps on its interval and, restarted, notifies nothing twice", async () => {
    const lead = await createClient(ctx.app, "lead");
    const board = await createBoard(lead, "Sweep fixture");
    // Relative to now, since the running sweep uses the clock.
    const start40DaysAgo = Date.now() - 40 * DAY;
    await seedFlowLog(ctx.db, board, start40DaysAgo, PATHS);
    // The sweep runs in a server that listens (it starts then, not when the app is built).
    const start = async () => {
      const app = await buildApp({ config: testConfig({ sleSweepIntervalMs: 100 }), db: ctx.db });
      await app.listen({ port: 0, host: "127.0.0.1" });
      return app;
    };
    const count = () => ctx.db.notification.count({ where: { userId: lead.userId } });
    // Waits for the sweep's write itself (vitest polls the count), not for a span of time.
    const untilNotified = (expected: number) =>
      expect.poll(count, { timeout: 10_000 }).toBeGreaterThanOrEqual(expected);

    const first = await start();
    try {
      await untilNotified(2);
      expect(await count()).toBe(2);
    } finally {
      await first.close();
    }
    const restarted = await start();
    try {
      // The barrier: a demand newly past the p85 is alerted by a sweep of the restarted app, and
      // that sweep writes all of the board's new alerts in one transaction; had it repeated the
      // two old ones, they would be there with the new one.
      await seedFlowLog(ctx.db, board, start40DaysAgo, { Latecomer: [["Design", 27]] });
      await untilNotified(3);
      expect(await ctx.db.sleAlert.count({ where: { boardId: board.id } })).toBe(3);
      expect(await count()).toBe(3);
    } finally {
      await restarted.close();
    }
  });
});
