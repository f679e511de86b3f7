import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cumulativeFlow } from "./cumulative-flow";
import { BOARD, day, demand } from "./flow-fixture";
import type { DemandFlow, FlowEvent, FlowEventKind, FlowStage } from "./flow-history";
import type { MetricWindow } from "./metric-window";
import { DAY, epochMs, HOUR } from "./units";

const SMALL_BOARD: FlowStage[] = [
  { id: "backlog", position: 0, kind: "queue", boundary: null },
  { id: "doing", position: 1, kind: "active", boundary: "commitment" },
  { id: "done", position: 2, kind: "done", boundary: "delivered" },
];

const lines = (flow: ReturnType<typeof cumulativeFlow>) =>
  Object.fromEntries(flow.stages.map((stage) => [stage.stageId, stage.reached]));
const bands = (flow: ReturnType<typeof cumulativeFlow>) =>
  Object.fromEntries(flow.stages.map((stage) => [stage.stageId, stage.band]));

describe("cumulativeFlow", () => {
  it("counts each demand at the furthest stage it reached (the worked example)", () => {
    const demands = [
      demand("a", [
        [day(1, 9), "backlog"],
        [day(2, 9), "doing"],
      ]),
      demand("b", [
        [day(2, 10), "doing"],
        [day(3, 10), "done"],
        [day(3, 15), "doing"],
      ]),
    ];
    const flow = cumulativeFlow(demands, SMALL_BOARD, { window: { from: day(1), to: day(4) } });
    expect(flow.days).toEqual([day(1), day(2), day(3)]);
    expect(lines(flow)).toEqual({ backlog: [1, 2, 2], doing: [0, 2, 2], done: [0, 0, 1] });
    expect(bands(flow)).toEqual({ backlog: [1, 0, 0], doing: [0, 2, 1], done: [0, 0, 1] });
    expect(flow.onBoard).toEqual([1, 2, 2]);
  });

  it("starts from everything that happened before the window", () => {
    const demands = [
      demand("old", [
        [day(-20), "selection"],
        [day(-10), "testing"],
      ]),
    ];
    const flow = cumulativeFlow(demands, BOARD, { window: { from: day(0), to: day(2) } });
    expect(lines(flow)).toMatchObject({ selection: [1, 1], testing: [1, 1], release: [0, 0] });
  });

  it("drops a demand archived before delivery from its archive day, and brings it back when restored", () => {
    const abandoned = demand("x", [
      [day(0), "design"],
      [day(1, 12), "archived"],
      [day(3, 12), "restored"],
    ]);
    const flow = cumulativeFlow([abandoned], BOARD, { window: { from: day(0), to: day(5) } });
    expect(flow.onBoard).toEqual([1, 0, 0, 1, 1]);
    expect(lines(flow).design).toEqual([1, 0, 0, 1, 1]);
  });

  it("keeps a delivered demand in Done after it is archived", () => {
    const tidied = demand("y", [
      [day(0), "design"],
      [day(1), "done"],
      [day(2), "archived"],
    ]);
    const flow = cumulativeFlow([tidied], BOARD, { window: { from: day(0), to: day(4) } });
    expect(lines(flow).done).toEqual([0, 1, 1, 1]);
  });

  it("ends the last day at the window's end", () => {
    const late = demand("z", [
      [day(0, 9), "design"],
      [day(1, 18), "done"],
    ]);
    const flow = cumulativeFlow([late], BOARD, { window: { from: day(0, 6), to: day(1, 12) } });
    expect(flow.days).toEqual([day(0), day(1)]);
    expect(lines(flow).done).toEqual([0, 0]);
    expect(lines(flow).design).toEqual([1, 1]);
  });

  it("has no days for an empty window, and zeros for days without demands", () => {
    expect(cumulativeFlow([], BOARD, { window: { from: day(3), to: day(3) } }).days).toEqual([]);
    const quiet = cumulativeFlow([], BOARD, { window: { from: day(0), to: day(2) } });
    expect(quiet.onBoard).toEqual([0, 0]);
    expect(quiet.stages).toHaveLength(6);
  });

  it("filters by lane and type", () => {
    const demands = [
      demand("a", [[day(0), "design"]], { laneId: "expedite" }),
      demand("b", [[day(0), "design"]], { type: "defect" }),
    ];
    const window = { from: day(0), to: day(1) };
    expect(cumulativeFlow(demands, BOARD, { window, filter: { laneId: "expedite" } }).onBoard).toEqual([1]);
    expect(cumulativeFlow(demands, BOARD, { window, filter: { type: "chore" } }).onBoard).toEqual([0]);
  });

  it("never lets a band go negative, and its bands add up to the demands on the board", () => {
    fc.assert(
      fc.property(boardArbitrary.chain(historiesFor), ({ stages, demands, window }) => {
        const flow = cumulativeFlow(demands, stages, { window });
        const expected = naiveCumulativeFlow(demands, stages, window);
        expect(flow.days.length).toBe(expected.onBoard.length);
        flow.days.forEach((_, dayIndex) => {
          let sum = 0;
          for (const stage of flow.stages) {
            const band = stage.band[dayIndex] ?? Number.NaN;
            expect(band).toBeGreaterThanOrEqual(0);
            sum += band;
          }
          expect(sum).toBe(expected.onBoard[dayIndex]);
          expect(flow.onBoard[dayIndex]).toBe(expected.onBoard[dayIndex]);
        });
        expect(flow.stages.map((stage) => stage.reached)).toEqual(expected.reached);
      }),
      { numRuns: 300 },
    );
  });
});

const KINDS: FlowEventKind[] = ["moved", "moved", "moved", "blocked", "unblocked", "archived", "restored"];

const boardArbitrary = fc
  .array(fc.constantFrom<FlowStage["kind"]>("queue", "active", "done"), { minLength: 1, maxLength: 6 })
  .chain((kinds) =>
    fc
      .record({
        positions: fc.uniqueArray(fc.integer({ min: 0, max: 100 }), {
          minLength: kinds.length,
          maxLength: kinds.length,
        }),
        delivered: fc.option(fc.integer({ min: 0, max: kinds.length - 1 })),
      })
      .map(({ positions, delivered }): FlowStage[] =>
        kinds.map((kind, i) => ({
          id: `s${i}`,
          position: positions[i] ?? i,
          kind,
          boundary: i === delivered ? "delivered" : null,
        })),
      ),
  );

function historiesFor(stages: FlowStage[]) {
  const stageIds = [...stages.map((stage) => stage.id), "unknown"];
  const event = fc.record({
    hour: fc.integer({ min: -48, max: 24 * 12 }),
    kind: fc.constantFrom(...KINDS),
    toStageId: fc.constantFrom(...stageIds),
  });
  const history = fc.array(event, { minLength: 1, maxLength: 10 }).map((events): DemandFlow => {
    const sorted = [...events].sort((a, b) => a.hour - b.hour);
    return {
      id: "d",
      type: "feature",
      laneId: "standard",
      events: sorted.map(
        ({ hour, kind, toStageId }, i): FlowEvent => ({
          at: epochMs(day(0) + hour * HOUR),
          kind: i === 0 ? "created" : kind,
          toStageId,
          fromStageId: null,
        }),
      ),
    };
  });
  return fc.record({
    stages: fc.constant(stages),
    demands: fc
      .array(history, { maxLength: 12 })
      .map((list) => list.map((flow, index) => ({ ...flow, id: `d${index}` }))),
    window: fc.tuple(fc.integer({ min: -24, max: 24 * 6 }), fc.integer({ min: 0, max: 24 * 8 })).map(
      ([fromHour, length]): MetricWindow => ({
        from: epochMs(day(0) + fromHour * HOUR),
        to: epochMs(day(0) + (fromHour + length) * HOUR),
      }),
    ),
  });
}

/** The definition, replayed from scratch for every day: slow and obviously right. */
function naiveCumulativeFlow(
  demands: readonly DemandFlow[],
  stages: readonly FlowStage[],
  window: MetricWindow,
) {
  const ordered = [...stages].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
  const rankOf = (id: string) => ordered.findIndex((stage) => stage.id === id);
  const deliveredRank =
    ordered.findIndex((stage) => stage.boundary === "delivered") === -1
      ? ordered.findIndex((stage) => stage.kind === "done")
      : ordered.findIndex((stage) => stage.boundary === "delivered");
  const onBoard: number[] = [];
  const reached: number[][] = ordered.map(() => []);
  const firstDay = Math.floor(window.from / DAY) * DAY;
  for (let dayStart = firstDay; window.from < window.to && dayStart < window.to; dayStart += DAY) {
    const cutoff = Math.min(dayStart + DAY, window.to);
    const counts = ordered.map(() => 0);
    let present = 0;
    for (const { events } of demands) {
      let rank = -1;
      let furthest = -1;
      let dropped = false;
      for (const event of events) {
        if (event.at >= cutoff) break;
        const entered = rankOf(event.toStageId);
        if (entered !== -1) {
          rank = entered;
          furthest = Math.max(furthest, entered);
        }
        if (event.kind === "archived" && (deliveredRank === -1 || rank < deliveredRank)) dropped = true;
        if (event.kind === "restored") dropped = false;
      }
      if (furthest === -1 || dropped) continue;
      present++;
      for (let k = 0; k <= furthest; k++) counts[k] = (counts[k] ?? 0) + 1;
    }
    onBoard.push(present);
    counts.forEach((count, k) => {
      reached[k]?.push(count);
    });
  }
  return { onBoard, reached };
}
