import { boundaryTimes } from "./boundary-times";
import { type DemandFilter, matchesDemandFilter } from "./demand-filter";
import type { DemandFlow, FlowStage } from "./flow-history";
import { orderStages } from "./stage-order";
import type { EpochMs, Millis } from "./units";
import type { TimeBasis } from "./utc-calendar";
import { workItemAge } from "./work-item-age";

/**
 * The board's service level expectation: the delivery cycle time's p85 (and
 * its p50), for example `twoOneOneTiles(...).delivery`.
 */
export interface ServiceLevelExpectation {
  p50: Millis | null;
  p85: Millis | null;
}

/**
 * `within-p50`: younger than half of past deliveries took; `within-sle`:
 * between p50 and p85, worth a look; `beyond-sle`: older than 85% of past
 * deliveries took; `no-sle`: nothing delivered yet to compare with.
 */
export type AgingStatus = "within-p50" | "within-sle" | "beyond-sle" | "no-sle";

export interface AgingDemand {
  demandId: string;
  stageId: string;
  committedAt: EpochMs;
  age: Millis;
  blocked: boolean;
  status: AgingStatus;
}

export interface AgingWorkOptions {
  filter?: DemandFilter | undefined;
  timeBasis?: TimeBasis | undefined;
}

/**
 * Work item age of everything in progress: demands past the commitment
 * point, not yet delivered and not archived, aged from their first entry
 * into the commitment stage (not from entering their current column), as
 * of `now`, and compared with the service level expectation: age <= p50 is
 * within p50, age <= p85 within the SLE, older is beyond it. A demand sent
 * back and recommitted keeps its first commitment, as its delivery cycle
 * time will. Ordered for a stand-up: rightmost stage first, oldest first.
 *
 * Example: SLE p50 5 days, p85 12 days; committed 8 days ago and now in
 * Testing: age 8 days, within the SLE.
 */
export function agingWork(
  demands: readonly DemandFlow[],
  stages: readonly FlowStage[],
  now: EpochMs,
  expectation: ServiceLevelExpectation,
  options: AgingWorkOptions = {},
): AgingDemand[] {
  const order = orderStages(stages);
  const basis = options.timeBasis ?? "calendar";
  const aging: (AgingDemand & { rank: number })[] = [];
  for (const demand of demands) {
    if (!matchesDemandFilter(demand, options.filter)) continue;
    const times = boundaryTimes(demand.events, order, now);
    const { committedAt, rank } = times;
    const stage = order.stages[rank];
    if (committedAt === null || stage === undefined) continue;
    const age = workItemAge(order, { stageId: stage.id, committedAt, archived: times.archived }, now, basis);
    if (age === null) continue;
    aging.push({
      demandId: demand.id,
      stageId: stage.id,
      committedAt,
      age,
      blocked: times.blocked,
      status: agingStatus(age, expectation),
      rank,
    });
  }
  aging.sort((a, b) => b.rank - a.rank || b.age - a.age);
  return aging.map(({ rank: _rank, ...demand }) => demand);
}

function agingStatus(age: Millis, expectation: ServiceLevelExpectation): AgingStatus {
  if (expectation.p85 === null) return "no-sle";
  if (expectation.p50 !== null && age <= expectation.p50) return "within-p50";
  return age <= expectation.p85 ? "within-sle" : "beyond-sle";
}
