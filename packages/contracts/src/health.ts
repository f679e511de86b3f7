import { z } from "zod";

export const ZHealth = z.object({
  status: z.enum(["ok", "unhealthy"]),
  db: z.enum(["up", "down"]),
  migrations: z.array(z.string()).describe("Applied migrations, oldest first"),
});
export type THealth = z.infer<typeof ZHealth>;

/** `GET /api/health/live`: the process answers; says nothing about the database (restarting would not fix it). */
export const ZLiveness = z.object({ status: z.literal("ok") });
export type TLiveness = z.infer<typeof ZLiveness>;

/** `GET /api/health/ready`: whether this process should get traffic: database reachable, every migration applied. */
export const ZReadiness = z.object({
  status: z.enum(["ready", "not_ready"]),
  db: z.enum(["up", "down"]),
  pendingMigrations: z
    .array(z.string())
    .describe("Migrations on disk that the database has not recorded as applied, oldest first"),
});
export type TReadiness = z.infer<typeof ZReadiness>;
