import { describe, expect, it } from "vitest";
import { BOARD, day, demand } from "./flow-fixture";
import { orderStages } from "./stage-order";
import { forEachStageStay, type StageStay } from "./stage-stay";

describe("forEachStageStay", () => {
  it("walks a history as stays up to `until`, with blocked and archived state", () => {
    const stays: StageStay[] = [];
    const history = demand("a", [
      [day(0), "design"],
      [day(1), "blocked"],
      [day(2), "development"],
      [day(3), "unblocked"],
      [day(5), "archived"],
      [day(9), "done"],
    ]);
    forEachStageStay(history.events, orderStages(BOARD), day(6), (stay) => stays.push(stay));
    expect(stays).toEqual([
      { rank: 1, start: day(0), end: day(1), blocked: false, archived: false },
      { rank: 1, start: day(1), end: day(2), blocked: true, archived: false },
      { rank: 2, start: day(2), end: day(3), blocked: true, archived: false },
      { rank: 2, start: day(3), end: day(5), blocked: false, archived: false },
      { rank: 2, start: day(5), end: day(6), blocked: false, archived: true },
    ]);
  });
});
