import { describe, expect, it } from "vitest";
import { changesDelivery, isOpenDependency } from "./open-dependency";
import { orderStages } from "./stage-order";

describe("isOpenDependency", () => {
  const order = orderStages([
    { id: "selection", position: 0, kind: "queue", boundary: null },
    { id: "testing", position: 1, kind: "active", boundary: null },
    { id: "done", position: 2, kind: "done", boundary: "delivered" },
    { id: "after", position: 3, kind: "done", boundary: null },
  ]);

  it("is open until the demand depended on is delivered", () => {
    expect(isOpenDependency({ stageId: "selection", archived: false }, order)).toBe(true);
    expect(isOpenDependency({ stageId: "testing", archived: false }, order)).toBe(true);
    expect(isOpenDependency({ stageId: "done", archived: false }, order)).toBe(false);
    expect(isOpenDependency({ stageId: "after", archived: false }, order)).toBe(false);
  });

  it("is closed when the demand depended on was archived", () => {
    expect(isOpenDependency({ stageId: "testing", archived: true }, order)).toBe(false);
  });

  it("knows which moves change whether the demand is delivered", () => {
    expect(changesDelivery(order, "testing", "done")).toBe(true);
    expect(changesDelivery(order, "after", "testing")).toBe(true);
    expect(changesDelivery(order, "selection", "testing")).toBe(false);
    expect(changesDelivery(order, "done", "after")).toBe(false);
  });
});
