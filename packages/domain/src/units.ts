/**
 * Units of flow metrics: one unit per layer. Every duration in the domain
 * (and in the web app's logic) is milliseconds and every instant is epoch
 * milliseconds (UTC); the HTTP surface carries durations in seconds. The
 * brands keep the three apart (an instant minus an instant is a duration,
 * never another instant; a seconds value cannot pass for milliseconds).
 * Convert only at the edges: the API builds `EpochMs` from database
 * timestamps and reports `toSeconds(...)`; the web app reads the wire's
 * seconds with `fromSeconds(...)`. The constants below are the only place
 * the length of a minute, an hour or a day is written.
 */

export type Millis = number & { readonly __unit: "ms" };
export type EpochMs = number & { readonly __unit: "epoch-ms" };
export type Seconds = number & { readonly __unit: "s" };

export const millis = (value: number): Millis => value as Millis;
export const epochMs = (value: number): EpochMs => value as EpochMs;
export const seconds = (value: number): Seconds => value as Seconds;

export const MINUTE = millis(60_000);
export const HOUR = millis(60 * MINUTE);
export const DAY = millis(24 * HOUR);
export const WEEK = millis(7 * DAY);

export const minutes = (count: number): Millis => millis(count * MINUTE);
export const hours = (count: number): Millis => millis(count * HOUR);
export const days = (count: number): Millis => millis(count * DAY);

/** The calendar time from `start` to `end`. */
export const elapsed = (start: EpochMs, end: EpochMs): Millis => millis(end - start);

const MILLIS_PER_SECOND = 1000;

/** Seconds, the unit of the HTTP surface (DESIGN "HTTP and socket surface"). */
export const toSeconds = (duration: Millis): Seconds => seconds(duration / MILLIS_PER_SECOND);

/** A duration the HTTP surface gave in seconds, in the domain's unit. */
export const fromSeconds = (duration: number): Millis => millis(duration * MILLIS_PER_SECOND);

/** For the wire's side of tests and fixtures: a day and an hour in seconds. */
export const SECONDS_PER_DAY = toSeconds(DAY);
export const SECONDS_PER_HOUR = toSeconds(HOUR);
