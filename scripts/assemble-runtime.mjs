// Copies what production runs into a folder of its own, after `npm run build`:
// the manifests and lock file that `npm ci --omit=dev` installs from, the
// compiled API and web app, the migrations the server applies at start-up, and
// the install script. The Dockerfile's build stage and the production-build test
// (apps/api/test/production-build.test.ts) both use it, so the image and the test
// get the same files.
//
//   node scripts/assemble-runtime.mjs <target folder>
import { cpSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const target = process.argv[2];
if (!target) {
  console.error("usage: node scripts/assemble-runtime.mjs <target folder>");
  process.exit(2);
}

const RUNTIME_FILES = [
  "package.json",
  "package-lock.json",
  // npm ci needs every workspace's manifest, even those with nothing to install.
  "apps/api/package.json",
  "apps/web/package.json",
  "packages/domain/package.json",
  "packages/contracts/package.json",
  // Run by npm ci: links the embedded PostgreSQL's libraries (no Prisma CLI here, so no generate).
  "scripts/postinstall.mjs",
  "apps/api/dist",
  "apps/web/dist",
  "prisma/migrations",
];

for (const entry of ["apps/api/dist/server.js", "apps/web/dist/index.html"]) {
  if (!existsSync(path.join(root, entry))) {
    console.error(`assemble-runtime: ${entry} is missing; run npm run build first`);
    process.exit(1);
  }
}
for (const entry of RUNTIME_FILES) {
  const destination = path.resolve(target, entry);
  mkdirSync(path.dirname(destination), { recursive: true });
  cpSync(path.join(root, entry), destination, { recursive: true });
}
console.log(`assemble-runtime: ${RUNTIME_FILES.length} entries copied to ${path.resolve(target)}`);
