import { loadConfigOrExit } from "./config";
import { queryCompilerModule } from "./db/query-compiler";
import { planDatabase } from "./db/start-database";

// Prisma's query compiler compiles on V8's threads while everything below runs; a failure
// surfaces where the client connects (run-server.ts).
queryCompilerModule().catch(() => {});
const config = loadConfigOrExit();
const database = await planDatabase(config);
// PostgreSQL boots in a child process in a few hundred milliseconds. Its launch comes first:
// the application's modules (a separate chunk of the build) load in one synchronous stretch
// that would hold the steps before the spawn back (issue 20: the spawn came 0.9 s late).
// Then the app loads and is built against the connection string the database will have,
// while PostgreSQL boots and the schema is checked.
let onLaunched = () => {};
const launched = new Promise<void>((resolve) => {
  onLaunched = resolve;
});
const starting = database.start({ onLaunched });
await Promise.race([launched, starting]);
const [running, server] = await Promise.all([
  starting,
  import("./run-server").then(({ prepareServer }) => prepareServer(config, database.url)),
]);
await server.listen(running);
