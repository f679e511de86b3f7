import { buildApp } from "./app";
import { type Config, configWarnings } from "./config";
import { createPrisma, preloadQueryCompiler } from "./db/prisma";
import type { RunningDatabase } from "./db/start-database";
import { limitHeapGrowth } from "./heap-growth";
import { seedDemoIfEmpty } from "./seed/seed-demo";
import { signInAccounts, signInHint } from "./seed/sign-in-hint";

export interface PreparedServer {
  /** Once the database is up: demo data, signals, listening, the sign-in hint. */
  listen(database: RunningDatabase): Promise<void>;
}

/**
 * Builds the app (Prisma's client, every route and plugin) against the
 * connection string the database will have, while the database starts:
 * nothing here queries it. The SLE sweep starts when the server listens.
 */
export async function prepareServer(config: Config, databaseUrl: string): Promise<PreparedServer> {
  limitHeapGrowth();
  const db = createPrisma(databaseUrl);
  // An external database may be shared by several API processes behind one
  // URL; their socket.io broadcasts then travel through it.
  const app = await buildApp({ config, db, sharedDatabaseUrl: config.databaseUrl });
  await preloadQueryCompiler();

  async function listen(database: RunningDatabase): Promise<void> {
    const demo = config.production ? null : await seedDemoIfEmpty(db, config.demoNow);
    const accounts = signInAccounts(db);

    let stopping = false;
    async function shutdown(signal: string): Promise<void> {
      if (stopping) return;
      stopping = true;
      app.log.info({ signal }, "shutting down");
      try {
        await app.close();
        await db.$disconnect();
      } finally {
        await database.stop();
        process.exit(0);
      }
    }
    process.once("SIGINT", () => void shutdown("SIGINT"));
    process.once("SIGTERM", () => void shutdown("SIGTERM"));

    const address = await app.listen({ port: config.port, host: config.host });
    const url = address.replace("127.0.0.1", "localhost");
    const lines = [
      `Tideway is running at ${url}`,
      `  database: ${database.description}`,
      database.migrationsApplied.length > 0
        ? `  migrations applied now: ${database.migrationsApplied.join(", ")}`
        : "  migrations: up to date",
    ];
    if (demo) lines.push(`  demo board seeded: ${demo.boardKey} (${demo.demands} demands)`);
    lines.push(...signInHint(await accounts, `${url}/sign-in`));
    // In the banner itself, once per start, where the operator reads where to sign in.
    lines.push(...configWarnings(config).map((warning) => `  Warning: ${warning}`));
    console.log(lines.join("\n"));
  }
  return { listen };
}
