import { boundaryTimes } from "./boundary-times";
import { type CycleTimeOptions, deliverySpan } from "./cycle-times";
import { matchesDemandFilter } from "./demand-filter";
import type { DemandFlow, FlowStage } from "./flow-history";
import { isInWindow } from "./metric-window";
import { orderStages } from "./stage-order";
import { forEachStageStay } from "./stage-stay";
import { type EpochMs, epochMs, type Millis, millis } from "./units";
import { durationBetween } from "./utc-calendar";

export interface DemandFlowEfficiency {
  demandId: string;
  /** Time in `active` stages while not blocked, within the delivery cycle. */
  activeTime: Millis;
  /** Delivery cycle time. */
  cycleTime: Millis;
  /** activeTime / cycleTime, 0..1; null for a zero cycle time. */
  efficiency: number | null;
}

export interface FlowEfficiency {
  /** Total active time over total cycle time of the demands below; null when they add up to no time. */
  efficiency: number | null;
  activeTime: Millis;
  cycleTime: Millis;
  /** In order of delivery. */
  demands: DemandFlowEfficiency[];
}

/**
 * Flow efficiency of the demands delivered in the window: the share of
 * their delivery cycle (commitment point to delivery) spent in `active`
 * stages and not blocked. Time in `queue` stages, blocked time (in any stage)
 * and archived time count as waiting. The aggregate weighs each demand by its
 * cycle time (total active / total cycle), so one quick demand cannot swing it.
 *
 * Example: committed into Design (active) day 0, blocked day 1, unblocked
 * day 2, moved to Release (queue) day 4, delivered day 10: active 1 + 2 = 3
 * of 10 days, efficiency 0.3.
 */
export function flowEfficiency(
  demands: readonly DemandFlow[],
  stages: readonly FlowStage[],
  options: CycleTimeOptions,
): FlowEfficiency {
  const order = orderStages(stages);
  const basis = options.timeBasis ?? "calendar";
  const measured: (DemandFlowEfficiency & { deliveredAt: EpochMs })[] = [];
  let totalActive = 0;
  let totalCycle = 0;
  for (const demand of demands) {
    if (!matchesDemandFilter(demand, options.filter)) continue;
    const cycle = deliverySpan(boundaryTimes(demand.events, order));
    if (cycle === null || !isInWindow(cycle.finishedAt, options.window)) continue;
    let active = 0;
    forEachStageStay(demand.events, order, cycle.finishedAt, (stay) => {
      if (stay.blocked || stay.archived || order.kindAt[stay.rank] !== "active") return;
      const start = epochMs(Math.max(stay.start, cycle.startedAt));
      if (stay.end > start) active += durationBetween(start, stay.end, basis);
    });
    const cycleTime = durationBetween(cycle.startedAt, cycle.finishedAt, basis);
    totalActive += active;
    totalCycle += cycleTime;
    measured.push({
      demandId: demand.id,
      activeTime: millis(active),
      cycleTime,
      efficiency: cycleTime > 0 ? active / cycleTime : null,
      deliveredAt: cycle.finishedAt,
    });
  }
  measured.sort((a, b) => a.deliveredAt - b.deliveredAt);
  return {
    efficiency: totalCycle > 0 ? totalActive / totalCycle : null,
    activeTime: millis(totalActive),
    cycleTime: millis(totalCycle),
    demands: measured.map(({ deliveredAt: _deliveredAt, ...demand }) => demand),
  };
}
