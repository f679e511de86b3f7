import type { THealth } from "@tideway/contracts";
import type { Db } from "../db/prisma";

export async function checkHealth(db: Db): Promise<THealth> {
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY migration_name`;
    return { status: "ok", db: "up", migrations: rows.map((row) => row.migration_name) };
  } catch {
    return { status: "unhealthy", db: "down", migrations: [] };
  }
}
