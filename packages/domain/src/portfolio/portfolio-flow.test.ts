import { describe, expect, it } from "vitest";
import { BOARD, day, demand } from "../flow-fixture";
import { days } from "../units";
import { portfolioConstraint, portfolioThroughput } from "./portfolio-flow";

const MOBILE_BOARD = BOARD.map((stage) => ({ ...stage, id: `m-${stage.id}` }));

/** A demand created in `stage` on day `entered`, moved to `then` on day `left`. */
const stay = (id: string, stage: string, entered: number, left: number, then: string) =>
  demand(id, [
    [day(entered), stage],
    [day(left), then],
  ]);
const payments = (...demands: ReturnType<typeof stay>[]) => ({ boardId: "payments", stages: BOARD, demands });
const mobile = (...demands: ReturnType<typeof stay>[]) => ({
  boardId: "mobile",
  stages: MOBILE_BOARD,
  demands,
});

describe("portfolioThroughput", () => {
  // `to` Wednesday 06-10 (day 9): the 12 weeks start Wednesday 03-18.
  const window = { from: day(-21), to: day(9) };

  it("counts each team's deliveries per Monday week over the 12 weeks and adds them up for the organisation (hand-worked)", () => {
    const teams = [
      payments(stay("p1", "design", -3, 1, "done"), stay("p2", "design", -3, 3, "done")),
      mobile(stay("m1", "m-design", 2, 7, "m-done")),
    ];
    const throughput = portfolioThroughput(teams, window);
    expect(throughput.organisation).toHaveLength(13);
    expect(throughput.organisation[0]).toEqual({ start: day(-75), end: day(-70), count: 0 });
    expect(throughput.organisation.slice(-2)).toEqual([
      { start: day(0), end: day(7), count: 2 },
      { start: day(7), end: day(9), count: 1 },
    ]);
    expect(
      throughput.teams.map((team) => [team.boardId, team.weeks.slice(-2).map((week) => week.count)]),
    ).toEqual([
      ["payments", [2, 0]],
      ["mobile", [0, 1]],
    ]);
  });
});

describe("portfolioConstraint", () => {
  const now = day(14);
  // Payments' Testing: 2, 3 and 9 days (p85 9 d); Mobile's Development: 4 and 8 days (p85 8 d).
  const paymentsTesting = [
    stay("p1", "testing", 1, 3, "done"),
    stay("p2", "testing", 2, 5, "done"),
    stay("p3", "testing", 4, 13, "done"),
  ];
  const mobileDevelopment = [
    stay("m1", "m-development", 2, 6, "m-done"),
    stay("m2", "m-development", 5, 13, "m-done"),
  ];

  it("names the team and stage where work waits longest across the boards, by the board insight's rule", () => {
    const { constraint, teams, from } = portfolioConstraint(
      [mobile(...mobileDevelopment), payments(...paymentsTesting)],
      now,
    );
    expect(from).toBe(day(0));
    expect(teams.map((team) => [team.boardId, team.stuck.longestWait])).toEqual([
      ["mobile", "m-development"],
      ["payments", "testing"],
    ]);
    expect(constraint?.boardId).toBe("payments");
    expect(constraint?.stage).toMatchObject({
      stageId: "testing",
      demandCount: 3,
      medianTime: days(3),
      p85Time: days(9),
      arrivals: 3,
      departures: 3,
    });
  });

  it("breaks a tie in p85 by the median, and says nothing when no committed work moved", () => {
    // Mobile: 4, 5, 8, 9 days: p85 9 d like Payments, median 5 d against Payments' 3 d.
    const slowerMedian = mobile(
      ...mobileDevelopment,
      stay("m3", "m-development", 5, 10, "m-done"),
      stay("m4", "m-development", 0, 9, "m-done"),
    );
    expect(portfolioConstraint([payments(...paymentsTesting), slowerMedian], now).constraint?.boardId).toBe(
      "mobile",
    );
    expect(portfolioConstraint([payments()], now).constraint).toBeNull();
  });
});
