import { describe, expect, it } from "vitest";
import { BOARD } from "./flow-fixture";
import type { FlowStage } from "./flow-history";
import { isInProgressRank, orderStages } from "./stage-order";

describe("orderStages", () => {
  it("ranks stages by position and finds each boundary", () => {
    const order = orderStages([...BOARD].reverse());
    expect(order.stages.map((stage) => stage.id)).toEqual([
      "selection",
      "design",
      "development",
      "testing",
      "release",
      "done",
    ]);
    expect(order.rankOf.get("testing")).toBe(3);
    expect(order).toMatchObject({ commitment: 1, developmentStart: 2, developmentEnd: 4, delivered: 5 });
  });

  it("falls back to the first non-queue stage for commitment and the first done stage for delivery", () => {
    const unmarked: FlowStage[] = [
      { id: "ideas", position: 10, kind: "queue", boundary: null },
      { id: "doing", position: 20, kind: "active", boundary: null },
      { id: "shipped", position: 30, kind: "done", boundary: null },
    ];
    expect(orderStages(unmarked)).toMatchObject({
      commitment: 1,
      developmentStart: null,
      developmentEnd: null,
      delivered: 2,
    });
  });
});

describe("isInProgressRank", () => {
  it("counts the stages from the commitment point up to, not including, delivery", () => {
    const order = orderStages(BOARD);
    expect(order.stages.map((_, rank) => isInProgressRank(order, rank))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it("has no work in progress without a commitment point, and all of it unfinished without a done stage", () => {
    const queues: FlowStage[] = [
      { id: "ideas", position: 10, kind: "queue", boundary: null },
      { id: "later", position: 20, kind: "queue", boundary: null },
    ];
    const allQueues = orderStages(queues);
    expect([0, 1].map((rank) => isInProgressRank(allQueues, rank))).toEqual([false, false]);

    const noDone: FlowStage[] = [
      { id: "ideas", position: 10, kind: "queue", boundary: null },
      { id: "doing", position: 20, kind: "active", boundary: null },
    ];
    const undelivered = orderStages(noDone);
    expect([0, 1, 2].map((rank) => isInProgressRank(undelivered, rank))).toEqual([false, true, false]);
  });
});
