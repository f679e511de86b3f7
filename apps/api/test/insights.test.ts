import type { TBoard, TBoardInsights, TMetrics } from "@tideway/contracts";
import { SECONDS_PER_DAY } from "@tideway/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { createBoard } from "./helpers/board";
import { type FlowStep, seedFlowLog } from "./helpers/flow-log";
import { type Client, createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

/**
 * Two hand-made logs, dated so that day 14 is now (the insights read the clock).
 *
 * Stuck: over [day 0, day 14), Testing held A for 10 days (day -6 to 4, counted
 * whole) and B for 4 so far: median 4 d, p85 10 d. Development held B 8 days and
 * C 11 so far: median 8 d, p85 11 d, the longest wait; 2 arrivals, 1 departure,
 * growing 1/14 a day, the only growing queue. D left before the window.
 *
 * WIP (forecastWeeks 2): 7 demands Design 1 d, Development 3 d, Testing 1 d,
 * Release 1 d; 7 more Design 1 d, Development 3 d, Testing 2 d, Release 1 d;
 * one still in Development. Development shares the 7-day target 42:21 (4.67 d
 * and 2.33 d), Design and Release the other 7 days 14:14 (3.5 d each). Forward
 * departures a day: Design 15/14, the others 1. Median stays: Design 1 d,
 * Development 3 d, Testing 1 d, Release 1 d; a stage is never given more than
 * its median stay. Advised: ceil(15/14 x min(3.5, 1)) = 2, ceil(min(4.67, 3)) = 3,
 * ceil(min(2.33, 1)) = 1, ceil(min(3.5, 1)) = 1.
 */
const STUCK: Record<string, FlowStep[]> = {
  A: [
    ["Design", -10],
    ["Testing", -6],
    ["Release", 4],
    ["Done", 6],
  ],
  B: [
    ["Development", 2],
    ["Testing", 10],
  ],
  C: [
    ["Design", 1],
    ["Development", 3],
  ],
  D: [
    ["Development", -20],
    ["Testing", -15],
    ["Done", -14],
  ],
};

const shape = (design: number, testingDays: number): FlowStep[] => [
  ["Design", design],
  ["Development", design + 1],
  ["Testing", design + 4],
  ["Release", design + 4 + testingDays],
  ["Done", design + 5 + testingDays],
];
const WIP: Record<string, FlowStep[]> = {
  ...Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`a${i}`, shape(0, 1)])),
  ...Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`b${i}`, shape(2, 2)])),
  c: [
    ["Design", 5],
    ["Development", 6],
  ],
};

/**
 * Where work waits, read by two panels: three demands waited 8 days in
 * Selection (before the commitment point), then spent 1 day in Design, 3 in
 * Development and 1 in Testing. Both the time-in-stage panel (the window's
 * deliveries) and "where flow is stuck" (the last 14 days) name Development,
 * never Selection.
 */
const WAITING_IN_SELECTION: Record<string, FlowStep[]> = Object.fromEntries(
  ["e1", "e2", "e3"].map((title) => [
    title,
    [
      ["Selection", 0],
      ["Design", 8],
      ["Development", 9],
      ["Testing", 12],
      ["Release", 13],
      ["Done", 13],
    ] satisfies FlowStep[],
  ]),
);

describe("GET /api/boards/:boardId/insights", () => {
  const ctx = useTestApp();
  let lead: Client;
  let stuckBoard: TBoard;
  let wipBoard: TBoard;

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
    stuckBoard = await createBoard(lead, "Stuck fixture");
    wipBoard = await createBoard(lead, "WIP fixture");
    const dayZero = Date.now() - 14 * SECONDS_PER_DAY * 1000;
    await seedFlowLog(ctx.db, stuckBoard, dayZero, STUCK);
    await seedFlowLog(ctx.db, wipBoard, dayZero, WIP);
    await ctx.db.board.update({ where: { id: wipBoard.id }, data: { settings: { forecastWeeks: 2 } } });
  });

  const insightsOf = async (board: TBoard) => {
    const response = await lead.request({ method: "GET", url: `/api/boards/${board.id}/insights` });
    expect(response.statusCode).toBe(200);
    return response.json() as TBoardInsights;
  };

  it("names the stage with the longest wait and the fastest-growing queue, with the evidence", async () => {
    const { stuckFlow } = await insightsOf(stuckBoard);
    const byName = new Map(stuckFlow.stages.map((stage) => [stage.name, stage]));
    expect([...byName.keys()]).toEqual(["Design", "Development", "Testing", "Release"]);
    const id = (name: string) => byName.get(name)?.stageId;
    expect(stuckFlow.longestWait).toBe(id("Development"));
    expect(stuckFlow.fastestGrowingQueue).toBe(id("Development"));
    expect(stuckFlow.windowDays).toBe(14);

    const development = byName.get("Development");
    expect(development).toMatchObject({ demandCount: 2, stillThere: 1, arrivals: 2, departures: 1 });
    expect(development?.netGrowthPerDay).toBeCloseTo(1 / 14, 10);
    expect((development?.medianTime ?? 0) / SECONDS_PER_DAY).toBeCloseTo(8, 6);
    expect((development?.p85Time ?? 0) / SECONDS_PER_DAY).toBeCloseTo(11, 3);
    const testing = byName.get("Testing");
    expect(testing).toMatchObject({
      demandCount: 2,
      stillThere: 1,
      arrivals: 1,
      departures: 1,
      netGrowthPerDay: 0,
    });
    expect((testing?.medianTime ?? 0) / SECONDS_PER_DAY).toBeCloseTo(4, 3);
    expect((testing?.p85Time ?? 0) / SECONDS_PER_DAY).toBeCloseTo(10, 6);
  });

  it("advises WIP limits from Little's law over the board's forecast window, next to the current limits", async () => {
    const { wipAdvice } = await insightsOf(wipBoard);
    expect(wipAdvice.weeks).toBe(2);
    const rows = wipAdvice.stages.map((stage) => [stage.name, stage.currentLimit, stage.advisedLimit]);
    expect(rows).toEqual([
      ["Design", 5, 2],
      ["Development", 8, 3],
      ["Testing", 5, 1],
      ["Release", 4, 1],
    ]);
    const development = wipAdvice.stages.find((stage) => stage.name === "Development");
    expect(development?.group).toBe("development");
    expect(development?.throughputPerDay).toBeCloseTo(1, 10);
    expect((development?.targetTime ?? 0) / SECONDS_PER_DAY).toBeCloseTo(14 / 3, 6);
    expect((development?.historicalTime ?? 0) / SECONDS_PER_DAY).toBe(3);
    // Advice only: nothing changed the limits.
    const stages = await ctx.db.stage.findMany({
      where: { boardId: wipBoard.id },
      orderBy: { position: "asc" },
    });
    expect(stages.map((stage) => stage.wipLimit)).toEqual([null, 5, 8, 5, 4, null]);
  });

  it("names the same committed stage as where work waits as the metrics' time in stage, never a stage before commitment", async () => {
    const board = await createBoard(lead, "Waiting fixture");
    await seedFlowLog(ctx.db, board, Date.now() - 14 * SECONDS_PER_DAY * 1000, WAITING_IN_SELECTION);
    const { stuckFlow } = await insightsOf(board);
    const metrics = await lead.request({ method: "GET", url: `/api/boards/${board.id}/metrics` });
    expect(metrics.statusCode, metrics.body).toBe(200);
    const { timeInStage, whereWorkWaits } = metrics.json() as TMetrics;
    const id = (name: string) => board.stages.find((stage) => stage.name === name)?.id;
    // Selection holds the longest times of all, and is named by neither panel.
    expect(timeInStage.find((stage) => stage.name === "Selection")?.p85).toBe(8 * SECONDS_PER_DAY);
    expect(whereWorkWaits).toBe(id("Development"));
    expect(stuckFlow.longestWait).toBe(id("Development"));
  });

  it("is for board members only", async () => {
    const stranger = await createClient(ctx.app, "stranger");
    const response = await stranger.request({ method: "GET", url: `/api/boards/${stuckBoard.id}/insights` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: "NOT_FOUND" });
  });
});
