import { ErrorCode } from "@tideway/contracts";
import { AppError } from "../errors/app-error";

/**
 * At most `maxPerUser` of one kind of heavy work (forecasts, imports) in
 * flight per user in this process. One more is refused at once with 429
 * TOO_MANY_AT_ONCE and Retry-After, rather than let one person's burst queue
 * everyone else's work behind it. A slot is held until the work settles,
 * even if the client has gone: the work still runs.
 */
export class PerUserLimit {
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly what: string,
    readonly maxPerUser: number,
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
    this.inFlight.set(userId, running + 1);
    try {
      return await work();
    } finally {
      const left = (this.inFlight.get(userId) ?? 1) - 1;
      if (left === 0) this.inFlight.delete(userId);
      else this.inFlight.set(userId, left);
    }
  }
}

/** Forecasts in flight per user: the dashboard asks for two at a time. */
export const forecastsPerUser = new PerUserLimit("forecasts", 4);

/** Board and CSV imports in flight per user: each holds a large document and a long transaction. */
export const importsPerUser = new PerUserLimit("imports", 1);
