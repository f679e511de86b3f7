// Generates the Prisma client offline.
//
// Every Prisma CLI command first tries to download a schema-engine binary that
// `prisma generate` never uses. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any
// existing file skips that download, so generation works without internet.
// This is the one place that knows about it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const result = spawnSync("npx", ["prisma", "generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
