import { Prisma } from "../generated/prisma/client";
import { connectionPoolOf, type Db } from "./prisma";

/**
 * What a raw statement needs of a database handle: Prisma's transaction
 * client is one, and so is the connection under it (transactionConnection).
 * Bulk writers (bulk-insert.ts, logTransitions) take this, so a caller
 * chooses the path.
 */
export interface RawStatements {
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<number>;
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<T>;
}

/**
 * The pg connection a Prisma interactive transaction runs on, as
 * RawStatements: its statements run inside that transaction (same session,
 * committed or rolled back with it) without passing through Prisma. Worth it
 * for large parameters: Prisma serialises each raw statement's parameters to
 * JSON text and back, and its debug module (@prisma/debug, on even when
 * DEBUG is unset) keeps the arguments of its last 100 calls, among them each
 * raw statement's parameters twice (as text and in its query plan), so a
 * bulk import's last statements stayed reachable, about 30 MB of them, until
 * other queries pushed them out. Falls back to the transaction client itself
 * when the connection is not one of this process's pools' checkouts.
 */
export async function transactionConnection(db: Db, tx: Prisma.TransactionClient): Promise<RawStatements> {
  const [backend] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  const client = backend === undefined ? undefined : connectionPoolOf(db)?.checkoutOnBackend(backend.pid);
  if (client === undefined) return tx;
  const run = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
    const statement = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...(values as Prisma.Sql[]));
    return client.query(statement.text, statement.values);
  };
  return {
    $executeRaw: async (query, ...values) => (await run(query, values)).rowCount ?? 0,
    $queryRaw: async <T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      (await run(query, values)).rows as T,
  };
}
