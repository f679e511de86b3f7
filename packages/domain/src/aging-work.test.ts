import { describe, expect, it } from "vitest";
import { agingWork } from "./aging-work";
import { BOARD, day, demand } from "./flow-fixture";
import { days } from "./units";

const now = day(20);
const expectation = { p50: days(5), p85: days(12) };

describe("agingWork", () => {
  it("ages work in progress from its commitment point and compares it with p50 and the SLE", () => {
    const demands = [
      demand("young", [
        [day(10), "selection"],
        [day(17), "design"],
      ]),
      demand("testing", [
        [day(10), "design"],
        [day(12), "development"],
        [day(14), "testing"],
      ]),
      demand("late", [
        [day(2), "design"],
        [day(4), "development"],
        [day(6), "blocked"],
      ]),
    ];
    expect(agingWork(demands, BOARD, now, expectation)).toEqual([
      {
        demandId: "testing",
        stageId: "testing",
        committedAt: day(10),
        age: days(10),
        blocked: false,
        status: "within-sle",
      },
      {
        demandId: "late",
        stageId: "development",
        committedAt: day(2),
        age: days(18),
        blocked: true,
        status: "beyond-sle",
      },
      {
        demandId: "young",
        stageId: "design",
        committedAt: day(17),
        age: days(3),
        blocked: false,
        status: "within-p50",
      },
    ]);
  });

  it("leaves out work not committed, delivered, archived or sent back before the commitment point", () => {
    const demands = [
      demand("backlog", [[day(1), "selection"]]),
      demand("delivered", [
        [day(1), "design"],
        [day(3), "done"],
      ]),
      demand("abandoned", [
        [day(1), "design"],
        [day(3), "archived"],
      ]),
      demand("decommitted", [
        [day(1), "design"],
        [day(3), "selection"],
      ]),
    ];
    expect(agingWork(demands, BOARD, now, expectation)).toEqual([]);
  });

  it("keeps the first commitment of recommitted work, and counts reopened work as in progress", () => {
    const demands = [
      demand("recommitted", [
        [day(1), "design"],
        [day(3), "selection"],
        [day(15), "design"],
      ]),
      demand("reopened", [
        [day(4), "design"],
        [day(8), "done"],
        [day(9), "testing"],
      ]),
    ];
    expect(agingWork(demands, BOARD, now, expectation)).toMatchObject([
      { demandId: "reopened", age: days(16), status: "beyond-sle" },
      { demandId: "recommitted", age: days(19), status: "beyond-sle" },
    ]);
  });

  it("ignores what happens after now", () => {
    const demands = [
      demand("future", [
        [day(10), "design"],
        [day(25), "done"],
      ]),
    ];
    expect(agingWork(demands, BOARD, now, expectation)).toMatchObject([
      { demandId: "future", age: days(10) },
    ]);
  });

  it("has no status without delivery history, and counts business days when asked (13 calendar days, 10 weekdays)", () => {
    const demands = [demand("a", [[day(7), "design"]])];
    expect(
      agingWork(
        demands,
        BOARD,
        now,
        { p50: null, p85: null },
        { timeBasis: "business-days", filter: { type: "feature" } },
      ),
    ).toEqual([
      {
        demandId: "a",
        stageId: "design",
        committedAt: day(7),
        age: days(10),
        blocked: false,
        status: "no-sle",
      },
    ]);
    expect(agingWork(demands, BOARD, now, expectation, { filter: { laneId: "expedite" } })).toEqual([]);
  });
});
