// `npm start`: builds what changed since the last build (scripts/build.mjs),
// then runs the compiled server in this same process, saving a second Node
// start-up; V8's compile cache keeps the server's modules compiled across starts.
import module from "node:module";
import { build } from "./build.mjs";

// Vite's build sets NODE_ENV=production in this process when it is unset; the server must see
// what the person set (unset: development, with the demo seed and plain-HTTP cookies).
const nodeEnv = process.env.NODE_ENV;
await build({ ifChanged: true });
if (nodeEnv === undefined) delete process.env.NODE_ENV;
else process.env.NODE_ENV = nodeEnv;
module.enableCompileCache?.();
await import("../apps/api/dist/server.js");
