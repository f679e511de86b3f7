import { z } from "zod";

export const ZHealth = z.object({
  status: z.enum(["ok", "unhealthy"]),
  db: z.enum(["up", "down"]),
  migrations: z.array(z.string()).describe("Applied migrations, oldest first"),
});
export type THealth = z.infer<typeof ZHealth>;
