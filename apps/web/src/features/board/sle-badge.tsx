import type { TDemand, TStage } from "@tideway/contracts";
import { DAY, durationBetween, epochMs, millis, orderStages, serviceLevelCrossing } from "@tideway/domain";
import { useEffect } from "react";
import { useBoardStore } from "./board-store";
import { useServiceLevel } from "./service-level-store";
import "./sle-badge.css";

const inProgressRanks = new WeakMap<
  readonly TStage[],
  { rankOf: Map<string, number>; from: number; to: number }
>();

/** Ranks of the stages where a committed demand is in progress: from the commitment point up to delivery. */
function progressRanks(stages: readonly TStage[]) {
  let found = inProgressRanks.get(stages);
  if (!found) {
    const order = orderStages(stages);
    found = {
      rankOf: new Map(order.rankOf),
      from: order.commitment ?? 0,
      to: order.delivered ?? order.stages.length,
    };
    inProgressRanks.set(stages, found);
  }
  return found;
}

const wholeDays = (seconds: number) => Math.round(seconds / 86_400);

/**
 * "Past p50 (6 d)" or "Past SLE p85 (10 d)" on a card in progress whose age
 * (from the commitment point, as on the dashboard) is past the board's p50
 * or p85 delivery cycle time; nothing otherwise. Recomputed on every tick of
 * the clock, so a card crosses without a reload.
 */
export function SleBadge({ demand, now }: { demand: TDemand; now: number }) {
  const boardId = useBoardStore((s) => s.boardId);
  const stages = useBoardStore((s) => s.stages);
  const level = useServiceLevel((s) => (s.boardId === boardId ? s.level : null));
  useEffect(() => {
    if (boardId) useServiceLevel.getState().ensure(boardId, now);
  }, [boardId, now]);

  if (!level || !demand.committedAt || demand.archivedAt) return null;
  const { rankOf, from, to } = progressRanks(stages);
  const rank = rankOf.get(demand.stageId);
  if (rank === undefined || rank < from || rank >= to) return null;
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
