import { describe, expect, it } from "vitest";
import { BOARD } from "../flow-fixture";
import { orderStages } from "../stage-order";
import { days, hours, type Millis } from "../units";
import { whereWorkWaits } from "./where-work-waits";

const ORDER = orderStages(BOARD);
const wait = (stageId: string, medianTime: Millis | null, p85Time: Millis | null) => ({
  stageId,
  medianTime,
  p85Time,
});

describe("whereWorkWaits", () => {
  it("names the committed stage with the highest p85, never Selection before the commitment point (hand-worked)", () => {
    const stages = [
      wait("selection", days(5), days(9)),
      wait("design", days(1), days(3)),
      wait("development", days(2), days(3)),
      wait("testing", days(1), days(2)),
      wait("release", hours(1), hours(1)),
    ];
    // Selection waits longest of all but holds options; Design and Development tie on p85 and Development's median is higher.
    expect(whereWorkWaits(stages, ORDER)).toBe("development");
  });

  it("leaves out done stages and stages without evidence, and says so when nothing is left", () => {
    expect(whereWorkWaits([wait("done", days(30), days(30)), wait("design", null, null)], ORDER)).toBeNull();
    expect(whereWorkWaits([], ORDER)).toBeNull();
  });

  it("breaks a full tie in column order", () => {
    expect(whereWorkWaits([wait("testing", days(1), days(2)), wait("design", days(1), days(2))], ORDER)).toBe(
      "design",
    );
  });

  it("follows the board's commitment point when it moves", () => {
    const later = orderStages(
      BOARD.map((stage) => ({
        ...stage,
        boundary:
          stage.id === "development" ? "commitment" : stage.boundary === "commitment" ? null : stage.boundary,
      })),
    );
    const stages = [wait("design", days(4), days(8)), wait("testing", days(1), days(2))];
    expect(whereWorkWaits(stages, ORDER)).toBe("design");
    expect(whereWorkWaits(stages, later)).toBe("testing");
  });
});
