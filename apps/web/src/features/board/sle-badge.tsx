import type { TDemand, TStage } from "@tideway/contracts";
import {
  DAY,
  durationBetween,
  epochMs,
  isInProgressRank,
  millis,
  orderStages,
  type StageOrder,
  serviceLevelCrossing,
} from "@tideway/domain";
import { useBoardStore } from "./board-store";
import { useServiceLevel } from "./service-level-store";
import "./sle-badge.css";

const stageOrders = new WeakMap<readonly TStage[], StageOrder>();

/** The board's stage order, worked out once per stage list rather than once per card. */
function stageOrderOf(stages: readonly TStage[]): StageOrder {
  let order = stageOrders.get(stages);
  if (!order) {
    order = orderStages(stages);
    stageOrders.set(stages, order);
  }
  return order;
}

const wholeDays = (seconds: number) => Math.round(seconds / 86_400);

/**
 * "Past p50 (6 d)" or "Past SLE p85 (10 d)" on a card in progress whose age
 * (from the commitment point, as on the dashboard) is past the board's p50
 * or p85 delivery cycle time; nothing otherwise. Recomputed on every tick of
 * the clock, so a card crosses without a reload. The board page keeps the
 * SLE itself loaded (`useServiceLevelOf`).
 */
export function SleBadge({ demand, now }: { demand: TDemand; now: number }) {
  const boardId = useBoardStore((s) => s.boardId);
  const stages = useBoardStore((s) => s.stages);
  const level = useServiceLevel((s) => (s.boardId === boardId ? s.level : null));

  if (!level || !demand.committedAt || demand.archivedAt) return null;
  const order = stageOrderOf(stages);
  const rank = order.rankOf.get(demand.stageId);
  if (rank === undefined || !isInProgressRank(order, rank)) return null;
  const age = durationBetween(epochMs(Date.parse(demand.committedAt)), epochMs(now), level.timeBasis);
  const expectation = {
    p50: level.p50 === null ? null : millis(level.p50 * 1000),
    p85: level.p85 === null ? null : millis(level.p85 * 1000),
  };
  const crossed = serviceLevelCrossing(age, expectation);
  if (crossed === null) return null;
  const threshold = (crossed === "p85" ? level.p85 : level.p50) ?? 0;
  const ageDays = Math.floor(age / DAY);
  const label =
    crossed === "p85" ? `Past SLE p85 (${wholeDays(threshold)} d)` : `Past p50 (${wholeDays(threshold)} d)`;
  const explanation =
    crossed === "p85"
      ? `${ageDays} days since commitment: older than 85% of recent deliveries took (${wholeDays(threshold)} days)`
      : `${ageDays} days since commitment: older than half of recent deliveries took (${wholeDays(threshold)} days)`;
  return (
    <span className={`sle-badge sle-${crossed}`} data-sle={crossed} title={explanation}>
      {label}
    </span>
  );
}
