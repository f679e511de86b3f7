import "@fastify/cookie";
import type { Config } from "./config";
import type { Db } from "./db/prisma";
import type { Mailer } from "./mail/mailer";
import type { ConnectionSink } from "./services/auth/connection-sink";
import type { BoardEventSink } from "./services/board-events";
import type { UserEventSink } from "./services/insights/user-events";

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
    config: Config;
    boardEvents: BoardEventSink;
    userEvents: UserEventSink;
    connections: ConnectionSink;
    mailer: Mailer;
  }
}
