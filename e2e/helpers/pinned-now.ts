const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant E2E_NOW names, as the ISO string the server's DEMO_NOW takes.
 * "08:20" is a time of day in UTC: the latest 08:20 UTC not after `now`, so a
 * run pinned to an hour always seeds a history that ends in the past (the
 * server refuses a DEMO_NOW in the future). An instant with a zone is taken as
 * it is. Example: at 2026-12-07T12:40Z, "23:50" is 2026-12-06T23:50:00.000Z.
 */
export function resolvePinnedNow(value: string, now = new Date()): string {
  const time = TIME_OF_DAY.exec(value);
  if (time) {
    const pinned = new Date(now);
    pinned.setUTCHours(Number(time[1]), Number(time[2]), 0, 0);
    if (pinned.getTime() > now.getTime()) pinned.setUTCDate(pinned.getUTCDate() - 1);
    return pinned.toISOString();
  }
  if (ZONED_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  throw new Error(
    `E2E_NOW must be a UTC time of day like 08:20 or an instant with a zone like 2026-03-04T08:20:00Z, got "${value}"`,
  );
}
