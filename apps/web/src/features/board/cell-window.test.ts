import { describe, expect, it } from "vitest";
import { DONE_SHOWN, QUEUE_SHOWN, shownRange } from "./cell-window";

describe("shownRange", () => {
  it("shows a queue's top and a done cell's latest arrivals", () => {
    expect(shownRange(40, false, false)).toEqual({ start: 0, end: QUEUE_SHOWN });
    expect(shownRange(10, true, false)).toEqual({ start: 10 - DONE_SHOWN, end: 10 });
  });

  it("folds the done cell of a lane with no work in progress to its count, until opened", () => {
    expect(shownRange(3, true, false, true)).toEqual({ start: 3, end: 3 });
    expect(shownRange(3, true, true, true)).toEqual({ start: 0, end: 3 });
    expect(shownRange(3, false, false, true)).toEqual({ start: 0, end: 3 });
  });
});
