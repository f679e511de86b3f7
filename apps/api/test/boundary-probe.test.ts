import type { TBoard, TDemand, TMetrics, TMoveResult, TServiceLevel } from "@tideway/contracts";
import { DAY, epochMs, orderStages, workItemAge } from "@tideway/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { type SleSweepDeps, sweepSleAlerts } from "../src/services/insights/sweep-sle-alerts";
import { createBoard, stageNamed } from "./helpers/board";
import { seedFlowLog } from "./helpers/flow-log";
import { type Client, createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

/**
 * Issue 16's probe: an admin clears Design's commitment marker, and a demand
 * moves into Design. The board's commitment point then falls back to the
 * first stage that is not a queue, Design itself (`orderStages`), and every
 * reader must say so: the move's reply, the board, the dashboard's aging,
 * the card's SLE badge and stand-up age (the board's demand with the service
 * level), and the SLE sweep. Before the fix the reply said `committedAt:
 * null`, the dashboard listed the demand as committed, the badge and the
 * stand-up age vanished and the sweep skipped the board.
 *
 * The history is written relative to the start of the test (deliveries 10
 * to 18 days ago: p50 6 days, p85 10 days), so no reading depends on the
 * hour it runs at.
 */
describe("[BOUNDARIES] a cleared commitment marker gives one answer everywhere", () => {
  const ctx = useTestApp();
  let lead: Client;
  let board: TBoard;
  let probeId: string;
  let moved: TMoveResult;
  const startedAt = Date.now();

  const boardDemand = async (): Promise<{ board: TBoard; demand: TDemand }> => {
    const response = await lead.request({ method: "GET", url: `/api/boards/${board.id}` });
    expect(response.statusCode).toBe(200);
    const fresh = response.json() as TBoard & { demands: TDemand[] };
    return { board: fresh, demand: fresh.demands.find((demand) => demand.id === probeId) as TDemand };
  };
  const aging = async () => {
    const response = await lead.request({ method: "GET", url: `/api/boards/${board.id}/metrics` });
    expect(response.statusCode).toBe(200);
    return (response.json() as TMetrics).aging.filter((item) => item.demandId === probeId);
  };
  const setBoundary = async (stage: string, boundary: string | null) => {
    const response = await lead.request({
      method: "PATCH",
      url: `/api/boards/${board.id}/stages/${stageNamed(board, stage).id}`,
      payload: { boundary },
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
    board = await createBoard(lead, "Boundary probe");
    const start = startedAt - 40 * DAY;
    const delivered = [2, 4, 6, 8, 10].map((days) => [
      `Delivered in ${days} days`,
      [
        ["Design", 20],
        ["Done", 20 + days],
      ] as const,
    ]);
    const ids = await seedFlowLog(ctx.db, board, start, {
      ...Object.fromEntries(delivered),
      Probe: [["Selection", 30]],
    });
    probeId = ids.get("Probe") as string;
    for (const criterion of board.criteria.filter((c) => c.stageId === stageNamed(board, "Design").id)) {
      const checked = await lead.request({
        method: "PUT",
        url: `/api/demands/${probeId}/checks/${criterion.id}`,
        payload: { checked: true },
      });
      expect(checked.statusCode, checked.body).toBe(200);
    }
    await setBoundary("Design", null);
    const response = await lead.request({
      method: "POST",
      url: `/api/demands/${probeId}/move`,
      payload: { toStageId: stageNamed(board, "Design").id },
    });
    expect(response.statusCode, response.body).toBe(200);
    moved = response.json() as TMoveResult;
  });

  it("the move's reply and the board say the demand is committed from the move on", async () => {
    expect(moved.demand.committedAt).not.toBeNull();
    expect(moved.demand.committedAt).toBe(moved.demand.enteredStageAt);
    const { board: fresh, demand } = await boardDemand();
    expect(fresh.stages.find((stage) => stage.boundary === "commitment")).toBeUndefined();
    expect(demand.committedAt).toBe(moved.demand.committedAt);
  });

  it("the dashboard's aging lists it from the same instant", async () => {
    expect((await aging()).map((item) => item.committedAt)).toEqual([moved.demand.committedAt]);
  });

  it("the SLE badge and the stand-up have an age for it, against the board's service level", async () => {
    const { board: fresh, demand } = await boardDemand();
    const level = await lead.request({ method: "GET", url: `/api/boards/${board.id}/service-level` });
    expect((level.json() as TServiceLevel).p85).toBe((10 * DAY) / 1000);
    const inElevenDays = epochMs(Date.parse(moved.demand.enteredStageAt) + 11 * DAY);
    const age = workItemAge(
      orderStages(fresh.stages),
      {
        stageId: demand.stageId,
        committedAt: epochMs(Date.parse(demand.committedAt ?? "")),
        archived: false,
      },
      inElevenDays,
    );
    expect(age).toBe(11 * DAY);
  });

  it("the SLE sweep sweeps the board and alerts on it once it is past the p85", async () => {
    const deps: SleSweepDeps = { db: ctx.db, log: ctx.app.log, users: { notify: () => {} } };
    const later = new Date(Date.parse(moved.demand.enteredStageAt) + 11 * DAY);
    const swept = await sweepSleAlerts(deps, later);
    await Promise.all(swept.webhooks);
    const alerts = await ctx.db.sleAlert.findMany({ where: { boardId: board.id } });
    expect(alerts.map((alert) => [alert.demandId, alert.threshold])).toEqual([[probeId, "p85"]]);
  });

  it("moving the commitment point past Design takes the commitment back, and returning it restores it from the log", async () => {
    await setBoundary("Development", "commitment");
    expect((await boardDemand()).demand.committedAt).toBeNull();
    expect(await aging()).toEqual([]);

    await setBoundary("Design", "commitment");
    expect((await boardDemand()).demand.committedAt).toBe(moved.demand.committedAt);
    expect((await aging()).map((item) => item.committedAt)).toEqual([moved.demand.committedAt]);
  });
});

describe("[BOUNDARIES] the empty template commits work when it starts", () => {
  const ctx = useTestApp();

  it("a card in To do has no commitment (no age); moving it to Doing commits it", async () => {
    const lead = await createClient(ctx.app, "lead");
    const created = await lead.request({
      method: "POST",
      url: "/api/boards",
      payload: { name: "Empty template", key: "EMPTY", template: "empty" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const board = created.json() as TBoard;
    expect(board.stages.map((stage) => [stage.name, stage.boundary])).toEqual([
      ["To do", null],
      ["Doing", "commitment"],
      ["Done", "delivered"],
    ]);
    const added = await lead.request({
      method: "POST",
      url: `/api/boards/${board.id}/demands`,
      payload: { title: "Backlog item", type: "feature" },
    });
    expect(added.statusCode, added.body).toBe(201);
    const { demand } = added.json() as { demand: TDemand };
    expect(demand.committedAt).toBeNull();
    const moved = await lead.request({
      method: "POST",
      url: `/api/demands/${demand.id}/move`,
      payload: { toStageId: stageNamed(board, "Doing").id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((moved.json() as TMoveResult).demand.committedAt).toBe(
      (moved.json() as TMoveResult).demand.enteredStageAt,
    );
  });
});
