import { DAY, HOUR, MINUTE, type Millis, toSeconds } from "./units";

export type DurationUnit = "second" | "minute" | "hour" | "day";

/** A duration in the unit a person would say, with its count already rounded. */
export interface SpokenDuration {
  unit: DurationUnit;
  count: number;
}

/**
 * The one rounding rule for durations shown to people (DESIGN "Metrics": one
 * formatter and one rounding rule in every view), used by the web app's
 * formatter for the dashboard, stand-up, card badges, notifications and
 * reports, and by anything the API writes for people:
 *
 * - the unit: seconds under a minute, minutes up to an hour and a half,
 *   hours up to two days, days after that;
 * - the count: whole seconds, otherwise to the nearest tenth, halves away
 *   from zero. Days keep their tenth at any size: a p85 of 14.3 days against
 *   a 14-day goal must not read "14 days".
 *
 * Example: 6.94 days is { day, 6.9 }, 6.95 days { day, 7 }, 41.26 minutes
 * { minute, 41.3 }, 45.5 seconds { second, 46 }.
 */
export function spokenDuration(duration: Millis): SpokenDuration {
  const length = Math.abs(duration);
  if (length < MINUTE) return { unit: "second", count: roundHalfAway(toSeconds(duration), 0) };
  if (length < 90 * MINUTE) return { unit: "minute", count: roundHalfAway(duration / MINUTE, 1) };
  if (length < 2 * DAY) return { unit: "hour", count: roundHalfAway(duration / HOUR, 1) };
  return { unit: "day", count: roundHalfAway(duration / DAY, 1) };
}

function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // The tolerance keeps a value that is a half on paper (6.95) from rounding down through float error.
  const rounded = Math.round(Math.abs(value) * factor + 1e-9) / factor;
  return value < 0 ? -rounded : rounded;
}
