import type { TDemand } from "@tideway/contracts";
import { useT } from "../../i18n/use-t";
import { formatDuration, formatSeconds } from "../../ui/format";
import { useBoardStore } from "./board-store";
import { cardServiceLevel } from "./card-service-level";
import { useServiceLevel } from "./use-service-level";
import "./sle-badge.css";

/**
 * "Past p50 (6.2d)" or "Past SLE p85 (10d)" on a card in progress whose age
 * (from the commitment point, as on the dashboard) is past the board's p50
 * or p85 delivery cycle time; nothing otherwise. Recomputed on every tick of
 * the clock, so a card crosses without a reload. The board page keeps the
 * SLE itself loaded (`useServiceLevelOf`).
 */
export function SleBadge({ demand, now }: { demand: TDemand; now: number }) {
  const t = useT();
  const boardId = useBoardStore((s) => s.boardId);
  const stages = useBoardStore((s) => s.stages);
  const level = useServiceLevel(boardId);

  const past = cardServiceLevel(demand, stages, level, now);
  if (!past || !level) return null;
  const { crossed, age } = past;
  const threshold = (crossed === "p85" ? level.p85 : level.p50) ?? 0;
  const values = {
    threshold: formatSeconds(threshold, "narrow"),
    thresholdLong: formatSeconds(threshold),
    age: formatDuration(age),
  };
  const label = t(crossed === "p85" ? "sle.badgeP85" : "sle.badgeP50", values);
  const explanation = t(crossed === "p85" ? "sle.explainP85" : "sle.explainP50", values);
  return (
    <span className={`sle-badge sle-${crossed}`} data-sle={crossed} title={explanation}>
      {label}
    </span>
  );
}
