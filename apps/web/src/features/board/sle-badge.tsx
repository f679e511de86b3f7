import type { TDemand } from "@tideway/contracts";
import { DAY, fromSeconds } from "@tideway/domain";
import { useBoardStore } from "./board-store";
import { cardServiceLevel } from "./card-service-level";
import { useServiceLevel } from "./service-level-store";
import "./sle-badge.css";

const wholeDays = (seconds: number) => Math.round(fromSeconds(seconds) / DAY);

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

  const past = cardServiceLevel(demand, stages, level, now);
  if (!past || !level) return null;
  const { crossed, age } = past;
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
