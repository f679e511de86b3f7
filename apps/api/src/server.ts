import { loadConfigOrExit } from "./config";
import { planDatabase } from "./db/start-database";

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
