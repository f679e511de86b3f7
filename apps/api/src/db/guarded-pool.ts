import pg from "pg";

/**
 * Connecting to PostgreSQL must fail fast when it is unreachable (503
 * DATABASE_UNAVAILABLE within seconds), while waiting for a busy pool's
 * connection may take longer: a burst of reads queues and is answered.
 */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * What the pool does when every connection is busy: a request waits its turn
 * for at most `waitLimitMs`, behind at most `waitingLimit` others. Past
 * either bound the process is overloaded, and the request is refused at once
 * (503 OVERLOADED with Retry-After) rather than queued without end.
 * Measured (apps/api/test/overload.test.ts, bench/overload-bench.ts): 1,000
 * concurrent board reads queue about 2,000 statements on 20 connections and
 * are all answered within a few seconds on a loaded 2-core machine.
 */
export interface PoolQueueLimits {
  waitLimitMs: number;
  waitingLimit: number;
}

export const DEFAULT_POOL_QUEUE_LIMITS: PoolQueueLimits = { waitLimitMs: 30_000, waitingLimit: 5_000 };

/** Marks the refusal; the error handler maps it to 503 OVERLOADED. Prisma keeps only the message. */
export const POOL_OVERLOADED_MESSAGE = "tideway: the connection pool is overloaded";

/**
 * A statement sent through a checkout already released: its transaction had
 * ended (rolled back at its time limit) before the statement was sent.
 */
export const RELEASED_CHECKOUT_MESSAGE =
  "This connection was already returned to the pool; the statement was not sent.";

export class PoolOverloadedError extends Error {
  override name = "PoolOverloadedError";
  constructor(reason: string) {
    super(`${POOL_OVERLOADED_MESSAGE} (${reason})`);
  }
}

/** pg-pool's error for a checkout that waited past connectionTimeoutMillis in its queue. */
const QUEUE_TIMEOUT_MESSAGE = "timeout exceeded when trying to connect";

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/**
 * A pg pool that hands Prisma's interactive transactions connections it
 * cannot misuse. @prisma/adapter-pg checks a client out per transaction and
 * trusts Prisma's transaction manager to release it exactly once, idle. Known
 * faults break that under timeouts:
 * - prisma/orm#29719: a transaction whose start outlived `maxWait` was
 *   released with its BEGIN still open; the next borrower ran inside it
 *   ("there is already a transaction in progress", or committed its work).
 * - prisma/orm#29952: a timeout during COMMIT released the client twice; the
 *   second release landed on the next borrower and crashed the process.
 * - prisma/orm#29762: a statement sent after the timeout's ROLLBACK ran on its
 *   own, committing part of a transaction reported as failed.
 * Each checkout is therefore wrapped: a second release does nothing, a client
 * released inside a transaction or mid-statement is closed (PostgreSQL rolls
 * back whatever it held) instead of being reused, and a statement sent
 * through a checkout that was already released is refused, never run.
 * Prisma also sends a transaction's statements without waiting for the one
 * before (its query interpreter loads relations concurrently); pg 8.19 queues
 * them but deprecates that, printing a DeprecationWarning at the first
 * `include` inside a transaction. The checkout queues them itself instead,
 * in the same order, so each statement reaches pg once its predecessor settled.
 * Clients used by single statements (`pool.query`) are not wrapped: pg-pool
 * releases those itself, once.
 */
export class GuardedPool extends pg.Pool {
  readonly queueLimits: PoolQueueLimits;
  /** Checked-out (guarded) clients by the PostgreSQL backend each talks to (see checkoutOnBackend). */
  private readonly checkouts = new Map<number, pg.PoolClient>();

  constructor(config: pg.PoolConfig, queueLimits: PoolQueueLimits = DEFAULT_POOL_QUEUE_LIMITS) {
    // pg-pool applies connectionTimeoutMillis to a wait in its queue; each new
    // connection's own handshake keeps the short CONNECT_TIMEOUT_MS.
    super({
      ...config,
      connectionTimeoutMillis: queueLimits.waitLimitMs,
      Client: FastFailingClient as unknown as pg.PoolConfig["Client"],
    });
    this.queueLimits = queueLimits;
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    const refusal = this.queueFull();
    if (!callback) {
      if (refusal) return Promise.reject(refusal);
      return super.connect().then(
        (client) => this.guard(client),
        (error: unknown) => Promise.reject(asOverload(error)),
      );
    }
    if (refusal) {
      callback(refusal, undefined, () => {});
      return undefined;
    }
    super.connect((error, client, done) => callback(error && asOverload(error), client, done));
    return undefined;
  }

  /**
   * The checked-out connection talking to backend `pid` (PostgreSQL's
   * pg_backend_pid()), guarded as Prisma holds it: how a bulk write reaches
   * the connection under a Prisma interactive transaction
   * (db/transaction-connection.ts). Undefined once it is released.
   */
  checkoutOnBackend(pid: number): pg.PoolClient | undefined {
    return this.checkouts.get(pid);
  }

  private guard(client: pg.PoolClient): pg.PoolClient {
    const pid = (client as unknown as { processID: number }).processID;
    const guarded = guardCheckout(client, () => {
      if (this.checkouts.get(pid) === guarded) this.checkouts.delete(pid);
    });
    this.checkouts.set(pid, guarded);
    return guarded;
  }

  private queueFull(): PoolOverloadedError | undefined {
    if (this.waitingCount < this.queueLimits.waitingLimit) return undefined;
    return new PoolOverloadedError(`${this.waitingCount} requests already wait for a connection`);
  }
}

/** A pg client whose handshake gives up after CONNECT_TIMEOUT_MS, whatever the pool's queue allows. */
class FastFailingClient extends pg.Client {
  constructor(config: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

/**
 * A checkout that timed out in the queue found every connection busy: the
 * database answers, this process asks too much of it. (An unreachable
 * database fails the handshake instead, within CONNECT_TIMEOUT_MS.)
 */
function asOverload(error: unknown): Error {
  if (error instanceof Error && error.message === QUEUE_TIMEOUT_MESSAGE) {
    return new PoolOverloadedError("no connection became free in time");
  }
  return error as Error;
}

function guardCheckout(client: pg.PoolClient, onRelease: () => void): pg.PoolClient {
  let released = false;
  const release = (error?: Error | boolean) => {
    if (released) return;
    released = true;
    onRelease();
    client.release(error || unsafeToReuse(client));
  };
  const refuse = () => Promise.reject(new Error(RELEASED_CHECKOUT_MESSAGE));
  let previous: Promise<unknown> = Promise.resolve();
  const queryInTurn = (...args: unknown[]) => {
    // Callback-style calls are pg-pool's own bookkeeping; hand them straight through.
    if (typeof args.at(-1) === "function") return (client.query as (...a: unknown[]) => unknown)(...args);
    const turn = previous.then(() =>
      released ? refuse() : (client.query as (...a: unknown[]) => Promise<unknown>)(...args),
    );
    previous = turn.catch(() => undefined);
    return turn;
  };
  return new Proxy(client, {
    get(target, property) {
      if (property === "release") return release;
      if (property === "query") return released ? refuse : queryInTurn;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Why a released client must be closed rather than lent again, or undefined when it is clean. */
function unsafeToReuse(client: pg.PoolClient): Error | undefined {
  const status = client.getTransactionStatus();
  // pg sets readyForQuery while no statement of this client is on the wire.
  const busy = (client as unknown as { readyForQuery?: boolean }).readyForQuery === false;
  if (status === "I" && !busy) return undefined;
  return new Error(
    `connection released ${busy ? "with a statement running" : `in transaction state ${status}`}`,
  );
}
