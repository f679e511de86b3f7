import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agingWork } from "./aging-work";
import { boundaryTimes } from "./boundary-times";
import type { DemandFlow, FlowBoundary, FlowEvent, FlowStage, StageKind } from "./flow-history";
import { committedRanks } from "./insights/committed-stages";
import { inProgressStageIds, isInProgressStage, type StageRule } from "./move-rules";
import {
  committedStages,
  deliveredStage,
  inProgressStages,
  isCommittedRank,
  isCommittedStage,
  isDeliveredRank,
  isInProgressRank,
  orderStages,
} from "./stage-order";
import { standupStages } from "./standup-order";
import { DAY, epochMs, HOUR } from "./units";
import { workItemAge } from "./work-item-age";

/**
 * One rule, every reader (DESIGN "One rule, one place"): on random boards
 * whose boundaries are set, cleared and moved while demands flow, the
 * `committedAt` the API stores (stamped by moves and creations with
 * `isCommittedStage`, read again from the log when the committed stages
 * change, as services/settings/restamp-commitments.ts does) is the one the
 * metrics read from the log (`boundaryTimes`), and every place that asks
 * "in progress?" or "delivered?" (aging chart, SLE badge and sweep, lane
 * WIP, stuck flow and WIP advice, stand-up, pipeline) gives one answer.
 */

const KINDS: readonly StageKind[] = ["queue", "active", "done"];
const BOUNDARIES: readonly FlowBoundary[] = [
  "commitment",
  "development_start",
  "development_end",
  "delivered",
];

type Step =
  | { op: "create"; stage: number }
  | { op: "move"; demand: number; stage: number }
  | { op: "mark"; boundary: FlowBoundary; stage: number | null }
  | { op: "kind"; stage: number; kind: StageKind }
  | { op: "swap"; a: number; b: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant("create" as const), stage: fc.nat(6) }),
  fc.record({ op: fc.constant("move" as const), demand: fc.nat(9), stage: fc.nat(6) }),
  fc.record({ op: fc.constant("move" as const), demand: fc.nat(9), stage: fc.nat(6) }),
  fc.record({
    op: fc.constant("mark" as const),
    boundary: fc.constantFrom(...BOUNDARIES),
    stage: fc.option(fc.nat(6), { nil: null }),
  }),
  fc.record({ op: fc.constant("kind" as const), stage: fc.nat(6), kind: fc.constantFrom(...KINDS) }),
  fc.record({ op: fc.constant("swap" as const), a: fc.nat(6), b: fc.nat(6) }),
);

const board: fc.Arbitrary<FlowStage[]> = fc
  .array(
    fc.record({ kind: fc.constantFrom(...KINDS), boundary: fc.option(fc.constantFrom(...BOUNDARIES)) }),
    {
      minLength: 1,
      maxLength: 7,
    },
  )
  .map((stages) => {
    const seen = new Set<FlowBoundary>();
    return stages.map(({ kind, boundary }, index) => {
      // One stage per boundary, as the settings service keeps it.
      const keep = boundary !== null && !seen.has(boundary);
      if (keep) seen.add(boundary);
      return { id: `s${index}`, position: index, kind, boundary: keep ? boundary : null };
    });
  });

interface Stored {
  id: string;
  stageId: string;
  committedAt: number | null;
  events: FlowEvent[];
}

/** Plays the steps as the API's services would, returning the board and its demands as stored. */
function play(
  initial: FlowStage[],
  steps: readonly Step[],
): { stages: FlowStage[]; demands: Stored[]; now: number } {
  let stages = initial.map((stage) => ({ ...stage }));
  const demands: Stored[] = [];
  let now = Date.UTC(2026, 5, 1);
  const at = (index: number) => stages[index % stages.length] as FlowStage;
  const restamp = (before: readonly FlowStage[]) => {
    const committedBefore = committedStages(orderStages(before)).map((stage) => stage.id);
    const order = orderStages(stages);
    const committedAfter = committedStages(order).map((stage) => stage.id);
    if (committedBefore.sort().join() === committedAfter.sort().join()) return;
    for (const demand of demands) demand.committedAt = boundaryTimes(demand.events, order).committedAt;
  };
  for (const s of steps) {
    now += 7 * HOUR;
    const order = orderStages(stages);
    switch (s.op) {
      case "create": {
        const stage = at(s.stage);
        demands.push({
          id: `d${demands.length}`,
          stageId: stage.id,
          committedAt: isCommittedStage(order, stage.id) ? now : null,
          events: [{ at: epochMs(now), kind: "created", fromStageId: null, toStageId: stage.id }],
        });
        break;
      }
      case "move": {
        const demand = demands[s.demand % Math.max(demands.length, 1)];
        const to = at(s.stage);
        if (!demand || to.id === demand.stageId) break;
        if (demand.committedAt === null && isCommittedStage(order, to.id)) demand.committedAt = now;
        demand.events.push({
          at: epochMs(now),
          kind: "moved",
          fromStageId: demand.stageId,
          toStageId: to.id,
        });
        demand.stageId = to.id;
        break;
      }
      case "mark": {
        const before = stages.map((stage) => ({ ...stage }));
        stages = stages.map((stage) =>
          stage.boundary === s.boundary ? { ...stage, boundary: null } : stage,
        );
        if (s.stage !== null) {
          const target = at(s.stage);
          stages = stages.map((stage) =>
            stage.id === target.id ? { ...stage, boundary: s.boundary } : stage,
          );
        }
        restamp(before);
        break;
      }
      case "kind": {
        const before = stages.map((stage) => ({ ...stage }));
        const target = at(s.stage);
        stages = stages.map((stage) => (stage.id === target.id ? { ...stage, kind: s.kind } : stage));
        restamp(before);
        break;
      }
      case "swap": {
        const before = stages.map((stage) => ({ ...stage }));
        const a = at(s.a);
        const b = at(s.b);
        stages = stages.map((stage) =>
          stage.id === a.id
            ? { ...stage, position: b.position }
            : stage.id === b.id
              ? { ...stage, position: a.position }
              : stage,
        );
        restamp(before);
        break;
      }
    }
  }
  return { stages, demands, now: now + DAY };
}

const asRules = (stages: readonly FlowStage[]): StageRule[] =>
  stages.map((stage) => ({ ...stage, name: stage.id, wipLimit: null, wipPolicy: "hard" }));

describe("the boundary rules agree on random boards", () => {
  it("the stored commitment is the log's, and a demand in a committed stage is committed", () => {
    fc.assert(
      fc.property(board, fc.array(step, { maxLength: 40 }), (initial, steps) => {
        const { stages, demands } = play(initial, steps);
        const order = orderStages(stages);
        for (const demand of demands) {
          const fromLog = boundaryTimes(demand.events, order);
          expect(demand.committedAt).toBe(fromLog.committedAt);
          if (isCommittedStage(order, demand.stageId)) expect(demand.committedAt).not.toBeNull();
          const rank = order.rankOf.get(demand.stageId) ?? -1;
          if (fromLog.deliveredAt !== null) expect(isDeliveredRank(order, rank)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the aging chart, the cards' ages and the SLE sweep list the same demands", () => {
    fc.assert(
      fc.property(board, fc.array(step, { maxLength: 40 }), (initial, steps) => {
        const { stages, demands, now } = play(initial, steps);
        const order = orderStages(stages);
        const flows: DemandFlow[] = demands.map((demand) => ({
          id: demand.id,
          type: "feature",
          laneId: "standard",
          events: demand.events,
        }));
        const charted = agingWork(flows, stages, epochMs(now), { p50: null, p85: null }).map(
          (item) => item.demandId,
        );
        const carded = demands
          .filter((demand) => {
            const committedAt = demand.committedAt === null ? null : epochMs(demand.committedAt);
            return (
              workItemAge(order, { stageId: demand.stageId, committedAt, archived: false }, epochMs(now)) !==
              null
            );
          })
          .map((demand) => demand.id);
        expect([...charted].sort()).toEqual([...carded].sort());
      }),
      { numRuns: 300 },
    );
  });

  it("every reader of 'in progress', 'committed' and 'delivered' gives the board's one answer", () => {
    fc.assert(
      fc.property(board, fc.array(step, { maxLength: 12 }), (initial, steps) => {
        const { stages } = play(initial, steps);
        const order = orderStages(stages);
        const rules = asRules(stages);
        const inProgress = order.stages
          .filter((_, rank) => isInProgressRank(order, rank))
          .map((stage) => stage.id);
        expect(inProgressStages(order).map((stage) => stage.id)).toEqual(inProgress);
        expect(
          rules
            .filter((stage) => isInProgressStage(stage, rules))
            .map((stage) => stage.id)
            .sort(),
        ).toEqual([...inProgress].sort());
        expect(inProgressStageIds(rules)).toEqual(inProgress);
        expect(committedRanks(order).map((rank) => order.stages[rank]?.id)).toEqual(inProgress);
        for (const [rank, stage] of order.stages.entries()) {
          expect(isCommittedStage(order, stage.id)).toBe(isCommittedRank(order, rank));
          expect(isInProgressRank(order, rank)).toBe(
            isCommittedRank(order, rank) && !isDeliveredRank(order, rank),
          );
        }
        const delivered = deliveredStage(order);
        expect(delivered === null ? null : order.rankOf.get(delivered.id)).toBe(order.delivered);
        const walked = standupStages(stages).map((stage) => stage.id);
        expect(walked.every((id) => !isDeliveredRank(order, order.rankOf.get(id) ?? -1))).toBe(true);
        expect(walked.length).toBe(order.delivered ?? order.stages.length);
      }),
      { numRuns: 300 },
    );
  });

  it("answers the boundary probe: a cleared commitment falls back to the first active stage for everyone", () => {
    const stages: FlowStage[] = [
      { id: "selection", position: 0, kind: "queue", boundary: null },
      { id: "design", position: 1, kind: "active", boundary: "commitment" },
      { id: "development", position: 2, kind: "active", boundary: "development_start" },
      { id: "done", position: 3, kind: "done", boundary: "delivered" },
    ];
    const {
      stages: after,
      demands,
      now,
    } = play(stages, [
      { op: "create", stage: 0 },
      { op: "mark", boundary: "commitment", stage: null },
      { op: "move", demand: 0, stage: 1 },
    ]);
    const order = orderStages(after);
    const [moved] = demands;
    expect(moved?.committedAt).not.toBeNull();
    expect(
      workItemAge(
        order,
        { stageId: "design", committedAt: epochMs(moved?.committedAt ?? 0), archived: false },
        epochMs(now),
      ),
    ).toBe(DAY);
  });
});
