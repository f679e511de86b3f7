import { millis } from "@tideway/domain";
import { useT } from "../../i18n/use-t";
import { formatClock } from "../../ui/format";
import { useNow } from "./use-now";

/** Minutes from `?minutes=`, 15 by default: a stand-up that runs long says so. */
export function standupMinutes(raw: string | null): number {
  const minutes = Number(raw);
  if (raw === null || !Number.isFinite(minutes) || minutes <= 0) return 15;
  return Math.min(120, Math.max(1, Math.round(minutes)));
}

/** Counts down the stand-up's time box, then counts how far over it ran. */
export function StandupTimer({ startedAt, minutes }: { startedAt: number; minutes: number }) {
  const now = useNow(1000);
  const t = useT();
  const left = millis(startedAt + minutes * 60_000 - now);
  const over = left < 0;
  return (
    <div className="standup-timer" role="timer" data-over={over}>
      <span className="standup-label">{over ? t("timer.over") : t("timer.left", { minutes })}</span>
      <span className="standup-timer-clock">{formatClock(left)}</span>
    </div>
  );
}
