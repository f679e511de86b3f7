import { describe, expect, it } from "vitest";
import { BOARD, day, demand } from "../flow-fixture";
import { stageMovement } from "./stage-movement";

const counts = (movement: ReturnType<typeof stageMovement>, stageId: string) => {
  const found = movement.find((stage) => stage.stageId === stageId);
  return found && [found.arrivals, found.departures, found.forwardDepartures];
};

describe("stageMovement", () => {
  it("counts entries and exits inside the window only (the worked example)", () => {
    const a = demand("a", [
      [day(0), "design"],
      [day(3), "development"],
      [day(5), "design"],
    ]);
    const movement = stageMovement([a], BOARD, { from: day(2), to: day(10) });
    expect(counts(movement, "design")).toEqual([1, 1, 1]);
    expect(counts(movement, "development")).toEqual([1, 1, 0]);
    expect(counts(movement, "selection")).toEqual([0, 0, 0]);
  });

  it("counts a creation in the window as an arrival, archiving as a departure and restoring as an arrival", () => {
    const b = demand("b", [
      [day(1), "testing"],
      [day(2), "blocked"],
      [day(3), "archived"],
      [day(4), "restored"],
      [day(12), "release"],
    ]);
    const movement = stageMovement([b], BOARD, { from: day(0), to: day(10) });
    // Created and restored in Testing; archived out of it; the move on day 12 is after the window.
    expect(counts(movement, "testing")).toEqual([2, 1, 0]);
    expect(counts(movement, "release")).toEqual([0, 0, 0]);
  });
});
