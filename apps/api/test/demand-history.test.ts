import type { TBoard, TDemandHistory, THistoryEntry } from "@tideway/contracts";
import { HOUR, SECONDS_PER_DAY } from "@tideway/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { blockDemand, unblockDemand } from "../src/services/demands/block-demand";
import { createDemand } from "../src/services/demands/create-demand";
import { moveDemand } from "../src/services/demands/move-demand";
import { updateDemand } from "../src/services/demands/update-demand";
import { getDemandHistory } from "../src/services/history/get-demand-history";
import { laneNamed, stageNamed } from "./helpers/board";
import { boardWithRoles } from "./helpers/board-roles";
import type { Client } from "./helpers/session";
import { useTestApp } from "./test-app";

/** Pinned instants: a Monday morning and hours after it. */
const T0 = Date.UTC(2026, 5, 1, 9);
const at = (hours: number) => new Date(T0 + hours * HOUR);
const iso = (hours: number) => at(hours).toISOString();

describe("a card's journey (GET /api/demands/:id/history)", () => {
  const ctx = useTestApp();
  let admin: Client;
  let member: Client;
  let viewer: Client;
  let stranger: Client;
  let board: TBoard;
  let demandId: string;

  const deps = () => ({ db: ctx.db, events: ctx.app.boardEvents });
  const moveTo = (stage: string, hours: number) =>
    moveDemand(deps(), member.userId, demandId, { toStageId: stageNamed(board, stage).id }, at(hours));

  beforeAll(async () => {
    ({ board, admin, member, viewer, stranger } = await boardWithRoles(ctx.app));
    const created = await createDemand(
      deps(),
      admin.userId,
      board.id,
      { title: "Refunds", description: "", type: "feature", laneId: laneNamed(board, "Standard").id },
      at(0),
    );
    demandId = created.demand.id;
    for (const criterion of board.criteria) {
      await member.request({
        method: "PUT",
        url: `/api/demands/${demandId}/checks/${criterion.id}`,
        payload: { checked: true },
      });
    }
    // The ticks' times are the database clock's; pin them to build data that does not depend on it.
    await ctx.db.criterionCheck.updateMany({ where: { demandId }, data: { checkedAt: at(0.5) } });

    await moveTo("Design", 24);
    await moveTo("Development", 72);
    await blockDemand(deps(), member.userId, demandId, "Waiting for the bank", at(84));
    await unblockDemand(deps(), admin.userId, demandId, at(96));
    await updateDemand(deps(), admin.userId, demandId, { ownerId: member.userId }, at(100));
    await moveTo("Testing", 144);
  });

  const history = async (client: Client) => {
    const response = await client.request({ method: "GET", url: `/api/demands/${demandId}/history` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as TDemandHistory;
  };
  const withoutTicks = (entries: THistoryEntry[]) => entries.filter((entry) => entry.kind !== "criterion");

  it("lists every stage entered, by whom and how long it stayed, the blocked period and the owner change, in order", async () => {
    const journey = await history(viewer);
    const mo = { id: member.userId, name: "Mo Member" };
    const ada = { id: admin.userId, name: "Ada Admin" };
    expect(withoutTicks(journey.entries)).toEqual([
      {
        kind: "stage",
        at: iso(0),
        by: ada,
        stageId: stageNamed(board, "Selection").id,
        stageName: "Selection",
        fromStageName: null,
        leftAt: iso(24),
        stayedSeconds: SECONDS_PER_DAY,
      },
      {
        kind: "stage",
        at: iso(24),
        by: mo,
        stageId: stageNamed(board, "Design").id,
        stageName: "Design",
        fromStageName: "Selection",
        leftAt: iso(72),
        stayedSeconds: 2 * SECONDS_PER_DAY,
      },
      {
        kind: "stage",
        at: iso(72),
        by: mo,
        stageId: stageNamed(board, "Development").id,
        stageName: "Development",
        fromStageName: "Design",
        leftAt: iso(144),
        stayedSeconds: 3 * SECONDS_PER_DAY,
      },
      {
        kind: "blocked",
        at: iso(84),
        by: mo,
        reason: "Waiting for the bank",
        unblockedAt: iso(96),
        unblockedBy: ada,
        blockedSeconds: SECONDS_PER_DAY / 2,
      },
      { kind: "owner", at: iso(100), by: ada, owner: mo },
      {
        kind: "stage",
        at: iso(144),
        by: mo,
        stageId: stageNamed(board, "Testing").id,
        stageName: "Testing",
        fromStageName: "Development",
        leftAt: null,
        stayedSeconds: null,
      },
    ]);
    const ticks = journey.entries.filter((entry) => entry.kind === "criterion");
    expect(ticks).toHaveLength(board.criteria.length);
    expect(ticks[0]).toMatchObject({ at: iso(0.5), by: mo });
    expect(journey.entries.indexOf(ticks[0] as THistoryEntry)).toBe(1);
  });

  it("states the age against the SLE while in progress, then the cycle times against 14 and 7 days", async () => {
    const inProgress = await getDemandHistory(ctx.db, viewer.userId, demandId, at(168));
    expect(inProgress.cycleTimes).toEqual({
      timeBasis: "calendar",
      delivery: { seconds: null, targetSeconds: 14 * SECONDS_PER_DAY },
      development: { seconds: null, targetSeconds: 7 * SECONDS_PER_DAY },
      // Committed on entering Design (hour 24); nothing delivered yet, so no SLE to compare with.
      age: { seconds: 6 * SECONDS_PER_DAY, status: "no-sle", p50Seconds: null, sleSeconds: null },
    });

    await moveTo("Release", 192);
    await moveTo("Done", 216);
    const delivered = await getDemandHistory(ctx.db, viewer.userId, demandId, at(240));
    expect(delivered.cycleTimes).toMatchObject({
      delivery: { seconds: 8 * SECONDS_PER_DAY, targetSeconds: 14 * SECONDS_PER_DAY },
      development: { seconds: 5 * SECONDS_PER_DAY, targetSeconds: 7 * SECONDS_PER_DAY },
      age: null,
    });
  });

  it("answers a non-member 404 and a member of another board too", async () => {
    const response = await stranger.request({ method: "GET", url: `/api/demands/${demandId}/history` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: "NOT_FOUND" });
  });
});
