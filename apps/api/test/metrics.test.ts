import type { TBoard, TMetrics } from "@tideway/contracts";
import { DAY, MINUTE, SECONDS_PER_DAY } from "@tideway/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { createBoard, stageNamed } from "./helpers/board";
import { type Client, createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

const T0 = Date.parse("2026-03-02T00:00:00Z"); // a Monday
const at = (days: number, minutes = 0) => new Date(T0 + days * DAY + minutes * MINUTE);

/**
 * A hand-made transition log whose answers were worked out on paper:
 *   A: Design d1, Development d2, Release d6, Done d6+30m
 *      delivery 5d 30m, development 4d, release (board fallback) 30m
 *   B: Design d1, Development d3, Release d12, Done d16
 *      delivery 15d, development 9d, release 4d
 *   C: Design d2, Development d2+1m, back to Design d4, Development d5, Release d7, Done d7+10m
 *      delivery 5d 10m (first commitment), development 5d - 1m (first start to last end), release 10m
 *   D: Design d3, Development d4, still in progress
 */
describe("GET /api/boards/:boardId/metrics", () => {
  const ctx = useTestApp();
  let lead: Client;
  let board: TBoard;

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
    board = await createBoard(lead, "Fixture");
    const stage = (name: string) => stageNamed(board, name).id;
    const laneId = board.lanes[1]?.id as string;
    const paths: Record<string, [string, number, number?][]> = {
      A: [
        ["Selection", 0],
        ["Design", 1],
        ["Development", 2],
        ["Release", 6],
        ["Done", 6, 30],
      ],
      B: [
        ["Selection", 0],
        ["Design", 1],
        ["Development", 3],
        ["Release", 12],
        ["Done", 16],
      ],
      C: [
        ["Selection", 0],
        ["Design", 2],
        ["Development", 2, 1],
        ["Design", 4],
        ["Development", 5],
        ["Release", 7],
        ["Done", 7, 10],
      ],
      D: [
        ["Selection", 0],
        ["Design", 3],
        ["Development", 4],
      ],
    };
    let number = 0;
    for (const [title, path] of Object.entries(paths)) {
      number += 1;
      const last = path.at(-1) as [string, number, number?];
      const demand = await ctx.db.demand.create({
        data: { boardId: board.id, number, title, stageId: stage(last[0]), laneId, rank: `a${number}` },
      });
      await ctx.db.transition.createMany({
        data: path.map(([name, day, minutes], index) => ({
          boardId: board.id,
          demandId: demand.id,
          kind: index === 0 ? ("created" as const) : ("moved" as const),
          fromStageId: index === 0 ? null : stage(path[index - 1]?.[0] ?? ""),
          toStageId: stage(name),
          fromLaneId: index === 0 ? null : laneId,
          toLaneId: laneId,
          at: at(day, minutes ?? 0),
        })),
      });
    }
    // The cached history is keyed by the board's sequence number.
    await ctx.db.board.update({ where: { id: board.id }, data: { seq: { increment: 1 } } });
  });

  const metrics = async (query: string) => {
    const response = await lead.request({ method: "GET", url: `/api/boards/${board.id}/metrics?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as TMetrics;
  };
  const window = `from=${at(0).toISOString()}&to=${at(20).toISOString()}`;

  it("returns the hand-worked 2-1-1 tiles exactly (seconds, nearest-rank percentiles)", async () => {
    const result = await metrics(window);
    expect(result.delivery).toMatchObject({
      count: 3,
      p50: 5 * SECONDS_PER_DAY + 30 * 60,
      p85: 15 * SECONDS_PER_DAY,
      p95: 15 * SECONDS_PER_DAY,
      attainment: 2 / 3,
      target: 14 * SECONDS_PER_DAY,
      goalMet: false,
    });
    expect(result.development).toMatchObject({
      count: 3,
      p50: 5 * SECONDS_PER_DAY - 60,
      p85: 9 * SECONDS_PER_DAY,
      attainment: 2 / 3,
      target: 7 * SECONDS_PER_DAY,
    });
    expect(result.release).toMatchObject({
      count: 3,
      p50: 30 * 60,
      p85: 4 * SECONDS_PER_DAY,
      attainment: 2 / 3,
      target: 3600,
    });
    expect(result.scatter.points.map((p) => [p.title, p.duration])).toEqual([
      ["A", 5 * SECONDS_PER_DAY + 30 * 60],
      ["C", 5 * SECONDS_PER_DAY + 10 * 60],
      ["B", 15 * SECONDS_PER_DAY],
    ]);
  });

  it("counts throughput per week and shows work in progress by age", async () => {
    const result = await metrics(window);
    expect(result.throughput.map((bucket) => bucket.count)).toEqual([1, 1, 1]);
    expect(result.aging.map((item) => [item.title, item.stageId])).toEqual([
      ["D", stageNamed(board, "Development").id],
    ]);
    expect(result.aging[0]?.committedAt).toBe(at(3).toISOString());
  });

  it("builds cumulative flow whose bands add up to the demands on the board each day", async () => {
    const result = await metrics(window);
    expect(result.cfd.days).toHaveLength(20);
    for (const [day, onBoard] of result.cfd.onBoard.entries()) {
      expect(result.cfd.stages.reduce((sum, stage) => sum + (stage.band[day] ?? 0), 0)).toBe(onBoard);
    }
    const done = result.cfd.stages.find((stage) => stage.name === "Done");
    expect(done?.reached.at(-1)).toBe(3);
  });

  it("selects by each metric's own end event: a window that ends before B's delivery leaves B out", async () => {
    const result = await metrics(`from=${at(0).toISOString()}&to=${at(10).toISOString()}`);
    expect(result.delivery.count).toBe(2);
    expect(result.development.count).toBe(2);
  });

  it("answers an empty window with zero counts and no percentiles", async () => {
    const result = await metrics(`from=${at(100).toISOString()}&to=${at(101).toISOString()}`);
    expect(result.delivery).toMatchObject({ count: 0, p85: null, attainment: null, goalMet: null });
  });

  it("refuses a window that ends before it starts, naming the field", async () => {
    const response = await lead.request({
      method: "GET",
      url: `/api/boards/${board.id}/metrics?from=${at(5).toISOString()}&to=${at(1).toISOString()}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "querystring.from: must be before `to`",
    });
  });

  it("follows a move on the board without waiting for a cache to expire", async () => {
    const before = await metrics("");
    const d = await ctx.db.demand.findFirstOrThrow({ where: { boardId: board.id, title: "D" } });
    for (const name of ["Testing", "Release", "Done"]) {
      await ctx.db.criterionCheck.createMany({
        data: board.criteria.map((c) => ({ demandId: d.id, criterionId: c.id })),
        skipDuplicates: true,
      });
      const moved = await lead.request({
        method: "POST",
        url: `/api/demands/${d.id}/move`,
        payload: { toStageId: stageNamed(board, name).id },
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const after = await metrics("");
    expect(after.delivery.count).toBe(before.delivery.count + 1);
  });
});
