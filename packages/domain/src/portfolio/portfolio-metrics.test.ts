import { describe, expect, it } from "vitest";
import { BOARD, day, demand } from "../flow-fixture";
import { orderStages } from "../stage-order";
import { twoOneOneTiles, twoOneOneTilesAcross } from "../two-one-one-tiles";
import { days } from "../units";
import { acceptanceGateRank, passesAcceptanceGate, undeliveredChildrenMessage } from "./acceptance-gate";
import { childProgress, childState } from "./child-progress";

/** Committed on `start`, delivered (Done) on `end`. */
const delivered = (id: string, start: number, end: number) =>
  demand(id, [
    [day(start), "design"],
    [day(end), "done"],
  ]);

describe("twoOneOneTilesAcross", () => {
  const window = { from: day(0), to: day(60) };
  // Team A: 1, 2, 3, 10 days; team B: 4, 5, 6 days.
  const teamA = [delivered("a1", 0, 1), delivered("a2", 0, 2), delivered("a3", 0, 3), delivered("a4", 0, 10)];
  const teamB = [delivered("b1", 10, 14), delivered("b2", 10, 15), delivered("b3", 10, 16)];

  it("takes nearest-rank percentiles over the union, not the mean of the teams' percentiles", () => {
    const a = twoOneOneTiles(teamA, BOARD, { window }).delivery;
    const b = twoOneOneTiles(teamB, BOARD, { window }).delivery;
    expect([a.p85, b.p85]).toEqual([days(10), days(6)]);
    const union = twoOneOneTilesAcross(
      [
        { demands: teamA, stages: BOARD },
        { demands: teamB, stages: BOARD },
      ],
      { window },
    ).delivery;
    // [1, 2, 3, 4, 5, 6, 10]: p50 at rank ceil(3.5) = 4, p85 at ceil(5.95) = 6, p95 at ceil(6.65) = 7.
    expect(union).toMatchObject({ count: 7, p50: days(4), p85: days(6), p95: days(10), attainment: 1 });
    expect(union.p85).not.toBe(((a.p85 ?? 0) + (b.p85 ?? 0)) / 2);
  });

  it("reads each board's demands against that board's own stages", () => {
    const otherBoard = BOARD.map((stage) => ({ ...stage, id: `other-${stage.id}` }));
    const other = demand("o1", [
      [day(0), "other-design"],
      [day(3), "other-done"],
    ]);
    const union = twoOneOneTilesAcross(
      [
        { demands: teamA, stages: BOARD },
        { demands: [other], stages: otherBoard },
      ],
      { window },
    ).delivery;
    expect(union.count).toBe(5);
  });
});

describe("child progress", () => {
  const order = orderStages(BOARD);
  it("calls a child delivered at or past its board's delivery boundary, else blocked, waiting or in progress", () => {
    expect(childState(order, "done", true)).toBe("delivered");
    expect(childState(order, "testing", true)).toBe("blocked");
    expect(childState(order, "selection", false)).toBe("waiting");
    expect(childState(order, "release", false)).toBe("waiting");
    expect(childState(order, "development", false)).toBe("in-progress");
  });

  it("counts n of m delivered overall and per team", () => {
    const orders = new Map([
      ["payments", order],
      ["mobile", order],
    ]);
    const progress = childProgress(
      [
        { boardId: "payments", stageId: "done", blocked: false },
        { boardId: "payments", stageId: "testing", blocked: true },
        { boardId: "mobile", stageId: "selection", blocked: false },
      ],
      orders,
    );
    expect(progress).toEqual({
      total: 3,
      delivered: 1,
      teams: [
        { boardId: "payments", total: 2, delivered: 1, blocked: 1, waiting: 0 },
        { boardId: "mobile", total: 1, delivered: 0, blocked: 0, waiting: 1 },
      ],
    });
  });
});

describe("acceptance gate", () => {
  const business = orderStages([
    { id: "selection", position: 0, kind: "queue", boundary: null },
    { id: "analysis", position: 1, kind: "active", boundary: "commitment" },
    { id: "in-delivery", position: 2, kind: "active", boundary: "development_start" },
    { id: "acceptance", position: 3, kind: "active", boundary: "development_end" },
    { id: "released", position: 4, kind: "done", boundary: "delivered" },
  ]);

  it("stands at the development-end boundary, right after In delivery", () => {
    expect(acceptanceGateRank(business)).toBe(3);
    expect(passesAcceptanceGate(business, 2, 3)).toBe(true);
    expect(passesAcceptanceGate(business, 1, 4)).toBe(true);
    expect(passesAcceptanceGate(business, 3, 4)).toBe(false);
    expect(passesAcceptanceGate(business, 4, 2)).toBe(false);
  });

  it("falls back to the delivery boundary", () => {
    const plain = orderStages([
      { id: "todo", position: 0, kind: "queue", boundary: "commitment" },
      { id: "done", position: 1, kind: "done", boundary: "delivered" },
    ]);
    expect(acceptanceGateRank(plain)).toBe(1);
  });

  it("says what is missing, per team", () => {
    expect(
      undeliveredChildrenMessage(
        [
          { teamName: "Payments", undelivered: 1 },
          { teamName: "Mobile", undelivered: 1 },
        ],
        3,
      ),
    ).toBe(
      "2 of its 3 product demands are not delivered yet (Payments: 1, Mobile: 1). A member may pass the gate by giving a reason.",
    );
  });
});
