import { describe, expect, it } from "vitest";
import { BOARD } from "./flow-fixture";
import type { FlowStage } from "./flow-history";
import { orderStages } from "./stage-order";

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
