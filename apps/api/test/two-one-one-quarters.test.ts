import type { TQuarterlyTwoOneOne } from "@tideway/contracts";
import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from "@tideway/domain";
import { describe, expect, it } from "vitest";
import { createBoard, laneNamed } from "./helpers/board";
import { createClient } from "./helpers/session";
import { logDemand } from "./helpers/transition-log";
import { useTestApp } from "./test-app";

const at = (iso: string) => new Date(iso);

/**
 * A log with answers worked out by hand (all 2025, long before now):
 *   A (Standard): Design Jan 6, Development Jan 7, Release Jan 15 09:00, Done Jan 15 09:30
 *      Q1: delivery 9 d 9 h 30 m, development 8 d 9 h, release 30 m
 *   B (Standard): Design Mar 20, Development Mar 24, Release Apr 10, Done Apr 10 00:20
 *      Q2: delivery 21 d 20 m, development 17 d, release 20 m
 *   C (Expedite): Design Apr 1, Development Apr 1 12:00, Release Apr 3, Done Apr 3 02:00
 *      Q2: delivery 2 d 2 h, development 1 d 12 h, release 2 h
 */
describe("GET /api/boards/:boardId/two-one-one/quarters", () => {
  const ctx = useTestApp();

  it("gives each quarter's p85 and attainment for the board and per swim lane", async () => {
    const lead = await createClient(ctx.app, "lead");
    const board = await createBoard(lead, "Quarters");
    const standard = laneNamed(board, "Standard").id;
    const expedite = laneNamed(board, "Expedite").id;
    await logDemand(ctx.db, board, standard, [
      ["Selection", at("2025-01-02T00:00:00Z")],
      ["Design", at("2025-01-06T00:00:00Z")],
      ["Development", at("2025-01-07T00:00:00Z")],
      ["Release", at("2025-01-15T09:00:00Z")],
      ["Done", at("2025-01-15T09:30:00Z")],
    ]);
    await logDemand(ctx.db, board, standard, [
      ["Selection", at("2025-03-19T00:00:00Z")],
      ["Design", at("2025-03-20T00:00:00Z")],
      ["Development", at("2025-03-24T00:00:00Z")],
      ["Release", at("2025-04-10T00:00:00Z")],
      ["Done", at("2025-04-10T00:20:00Z")],
    ]);
    await logDemand(ctx.db, board, expedite, [
      ["Selection", at("2025-03-31T00:00:00Z")],
      ["Design", at("2025-04-01T00:00:00Z")],
      ["Development", at("2025-04-01T12:00:00Z")],
      ["Release", at("2025-04-03T00:00:00Z")],
      ["Done", at("2025-04-03T02:00:00Z")],
    ]);

    const response = await lead.request({
      method: "GET",
      url: `/api/boards/${board.id}/two-one-one/quarters`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as TQuarterlyTwoOneOne;
    expect(report.board).toEqual({ id: board.id, name: "Quarters", key: board.key });
    expect(report.quarters[0]?.label).toBe("2025-Q1");
    expect(report.quarters.at(-1)?.partial).toBe(true);
    const [q1, q2, q3] = report.quarters;
    expect(q1).toMatchObject({
      start: "2025-01-01T00:00:00.000Z",
      end: "2025-04-01T00:00:00.000Z",
      partial: false,
      delivery: { count: 1, p85: 9 * SECONDS_PER_DAY + 9.5 * SECONDS_PER_HOUR, attainment: 1, goalMet: true },
      development: {
        count: 1,
        p85: 8 * SECONDS_PER_DAY + 9 * SECONDS_PER_HOUR,
        attainment: 0,
        goalMet: false,
      },
      release: { count: 1, p85: 1800, attainment: 1, goalMet: true },
    });
    // Two demands: nearest-rank p85 is the larger; one of two within target.
    expect(q2).toMatchObject({
      delivery: {
        count: 2,
        p50: 2 * SECONDS_PER_DAY + 7200,
        p85: 21 * SECONDS_PER_DAY + 1200,
        attainment: 0.5,
        goalMet: false,
      },
      development: { count: 2, p85: 17 * SECONDS_PER_DAY, attainment: 0.5 },
      release: { count: 2, p85: 7200, attainment: 0.5, target: SECONDS_PER_HOUR },
    });
    expect(q3?.delivery).toMatchObject({ count: 0, p85: null, attainment: null, goalMet: null });

    const lane = (name: string) => report.lanes.find((row) => row.name === name)?.quarters ?? [];
    expect(
      lane("Expedite")
        .slice(0, 2)
        .map((quarter) => quarter.delivery.count),
    ).toEqual([0, 1]);
    expect(
      lane("Standard")
        .slice(0, 2)
        .map((quarter) => quarter.delivery.p85),
    ).toEqual([9 * SECONDS_PER_DAY + 9.5 * SECONDS_PER_HOUR, 21 * SECONDS_PER_DAY + 1200]);
    expect(lane("Defects").every((quarter) => quarter.delivery.count === 0)).toBe(true);
    expect(lane("Defects")).toHaveLength(report.quarters.length);

    const stranger = await createClient(ctx.app, "stranger");
    const hidden = await stranger.request({
      method: "GET",
      url: `/api/boards/${board.id}/two-one-one/quarters`,
    });
    expect(hidden.statusCode).toBe(404);
  });
});
