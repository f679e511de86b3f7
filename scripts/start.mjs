// `npm start`: builds what changed since the last build (scripts/build.mjs),
// then runs the compiled server in this same process, saving a second Node
// start-up; V8's compile cache keeps the server's modules compiled across starts.
import module from "node:module";
import { build } from "./build.mjs";

await build({ ifChanged: true });
module.enableCompileCache?.();
await import("../apps/api/dist/server.js");
