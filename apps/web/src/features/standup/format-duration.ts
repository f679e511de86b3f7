import { DAY, HOUR, MINUTE, type Millis } from "@tideway/domain";

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * A duration as people say it across a room: "under a minute", "40 minutes", "5 hours",
 * "9.2 days" (one decimal under ten days), "7 days", "12 days".
 */
export function formatDuration(duration: Millis): string {
  if (duration < MINUTE) return "under a minute";
  if (duration < HOUR) return plural(Math.floor(duration / MINUTE), "minute");
  if (duration < 2 * DAY) return plural(Math.floor(duration / HOUR), "hour");
  const days = duration / DAY;
  const tenths = Math.floor(days * 10) / 10;
  if (days < 10 && !Number.isInteger(tenths)) return `${tenths.toFixed(1)} days`;
  return plural(Math.floor(days), "day");
}

/** "12:05": minutes and seconds of a countdown. */
export function formatClock(duration: Millis): string {
  const totalSeconds = Math.floor(Math.abs(duration) / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}
