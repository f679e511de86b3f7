import { loadConfigOrExit } from "./config";
import { planDatabase } from "./db/start-database";

const config = loadConfigOrExit();
const database = await planDatabase(config);
// PostgreSQL boots in a child process for a second or so. Meanwhile the
// application's modules load (a separate chunk of the build, so importing them
// is real work that overlaps the boot) and the app is built against the
// connection string the database will have.
const [running, server] = await Promise.all([
  database.start(),
  import("./run-server").then(({ prepareServer }) => prepareServer(config, database.url)),
]);
await server.listen(running);
