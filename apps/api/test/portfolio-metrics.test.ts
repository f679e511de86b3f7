import type { TBoard, TMetricTile, TPortfolioMetrics } from "@tideway/contracts";
import { SECONDS_PER_DAY } from "@tideway/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { createBoard, laneNamed, stageNamed } from "./helpers/board";
import { addTeamBoard, at, createPortfolio, teamPath } from "./helpers/portfolio";
import { type Client, createClient } from "./helpers/session";
import { logDemand } from "./helpers/transition-log";
import { useTestApp } from "./test-app";

const ctx = useTestApp();

/**
 * The worked example, by hand (seconds). Delivery = Done - Design,
 * development = Release - Development, release lead time (no pipeline
 * events) = Done - Release.
 *
 * Payments
 *   P1 Design 03-02 09:15:07, Dev 03-03 10:00, Release 03-05 12:30:45, Done 03-05 13:10:00
 *      delivery 3 d 3 h 54 min 53 s = 273293; development 2 d 2 h 30 min 45 s = 181845; release 39 min 15 s = 2355
 *   P2 Design 03-04 14:00, Dev 03-06 09:00, Release 03-12 16:20:10, Done 03-13 10:00
 *      delivery 8 d 20 h = 763200; development 6 d 7 h 20 min 10 s = 544810; release 17 h 39 min 50 s = 63590
 *   P3 Design 03-09 08:00, Dev 03-10 08:00, Release 03-20 08:00:01, Done 03-20 08:30:01
 *      delivery 11 d 30 min 1 s = 952201; development 10 d 1 s = 864001; release 30 min = 1800
 *   P4 Design 03-02 00:00, Dev 03-05 00:00, Release 03-18 06:00, Done 03-18 07:00
 *      delivery 16 d 7 h = 1407600; development 13 d 6 h = 1144800; release 1 h = 3600
 * Mobile
 *   M1 Design 03-03 10:00, Dev 03-03 12:00, Release 03-05 12:00, Done 03-05 12:45:30
 *      delivery 2 d 2 h 45 min 30 s = 182730; development 2 d = 172800; release 45 min 30 s = 2730
 *   M2 Design 03-10 09:00, Dev 03-11 09:00, Release 03-14 09:00, Done 03-14 09:20
 *      delivery 4 d 20 min = 346800; development 3 d = 259200; release 20 min = 1200
 *   M3 Design 03-16 07:30, Dev 03-17 07:30, Release 03-22 07:29:59, Done 03-22 08:00
 *      delivery 6 d 30 min = 520200; development 4 d 23 h 59 min 59 s = 431999; release 30 min 1 s = 1801
 * Business board (Analysis is the commitment point, Released the delivery)
 *   B1 Analysis 03-01 12:00, Released 03-15 12:00: 14 d = 1209600 (exactly the target: attained)
 *   B2 Analysis 03-05 08:00, Released 03-22 09:30:15: 17 d 1 h 30 min 15 s = 1474215
 */
const PAYMENTS = {
  P1: teamPath("2026-03-02T09:15:07", "2026-03-03T10:00:00", "2026-03-05T12:30:45", "2026-03-05T13:10:00"),
  P2: teamPath("2026-03-04T14:00:00", "2026-03-06T09:00:00", "2026-03-12T16:20:10", "2026-03-13T10:00:00"),
  P3: teamPath("2026-03-09T08:00:00", "2026-03-10T08:00:00", "2026-03-20T08:00:01", "2026-03-20T08:30:01"),
  P4: teamPath("2026-03-02T00:00:00", "2026-03-05T00:00:00", "2026-03-18T06:00:00", "2026-03-18T07:00:00"),
};
const MOBILE = {
  M1: teamPath("2026-03-03T10:00:00", "2026-03-03T12:00:00", "2026-03-05T12:00:00", "2026-03-05T12:45:30"),
  M2: teamPath("2026-03-10T09:00:00", "2026-03-11T09:00:00", "2026-03-14T09:00:00", "2026-03-14T09:20:00"),
  M3: teamPath("2026-03-16T07:30:00", "2026-03-17T07:30:00", "2026-03-22T07:29:59", "2026-03-22T08:00:00"),
};
const BUSINESS = {
  B1: [
    ["Selection", at("2026-03-01T00:00:00")],
    ["Analysis", at("2026-03-01T12:00:00")],
    ["In delivery", at("2026-03-02T12:00:00")],
    ["Acceptance", at("2026-03-14T10:00:00")],
    ["Released", at("2026-03-15T12:00:00")],
  ],
  B2: [
    ["Selection", at("2026-03-01T00:00:00")],
    ["Analysis", at("2026-03-05T08:00:00")],
    ["In delivery", at("2026-03-06T08:00:00")],
    ["Acceptance", at("2026-03-20T09:00:00")],
    ["Released", at("2026-03-22T09:30:15")],
  ],
} as const;

const WINDOW = "from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z";

/** The summary fields of a tile (its trend is checked elsewhere). */
const summary = ({ trend: _trend, ...rest }: TMetricTile) => rest;

describe("portfolio metrics", () => {
  let lead: Client;
  let portfolioId: string;
  let boards: { payments: TBoard; mobile: TBoard; business: TBoard };
  let metrics: TPortfolioMetrics;

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
    const created = await createPortfolio(lead, "Retail");
    portfolioId = created.portfolio.id;
    boards = {
      payments: await createBoard(lead, "Payments"),
      mobile: await createBoard(lead, "Mobile"),
      business: created.business,
    };
    await addTeamBoard(lead, portfolioId, boards.payments.id);
    await addTeamBoard(lead, portfolioId, boards.mobile.id);
    const log = async (board: TBoard, paths: Record<string, readonly (readonly [string, Date])[]>) => {
      for (const [title, path] of Object.entries(paths)) {
        await logDemand(ctx.app.db, board, laneNamed(board, "Standard").id, path, title);
      }
    };
    await log(boards.payments, PAYMENTS);
    await log(boards.mobile, MOBILE);
    await log(boards.business, BUSINESS);
    const response = await lead.request({
      method: "GET",
      url: `/api/portfolios/${portfolioId}/metrics?${WINDOW}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    metrics = response.json() as TPortfolioMetrics;
  });

  it("gives each team its own figures", () => {
    const [mobile, payments] = metrics.teams;
    expect(metrics.teams.map((team) => team.name)).toEqual(["Mobile", "Payments"]);
    expect(summary(payments?.delivery as TMetricTile)).toEqual({
      count: 4,
      p50: 763200,
      p85: 1407600, // rank ceil(0.85 * 4) = 4
      p95: 1407600,
      attainment: 0.75,
      target: 14 * SECONDS_PER_DAY,
      goalMet: false,
    });
    expect(summary(mobile?.delivery as TMetricTile)).toMatchObject({ count: 3, p50: 346800, p85: 520200 });
  });

  it("takes the organisation's percentiles over the union of the teams' demands, not their average", () => {
    // Union of delivery times, sorted: 182730, 273293, 346800, 520200, 763200, 952201, 1407600.
    expect(summary(metrics.organisation.delivery)).toEqual({
      count: 7,
      p50: 520200, // rank ceil(3.5) = 4
      p85: 952201, // rank ceil(5.95) = 6
      p95: 1407600, // rank ceil(6.65) = 7
      attainment: 6 / 7,
      target: 14 * SECONDS_PER_DAY,
      goalMet: true,
    });
    const teamsP85 = metrics.teams.map((team) => team.delivery.p85 ?? 0);
    const averaged = teamsP85.reduce((sum, p85) => sum + p85, 0) / teamsP85.length;
    expect(averaged).toBe(963900);
    expect(metrics.organisation.delivery.p85).not.toBe(averaged);

    // 172800, 181845, 259200, 431999, 544810, 864001, 1144800 against 7 days (604800).
    expect(summary(metrics.organisation.development)).toMatchObject({
      count: 7,
      p50: 431999,
      p85: 864001,
      p95: 1144800,
      attainment: 5 / 7,
    });
    // 1200, 1800, 1801, 2355, 2730, 3600, 63590 against 60 minutes (3600, inclusive).
    expect(summary(metrics.organisation.release)).toMatchObject({
      count: 7,
      p50: 2355,
      p85: 3600,
      p95: 63590,
      attainment: 6 / 7,
      goalMet: true,
    });
  });

  it("measures business demands from their commitment point to their release", () => {
    expect(summary(metrics.business.delivery)).toEqual({
      count: 2,
      p50: 1209600,
      p85: 1474215,
      p95: 1474215,
      attainment: 0.5,
      target: 14 * SECONDS_PER_DAY,
      goalMet: false,
    });
  });

  it("matches an independent computation from the timestamps to the second", () => {
    // Plain arithmetic on the fixture, sharing nothing with the server's code.
    const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;
    const nearestRank = (values: number[], p: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.ceil((p * sorted.length) / 100) - 1];
    };
    const paths = [...Object.values(PAYMENTS), ...Object.values(MOBILE)];
    const step = (path: (typeof paths)[number], name: string) =>
      (path.find(([stage]) => stage === name) as readonly [string, Date])[1];
    const delivery = paths.map((path) => seconds(step(path, "Design"), step(path, "Done")));
    const development = paths.map((path) => seconds(step(path, "Development"), step(path, "Release")));
    const release = paths.map((path) => seconds(step(path, "Release"), step(path, "Done")));
    for (const [name, values] of [
      ["delivery", delivery],
      ["development", development],
      ["release", release],
    ] as const) {
      const tile = metrics.organisation[name];
      expect([tile.p50, tile.p85, tile.p95], name).toEqual([50, 85, 95].map((p) => nearestRank(values, p)));
    }

    // The trend: every 7 days back from `to`, the p85 of the delivery times whose Done falls in the week.
    const to = Date.parse("2026-04-01T00:00:00Z");
    const week = 7 * 24 * 3600 * 1000;
    const doneAt = paths.map((path) => step(path, "Done").getTime());
    metrics.organisation.delivery.trend.forEach((trendWeek, index) => {
      const start = to - (12 - index) * week;
      const inWeek = delivery.filter((_, i) => (doneAt[i] ?? 0) >= start && (doneAt[i] ?? 0) < start + week);
      expect(trendWeek.p85 ?? undefined, trendWeek.start).toBe(nearestRank(inWeek, 85));
    });

    // Throughput: Done instants counted per Monday week (2026-01-05 was a Monday).
    const monday = Date.parse("2026-01-05T00:00:00Z");
    const perWeek = new Map<number, number>();
    for (const at of doneAt) {
      const start = monday + Math.floor((at - monday) / week) * week;
      perWeek.set(start, (perWeek.get(start) ?? 0) + 1);
    }
    for (const bucket of metrics.throughput.slice(1)) {
      expect(bucket.count, bucket.start).toBe(perWeek.get(Date.parse(bucket.start)) ?? 0);
    }

    // The constraint: each committed stage's visits that overlap the two weeks before `to`, whole,
    // nearest-rank p85 per team and stage, the highest wins.
    const from = to - 14 * 24 * 3600 * 1000;
    const committed = ["Design", "Development", "Release"];
    let worst = { team: "", stage: "", p85: -1 };
    for (const [team, teamPaths] of [
      ["payments", Object.values(PAYMENTS)],
      ["mobile", Object.values(MOBILE)],
    ] as const) {
      for (const stage of committed) {
        const times = teamPaths.flatMap((path) => {
          const index = path.findIndex(([name]) => name === stage);
          const entered = path[index]?.[1].getTime() ?? 0;
          const left = path[index + 1]?.[1].getTime() ?? to;
          return left > from && entered < to ? [(left - entered) / 1000] : [];
        });
        const p85 = times.length === 0 ? -1 : (nearestRank(times, 85) ?? -1);
        if (p85 > worst.p85) worst = { team, stage, p85 };
      }
    }
    expect(metrics.constraint.boardId).toBe(boards[worst.team as "payments" | "mobile"].id);
    expect([metrics.constraint.stage?.name, metrics.constraint.stage?.p85Time]).toEqual([
      worst.stage,
      worst.p85,
    ]);
  });

  it("counts each week's deliveries in the trend, oldest week first, ending at the window's end", () => {
    const trend = metrics.organisation.delivery.trend;
    expect(trend).toHaveLength(12);
    expect(trend.at(-1)?.end).toBe("2026-04-01T00:00:00.000Z");
    expect(trend.reduce((sum, week) => sum + week.count, 0)).toBe(7);
  });

  it("draws the 12-week trends over the union for the organisation and per team (hand-worked)", () => {
    // Trend weeks run Wednesday to Wednesday back from 04-01: week 8 [03-04, 03-11) holds P1 and M1,
    // week 9 [03-11, 03-18) P2 and M2, week 10 [03-18, 03-25) P4 (03-18 07:00), M3 and P3.
    const weeks = (tile: TMetricTile) =>
      tile.trend.slice(7).map(({ start, count, p85, attainment }) => ({
        start: start.slice(0, 10),
        count,
        p85,
        attainment,
      }));
    expect(weeks(metrics.organisation.delivery)).toEqual([
      { start: "2026-02-25", count: 0, p85: null, attainment: null },
      { start: "2026-03-04", count: 2, p85: 273293, attainment: 1 }, // [182730, 273293]: rank 2
      { start: "2026-03-11", count: 2, p85: 763200, attainment: 1 }, // [346800, 763200]
      { start: "2026-03-18", count: 3, p85: 1407600, attainment: 2 / 3 }, // [520200, 952201, 1407600]: rank 3
      { start: "2026-03-25", count: 0, p85: null, attainment: null },
    ]);
    const [mobile, payments] = metrics.teams;
    expect(weeks(payments?.delivery as TMetricTile)[3]).toEqual({
      start: "2026-03-18",
      count: 2,
      p85: 1407600,
      attainment: 0.5,
    });
    expect(weeks(mobile?.delivery as TMetricTile)[3]).toEqual({
      start: "2026-03-18",
      count: 1,
      p85: 520200,
      attainment: 1,
    });
    // Development ends on entering Release: M3 on 03-22, P3 on 03-20, P4 on 03-18 06:00 (week 10).
    expect(weeks(metrics.organisation.development)[3]).toMatchObject({
      count: 3,
      p85: 1144800,
      attainment: 1 / 3,
    });
  });

  it("counts deliveries per team per Monday week over the 12 weeks, and their sum (hand-worked)", () => {
    // 01-07 (Wednesday) to 04-01: a cut first week, 11 whole ones, a cut last one [03-30, 04-01).
    expect(metrics.throughput).toHaveLength(13);
    expect(metrics.throughput[0]).toEqual({
      start: "2026-01-07T00:00:00.000Z",
      end: "2026-01-12T00:00:00.000Z",
      count: 0,
    });
    const lastFive = (weeks: TPortfolioMetrics["throughput"]) =>
      weeks.slice(-5).map((week) => `${week.start.slice(5, 10)}:${week.count}`);
    // P1, M1 on 03-05; P2 03-13 and M2 03-14; P4 03-18, P3 03-20 and M3 03-22.
    expect(lastFive(metrics.throughput)).toEqual(["03-02:2", "03-09:2", "03-16:3", "03-23:0", "03-30:0"]);
    const [mobile, payments] = metrics.teams;
    expect(lastFive(payments?.throughput ?? [])).toEqual([
      "03-02:1",
      "03-09:1",
      "03-16:2",
      "03-23:0",
      "03-30:0",
    ]);
    expect(lastFive(mobile?.throughput ?? [])).toEqual([
      "03-02:1",
      "03-09:1",
      "03-16:1",
      "03-23:0",
      "03-30:0",
    ]);
  });

  it("names the team and stage that are the constraint, with the evidence (hand-worked)", () => {
    // The two weeks [03-18, 04-01). Payments' Development holds P4 from 03-05 to 03-18 06:00 (13 d 6 h =
    // 1144800 s) and P3 from 03-10 to 03-20 08:00:01 (10 d 1 s = 864001 s); both left in the window,
    // neither arrived in it. Mobile's longest wait: Development, M3 from 03-17 07:30 to 03-22 07:29:59.
    const { constraint } = metrics;
    expect(constraint).toMatchObject({
      from: "2026-03-18T00:00:00.000Z",
      to: "2026-04-01T00:00:00.000Z",
      windowDays: 14,
      boardId: boards.payments.id,
    });
    expect(constraint.stage).toEqual({
      stageId: stageNamed(boards.payments, "Development").id,
      name: "Development",
      demandCount: 2,
      stillThere: 0,
      medianTime: 864001,
      p85Time: 1144800,
      arrivals: 0,
      departures: 2,
      netGrowthPerDay: -2 / 14,
    });
    expect(
      constraint.teams.map((team) => [team.boardId, team.longestWait?.name, team.longestWait?.p85Time]),
    ).toEqual([
      [boards.mobile.id, "Development", 431999],
      [boards.payments.id, "Development", 1144800],
    ]);
  });

  it("refuses a window that ends before it starts, and strangers", async () => {
    const backwards = await lead.request({
      method: "GET",
      url: `/api/portfolios/${portfolioId}/metrics?from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z`,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: "VALIDATION_FAILED" });
    const stranger = await createClient(ctx.app, "stranger");
    const hidden = await stranger.request({
      method: "GET",
      url: `/api/portfolios/${portfolioId}/metrics?${WINDOW}`,
    });
    expect(hidden.statusCode).toBe(404);
  });
});
