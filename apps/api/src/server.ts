import { loadConfigOrExit } from "./config";
import { startDatabase } from "./db/start-database";

const config = loadConfigOrExit();
// PostgreSQL boots in a child process for a second or so; the application's
// modules (Fastify, Prisma's query compiler, every route) load meanwhile.
// They are a separate chunk of the build, so importing them is real work
// that overlaps the database's start instead of preceding it.
const [database, { runServer }] = await Promise.all([startDatabase(config), import("./run-server")]);
await runServer(config, database);
