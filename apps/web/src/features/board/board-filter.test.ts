import { describe, expect, it } from "vitest";
import {
  boardFilterFromParams,
  isFiltering,
  matchesBoardFilter,
  NO_FILTER,
  NO_OWNER,
  paramsWithBoardFilter,
} from "./board-filter";
import { testDemand } from "./test-demand";

const demand = testDemand;

const neverPastSle = () => false;

describe("board filter", () => {
  it("matches text against the key and the title, ignoring case and surrounding spaces", () => {
    const refunds = demand({});
    expect(matchesBoardFilter(refunds, { ...NO_FILTER, text: " REFUND " }, neverPastSle)).toBe(true);
    expect(matchesBoardFilter(refunds, { ...NO_FILTER, text: "pay-4" }, neverPastSle)).toBe(true);
    expect(matchesBoardFilter(refunds, { ...NO_FILTER, text: "invoice" }, neverPastSle)).toBe(false);
  });

  it("needs every part that is on", () => {
    const blockedDefect = demand({ type: "defect", blocked: true, ownerId: "u1", laneId: "defects" });
    const filter = { ...NO_FILTER, type: "defect" as const, blocked: true, ownerId: "u1", laneId: "defects" };
    expect(matchesBoardFilter(blockedDefect, filter, neverPastSle)).toBe(true);
    expect(matchesBoardFilter({ ...blockedDefect, blocked: false }, filter, neverPastSle)).toBe(false);
    expect(matchesBoardFilter({ ...blockedDefect, laneId: "standard" }, filter, neverPastSle)).toBe(false);
  });

  it("tells cards nobody owns from owned ones", () => {
    const filter = { ...NO_FILTER, ownerId: NO_OWNER };
    expect(matchesBoardFilter(demand({ ownerId: null }), filter, neverPastSle)).toBe(true);
    expect(matchesBoardFilter(demand({ ownerId: "u1" }), filter, neverPastSle)).toBe(false);
  });

  it("asks about the SLE only when that part is on", () => {
    let asked = 0;
    const pastSle = () => {
      asked += 1;
      return true;
    };
    expect(matchesBoardFilter(demand({}), NO_FILTER, pastSle)).toBe(true);
    expect(asked).toBe(0);
    expect(matchesBoardFilter(demand({}), { ...NO_FILTER, pastSle: true }, pastSle)).toBe(true);
    expect(asked).toBe(1);
  });

  it("round-trips through the URL and leaves other parameters alone", () => {
    const filter = {
      text: "refund",
      ownerId: "u1",
      type: "spike" as const,
      laneId: "l1",
      blocked: true,
      pastSle: true,
    };
    const params = paramsWithBoardFilter(new URLSearchParams("view=projector"), filter);
    expect(params.get("view")).toBe("projector");
    expect(boardFilterFromParams(params)).toEqual(filter);
    expect(paramsWithBoardFilter(params, NO_FILTER).toString()).toBe("view=projector");
  });

  it("ignores what it cannot read, and a blank search is no filter", () => {
    expect(boardFilterFromParams(new URLSearchParams("type=epic&blocked=yes"))).toEqual(NO_FILTER);
    expect(isFiltering({ ...NO_FILTER, text: "   " })).toBe(false);
    expect(isFiltering({ ...NO_FILTER, blocked: true })).toBe(true);
  });
});
