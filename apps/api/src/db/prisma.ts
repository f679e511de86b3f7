import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;

export function createPrisma(connectionString: string, options: { poolSize?: number } = {}): Db {
  const adapter = new PrismaPg({
    connectionString,
    max: options.poolSize ?? 20,
    // Fail fast when the database is unreachable instead of queueing requests.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}
