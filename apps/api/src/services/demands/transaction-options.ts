/**
 * Interactive transactions wait at most 5 s for a connection and may run for
 * 15 s: far above a move's few milliseconds, so a slow moment never aborts a
 * healthy write, yet a stuck one cannot hold row locks for long.
 */
export const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 15_000 } as const;
