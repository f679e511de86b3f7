import pg from "pg";

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
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    if (!callback) return super.connect().then(guardCheckout);
    super.connect(callback);
    return undefined;
  }
}

function guardCheckout(client: pg.PoolClient): pg.PoolClient {
  let released = false;
  const release = (error?: Error | boolean) => {
    if (released) return;
    released = true;
    client.release(error || unsafeToReuse(client));
  };
  const refuse = () =>
    Promise.reject(
      new Error("This connection was already returned to the pool; the statement was not sent."),
    );
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
