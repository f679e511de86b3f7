import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { SESSION_LIMITS } from "../services/demands/transaction-options";
import { DEFAULT_POOL_QUEUE_LIMITS, GuardedPool, type PoolQueueLimits } from "./guarded-pool";

export type Db = PrismaClient;

/** Each client's connection pool, for the pool-use metrics (plugins/prometheus-metrics.ts). */
const poolsByClient = new WeakMap<Db, GuardedPool>();

export function connectionPoolOf(db: Db): GuardedPool | undefined {
  return poolsByClient.get(db);
}

export function createPrisma(
  connectionString: string,
  options: { poolSize?: number; lockTimeoutMs?: number; queueLimits?: Partial<PoolQueueLimits> } = {},
): Db {
  const pool = new GuardedPool(
    {
      connectionString,
      max: options.poolSize ?? 20,
      idleTimeoutMillis: 30_000,
      lock_timeout: options.lockTimeoutMs ?? SESSION_LIMITS.lockTimeoutMs,
      idle_in_transaction_session_timeout: SESSION_LIMITS.idleInTransactionMs,
      statement_timeout: SESSION_LIMITS.statementTimeoutMs,
      query_timeout: SESSION_LIMITS.queryTimeoutMs,
      // How this process's sessions show in pg_stat_activity.
      application_name: "tideway",
    },
    { ...DEFAULT_POOL_QUEUE_LIMITS, ...options.queueLimits },
  );
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  poolsByClient.set(client, pool);
  return client;
}
