import { describe, expect, it } from "vitest";
import { agingWork } from "./aging-work";
import { type BoundaryTimes, boundaryTimes } from "./boundary-times";
import { cumulativeFlow } from "./cumulative-flow";
import { deliveryCycleTimes, developmentCycleTimes, releaseLeadTimes } from "./cycle-times";
import { flowEfficiency } from "./flow-efficiency";
import { BOARD, day, demand, generatedDemands } from "./flow-fixture";
import { orderStages } from "./stage-order";
import { summarizeDurations } from "./summarize-durations";
import { throughput } from "./throughput";
import { TWO_ONE_ONE_TARGETS, twoOneOneTiles } from "./two-one-one-tiles";
import { days, epochMs, minutes, WEEK } from "./units";

/** Committed `start`, development `devStart` to `devEnd`, released (Done) at `end` hours after devEnd. */
const flow = (id: string, start: number, devStart: number, devEnd: number, releaseHours: number) =>
  demand(id, [
    [day(start), "design"],
    [day(devStart), "development"],
    [day(devEnd), "release"],
    [day(devEnd, releaseHours), "done"],
  ]);

describe("twoOneOneTiles", () => {
  const window = { from: day(84), to: day(112) };
  const demands = [
    flow("a", 80, 90, 94, 1), // delivery 14 d 1 h, development 4 d, release 1 h (board)
    flow("b", 95, 96, 100, 0), // delivery 5 d, development 4 d, release 0
    flow("c", 100, 101, 110, 0), // delivery 10 d, development 9 d, release 0
    flow("old", 20, 22, 27, 0), // delivered long before the window and the trend
  ];

  it("summarizes each metric over the window against 14 days, 7 days and 60 minutes", () => {
    const tiles = twoOneOneTiles(demands, BOARD, { window });
    expect(tiles.delivery).toMatchObject({
      count: 3,
      p50: days(10),
      p85: days(14) + minutes(60),
      attainment: 2 / 3,
      target: TWO_ONE_ONE_TARGETS.delivery,
    });
    expect(tiles.development).toMatchObject({ count: 3, p50: days(4), p85: days(9), attainment: 2 / 3 });
    expect(tiles.release).toMatchObject({
      count: 3,
      p50: 0,
      p85: minutes(60),
      attainment: 1,
      target: minutes(60),
    });
  });

  it("uses the pipeline's release signal where there is one", () => {
    const withCode = demands.map((flow) =>
      flow.id === "a" ? { ...flow, code: { lastSubmissionAt: day(94), releasedAt: day(94, 3) } } : flow,
    );
    expect(twoOneOneTiles(withCode, BOARD, { window }).release).toMatchObject({
      count: 3,
      p85: minutes(180),
      attainment: 2 / 3,
    });
  });

  it("trends p85 and attainment over the 12 weeks ending at the window's end", () => {
    const { trend } = twoOneOneTiles(demands, BOARD, { window }).delivery;
    expect(trend).toHaveLength(12);
    expect(trend[0]?.start).toBe(day(28));
    expect(trend[11]).toEqual({ start: day(105), end: day(112), count: 1, p85: days(10), attainment: 1 });
    expect(trend[10]).toMatchObject({ start: day(98), count: 1, p85: days(5) });
    expect(trend[9]).toMatchObject({ start: day(91), count: 1, p85: days(14) + minutes(60), attainment: 0 });
    expect(trend[0]).toEqual({ start: day(28), end: day(35), count: 0, p85: null, attainment: null });
  });

  it("agrees with deliveryCycleTimes and summarizeDurations", () => {
    const tiles = twoOneOneTiles(demands, BOARD, { window, timeBasis: "business-days" });
    const durations = deliveryCycleTimes(demands, BOARD, { window, timeBasis: "business-days" }).map(
      (time) => time.duration,
    );
    expect(tiles.delivery).toMatchObject(summarizeDurations(durations, TWO_ONE_ONE_TARGETS.delivery));
  });

  it("has empty tiles for an empty window, with trend weeks still laid out", () => {
    const empty = { from: day(200), to: day(200) };
    const tiles = twoOneOneTiles(demands, BOARD, { window: empty });
    expect(tiles.development).toMatchObject({ count: 0, p50: null, p85: null, p95: null, attainment: null });
    expect(tiles.development.trend.map((week) => week.count)).toEqual(new Array(12).fill(0));
    expect(tiles.development.trend[11]?.end).toBe(epochMs(day(200)));
    expect(tiles.development.trend[11]?.start).toBe(epochMs(day(200) - WEEK));
  });
});

describe("the flow metrics on a large generated board", () => {
  const generated = generatedDemands(5000);
  const window = { from: day(30), to: day(90) };

  it("agree with each other", () => {
    const tiles = twoOneOneTiles(generated, BOARD, { window });
    const delivered = deliveryCycleTimes(generated, BOARD, { window });
    expect(tiles.delivery.count).toBe(delivered.length);
    expect(tiles.delivery.count).toBeGreaterThan(100);
    expect(tiles.release.count).toBe(releaseLeadTimes(generated, BOARD, { window }).length);
    expect(tiles.development).toMatchObject(
      summarizeDurations(
        developmentCycleTimes(generated, BOARD, { window }).map((time) => time.duration),
        TWO_ONE_ONE_TARGETS.development,
      ),
    );
    const perDay = throughput(generated, BOARD, { window, period: "day" });
    expect(perDay).toHaveLength(60);
    expect(perDay.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(delivered.length);
    expect(flowEfficiency(generated, BOARD, { window }).demands).toHaveLength(delivered.length);

    const flow = cumulativeFlow(generated, BOARD, { window });
    const done = flow.stages.at(-1)?.reached ?? [];
    expect(done.every((count, i) => i === 0 || count >= (done[i - 1] ?? 0))).toBe(true);
    const order = orderStages(BOARD);
    const lastInstant = epochMs(window.to - 1);
    const states = generated.map((history) => boundaryTimes(history.events, order, lastInstant));
    const doneRank = BOARD.length - 1;
    const abandoned = (state: BoundaryTimes) => state.archived && state.rank < doneRank;
    expect(flow.onBoard.at(-1)).toBe(states.filter((state) => state.rank !== -1 && !abandoned(state)).length);
    const inProgress = states.filter((state) => state.rank >= 1 && state.rank < doneRank && !state.archived);
    expect(agingWork(generated, BOARD, lastInstant, tiles.delivery)).toHaveLength(inProgress.length);
  });
});
