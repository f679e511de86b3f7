import { ErrorCode } from "@tideway/contracts";
import { AppError } from "../errors/app-error";

/**
 * At most `maxPerUser` of one kind of heavy work (forecasts, imports) in
 * flight per user in this process. One more is refused at once with 429
 * TOO_MANY_AT_ONCE and Retry-After, rather than let one person's burst queue
 * everyone else's work behind it. With `maxInProcess`, the process as a whole
 * takes at most that many, from everyone: one more is 503 OVERLOADED with
 * Retry-After (the server is busy, not the person). A slot is held until the
 * work settles, even if the client has gone: the work still runs.
 */
export class PerUserLimit {
  private readonly inFlight = new Map<string, number>();
  private inProcess = 0;

  constructor(
    private readonly what: string,
    readonly maxPerUser: number,
    readonly maxInProcess = Number.POSITIVE_INFINITY,
  ) {}

  async run<T>(userId: string, work: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(userId) ?? 0;
    if (running >= this.maxPerUser) {
      throw new AppError(
        ErrorCode.TOO_MANY_AT_ONCE,
        `You already have ${running} ${this.what} running, the most one person may; try again when one has finished.`,
        { limit: this.maxPerUser },
      );
    }
    if (this.inProcess >= this.maxInProcess) {
      throw new AppError(
        ErrorCode.OVERLOADED,
        `The server is running ${this.inProcess} ${this.what}, the most it takes at once; try again in a moment.`,
        { limit: this.maxInProcess },
      );
    }
    this.inFlight.set(userId, running + 1);
    this.inProcess += 1;
    try {
      return await work();
    } finally {
      this.inProcess -= 1;
      const left = (this.inFlight.get(userId) ?? 1) - 1;
      if (left === 0) this.inFlight.delete(userId);
      else this.inFlight.set(userId, left);
    }
  }
}

/** Forecasts in flight per user: the dashboard asks for two at a time. The worker pool queues the rest (forecast-threads.ts). */
export const forecastsPerUser = new PerUserLimit("forecasts", 4);

/**
 * Board and CSV imports in flight: one per user, as each holds a large document and a long
 * transaction; four in the process, as a board import holds one of the pool's 20 connections
 * while its upload streams in (up to 10 minutes), and every other request needs the rest.
 */
export const importsPerUser = new PerUserLimit("imports", 1, 4);
