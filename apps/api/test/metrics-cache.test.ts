import type { TBoard, TDemand } from "@tideway/contracts";
import { DAY, HOUR } from "@tideway/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  boardFlowCacheStats,
  cachedBoardHistory,
  verifyBoardFlowCache,
} from "../src/services/metrics/board-flow-cache";
import { loadBoardFlow } from "../src/services/metrics/load-board-flow";
import { createBoard, laneNamed, stageNamed } from "./helpers/board";
import { addDemand } from "./helpers/demands";
import { type Client, createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

/**
 * The metrics cache reads a board's log once and then only what changed
 * (board-flow-cache.ts). After every kind of change, what it holds must
 * equal a fresh full read of the log.
 */
describe("the metrics cache follows the log", () => {
  const ctx = useTestApp();
  let lead: Client;
  let board: TBoard;
  const demands: TDemand[] = [];
  const stage = (name: string) => stageNamed(board, name).id;

  /** A demand with every criterion ticked, so no move of it is refused. */
  const addCheckedDemand = async (title: string, fields: Record<string, unknown> = {}) => {
    const demand = await addDemand(lead, board, { title, ...fields });
    await ctx.db.criterionCheck.createMany({
      data: board.criteria.map((criterion) => ({ demandId: demand.id, criterionId: criterion.id })),
    });
    demands.push(demand);
    return demand;
  };
  const request = async (method: "POST" | "PATCH" | "DELETE", url: string, payload?: object) => {
    const response = await lead.request({ method, url, ...(payload ? { payload } : {}) });
    expect(response.statusCode, response.body).toBeLessThan(300);
  };
  const move = (demand: TDemand, body: Record<string, unknown>) =>
    request("POST", `/api/demands/${demand.id}/move`, body);
  const bumpSeq = () => ctx.db.board.update({ where: { id: board.id }, data: { seq: { increment: 1 } } });
  const transition = (
    demand: TDemand,
    kind: "blocked" | "unblocked" | "moved",
    stageName: string,
    at: Date,
  ) => ({
    boardId: board.id,
    demandId: demand.id,
    kind,
    fromStageId: stage(stageName),
    toStageId: stage(stageName),
    fromLaneId: demand.laneId,
    toLaneId: demand.laneId,
    at,
  });
  const nth = (index: number) => demands[index] as TDemand;

  /** The cached history against a fresh full read, whole: seq, stages, demands with events and signals, labels. */
  async function expectCacheMatchesLog() {
    const cached = await cachedBoardHistory(ctx.db, board.id);
    const fresh = await loadBoardFlow(ctx.db, board.id);
    expect(cached.flow).toEqual(fresh);
    return cached.flow;
  }

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
    board = await createBoard(lead, "Cache");
    await addCheckedDemand("First");
    await addCheckedDemand("Second", { type: "defect" });
    await expectCacheMatchesLog();
  });

  it("takes in new demands and moves without reading the log again", async () => {
    await addCheckedDemand("Third");
    await addCheckedDemand("Fourth");
    for (const name of ["Design", "Development", "Testing"]) {
      for (const demand of demands.slice(0, 3)) await move(demand, { toStageId: stage(name) });
      await expectCacheMatchesLog();
    }
    await move(nth(0), { toStageId: stage("Release") });
    await move(nth(0), { toStageId: stage("Done") });
    const flow = await expectCacheMatchesLog();
    expect(flow.demands).toHaveLength(4);
    expect(await boardFlowCacheStats(board.id)).toMatchObject({ fullLoads: 1, unexplainedRefreshes: 0 });
  });

  it("follows rework, lane changes, blocking and reordering", async () => {
    await move(nth(1), { toStageId: stage("Development") });
    await move(nth(2), { toStageId: stage("Development"), toLaneId: laneNamed(board, "Defects").id });
    await request("POST", `/api/demands/${nth(1).id}/block`, { reason: "waiting on a vendor" });
    await expectCacheMatchesLog();
    await request("DELETE", `/api/demands/${nth(1).id}/block`);
    // Reordering takes a sequence number but writes no transition.
    await move(nth(3), { toStageId: stage("Selection"), beforeId: nth(3).id });
    await expectCacheMatchesLog();
    expect((await boardFlowCacheStats(board.id))?.fullLoads).toBe(1);
  });

  it("takes in edits, archiving and restoring", async () => {
    await request("PATCH", `/api/demands/${nth(3).id}`, { title: "Fourth, renamed", type: "chore" });
    await expectCacheMatchesLog();
    await request("PATCH", `/api/demands/${nth(3).id}`, { archived: true });
    await expectCacheMatchesLog();
    await request("PATCH", `/api/demands/${nth(3).id}`, { archived: false, type: "spike" });
    const flow = await expectCacheMatchesLog();
    expect(flow.labels.get(nth(3).id)?.title).toBe("Fourth, renamed");
    expect((await boardFlowCacheStats(board.id))?.unexplainedRefreshes).toBeGreaterThan(0);
  });

  it("takes in history written straight to the log, back-dated, and pipeline events", async () => {
    await ctx.db.transition.createMany({
      data: [
        transition(nth(2), "blocked", "Development", new Date(Date.now() - 3 * DAY)),
        transition(nth(2), "unblocked", "Development", new Date(Date.now() - 2 * DAY)),
      ],
    });
    await bumpSeq();
    await expectCacheMatchesLog();
    for (const [kind, hoursAgo] of [
      ["commit", 5],
      ["release", 1],
    ] as const) {
      await ctx.db.codeEvent.create({
        data: {
          boardId: board.id,
          source: "generic",
          deliveryId: `delivery-${kind}`,
          kind,
          at: new Date(Date.now() - hoursAgo * HOUR),
          demandKeys: [nth(0).key],
          demands: { create: { demandId: nth(0).id } },
        },
      });
      await bumpSeq();
      const flow = await expectCacheMatchesLog();
      expect(flow.demands.find((demand) => demand.id === nth(0).id)?.code?.lastSubmissionAt).not.toBeNull();
    }
  });

  it("finds a transition that commits after one with a higher id was read", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted = () => {};
    const lowerIdInserted = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const slow = ctx.db.$transaction(
      async (tx) => {
        await tx.transition.create({ data: transition(nth(1), "blocked", "Development", new Date()) });
        inserted();
        await held;
        await tx.board.update({ where: { id: board.id }, data: { seq: { increment: 1 } } });
      },
      { timeout: 20_000 },
    );
    await lowerIdInserted;
    await ctx.db.transition.create({ data: transition(nth(2), "unblocked", "Development", new Date()) });
    await bumpSeq();
    await expectCacheMatchesLog();
    release();
    await slow;
    const flow = await expectCacheMatchesLog();
    const events = flow.demands.find((demand) => demand.id === nth(1).id)?.events ?? [];
    expect(events.at(-1)?.kind).toBe("blocked");
    expect((await boardFlowCacheStats(board.id))?.fullLoads).toBe(1);
  });

  it("agrees with a count of the log, and reads it again in full when it does not", async () => {
    expect(await verifyBoardFlowCache(ctx.db, board.id)).toBe(true);
    // A row below the floor that a refresh cannot see: only a transaction
    // open far longer than any the API runs could leave one.
    await ctx.db.$executeRaw`
      INSERT INTO transitions (id, board_id, demand_id, kind, from_stage_id, to_stage_id, from_lane_id, to_lane_id, at)
      SELECT 0, board_id, demand_id, 'blocked', to_stage_id, to_stage_id, to_lane_id, to_lane_id, now()
      FROM transitions WHERE demand_id = ${nth(3).id}::uuid ORDER BY id DESC LIMIT 1`;
    await bumpSeq();
    expect(await verifyBoardFlowCache(ctx.db, board.id)).toBe(false);
    await expectCacheMatchesLog();
    expect(await boardFlowCacheStats(board.id)).toMatchObject({ fullLoads: 1, refreshes: 1 });
  });

  it("serves the dashboard from the refreshed history", async () => {
    const response = await lead.request({ method: "GET", url: `/api/boards/${board.id}/metrics` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ delivery: { count: 1 } });
  });
});
