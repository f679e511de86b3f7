import pg from "pg";

/**
 * Records the text of every statement any pg client of this test file sends to
 * PostgreSQL (Prisma's adapter included), from `start()` to `stop()`: for tests
 * that bound how many round trips an operation takes, by count rather than time.
 */
export function statementLog() {
  const statements: string[] = [];
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  return {
    statements,
    start() {
      pg.Client.prototype.query = function recordedQuery(this: pg.Client, ...args: unknown[]) {
        const [config] = args;
        statements.push(typeof config === "string" ? config : String((config as { text?: string })?.text));
        return query.apply(this, args);
      } as typeof pg.Client.prototype.query;
    },
    stop() {
      pg.Client.prototype.query = query as typeof pg.Client.prototype.query;
    },
  };
}
