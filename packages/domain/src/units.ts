/**
 * Units of flow metrics. Every duration in the domain is milliseconds and
 * every instant is epoch milliseconds (UTC); the brands keep the two apart
 * (an instant minus an instant is a duration, never another instant) and
 * stop a seconds value from slipping in. Convert only at the edges: the API
 * builds `EpochMs` from database timestamps and reports `toSeconds(...)`.
 */

export type Millis = number & { readonly __unit: "ms" };
export type EpochMs = number & { readonly __unit: "epoch-ms" };

export const millis = (value: number): Millis => value as Millis;
export const epochMs = (value: number): EpochMs => value as EpochMs;

export const MINUTE = millis(60_000);
export const HOUR = millis(60 * MINUTE);
export const DAY = millis(24 * HOUR);
export const WEEK = millis(7 * DAY);

export const minutes = (count: number): Millis => millis(count * MINUTE);
export const hours = (count: number): Millis => millis(count * HOUR);
export const days = (count: number): Millis => millis(count * DAY);

/** The calendar time from `start` to `end`. */
export const elapsed = (start: EpochMs, end: EpochMs): Millis => millis(end - start);

/** Seconds, the unit of the HTTP surface (DESIGN "HTTP and socket surface"). */
export const toSeconds = (duration: Millis): number => duration / 1000;
