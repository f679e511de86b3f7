import type { Db } from "./db/prisma";

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
  }
}
